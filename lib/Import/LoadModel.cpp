//===- LoadModel.cpp - Load a model from any file lrnn accepts ------------===//

#include "lrnn/Import/LoadModel.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;
using namespace lrnn;

llvm::Expected<OwningOpRef<ModuleOp>>
lrnn::loadModelFile(StringRef path, MLIRContext *context,
                    const ImportOptions &options) {
  if (path.ends_with(".safetensors"))
    return importModelFile(path, context, options);

  auto buffer = llvm::MemoryBuffer::getFileOrSTDIN(path);
  if (!buffer)
    return llvm::createStringError(buffer.getError(),
                                   path + ": cannot open: " +
                                       buffer.getError().message());
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  // Keep the first error (with its location) for a one-line message.
  std::string firstError;
  ScopedDiagnosticHandler handler(context, [&](Diagnostic &diag) {
    if (diag.getSeverity() != DiagnosticSeverity::Error || !firstError.empty())
      return success();
    std::string location;
    if (auto file = dyn_cast<FileLineColLoc>(diag.getLocation()))
      location = (file.getFilename().getValue() + ":" + Twine(file.getLine()) +
                  ":" + Twine(file.getColumn()) + ": ")
                     .str();
    else
      location = (path + ": ").str();
    firstError = location + diag.str();
    return success();
  });
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, context);
  if (!module)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        firstError.empty() ? (path + ": cannot parse").str() : firstError);
  return module;
}
