//===- LoadModel.cpp - Load a model from any file lrnn accepts ------------===//

#include "lrnn/Import/LoadModel.h"
#include "lrnn/Support/ErrorMessages.h"

#include "mlir/Bytecode/BytecodeWriter.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace mlir;
using namespace lrnn;

std::string lrnn::formatErrorLocation(Location loc, StringRef fallback) {
  std::string name;
  if (auto named = dyn_cast<NameLoc>(loc)) {
    name = ("'" + named.getName().getValue() + "': ").str();
    loc = named.getChildLoc();
  }
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    return file.getLine() == 0
               ? (file.getFilename().getValue() + ": " + name).str()
               : (file.getFilename().getValue() + ":" + Twine(file.getLine()) +
                  ":" + Twine(file.getColumn()) + ": " + name)
                     .str();
  return (fallback + ": " + name).str();
}

/// Parses and verifies the MLIR text or bytecode of `buffer`; `path` names
/// it in errors without a location. The first error becomes one line.
static llvm::Expected<OwningOpRef<ModuleOp>>
parseModuleBuffer(std::unique_ptr<llvm::MemoryBuffer> buffer, StringRef path,
                  MLIRContext *context) {
  // MLIR text nested deeper than the parser's recursion can take is refused
  // before parsing (bytecode, which starts "ML\xefR", has no brackets).
  StringRef text = buffer->getBuffer();
  if (!text.starts_with("ML\xefR"))
    if (std::optional<size_t> at = findExcessiveNesting(text, kMaxMlirNesting)) {
      StringRef before = text.take_front(*at);
      size_t lineStart = before.rfind('\n');
      size_t column = lineStart == StringRef::npos ? *at + 1 : *at - lineStart;
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          path + ":" + Twine(before.count('\n') + 1) + ":" + Twine(column) +
              ": brackets nested deeper than " + Twine(kMaxMlirNesting) +
              " levels");
    }
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  // Keep the first error (with its location) for a one-line message.
  std::string firstError;
  ScopedDiagnosticHandler handler(context, [&](Diagnostic &diag) {
    if (diag.getSeverity() != DiagnosticSeverity::Error || !firstError.empty())
      return success();
    // The message may quote the file's text, newlines included.
    firstError = makeOneLine(
        formatErrorLocation(diag.getLocation(), path) + diag.str(), 2000);
    return success();
  });
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, context);
  if (!module)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        firstError.empty() ? (path + ": cannot parse").str() : firstError);
  return module;
}

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
  return parseModuleBuffer(std::move(*buffer), path, context);
}

llvm::Expected<OwningOpRef<ModuleOp>>
lrnn::parseModelSource(StringRef source, StringRef name, MLIRContext *context) {
  return parseModuleBuffer(llvm::MemoryBuffer::getMemBufferCopy(source, name),
                           name, context);
}

llvm::Error lrnn::printModule(ModuleOp module, llvm::raw_ostream &os,
                              bool bytecode, bool debugInfo) {
  if (bytecode) {
    if (failed(writeBytecodeToFile(module, os)))
      return llvm::createStringError("cannot write bytecode");
  } else {
    OpPrintingFlags flags;
    if (debugInfo)
      flags.enableDebugInfo();
    module->print(os, flags);
  }
  return llvm::Error::success();
}

llvm::Error lrnn::writeModuleFile(ModuleOp module, StringRef path,
                                  bool bytecode, bool debugInfo) {
  auto error = [&](const Twine &reason) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   path + ": " + reason);
  };
  // ToolOutputFile deletes the file unless keep() is reached.
  std::error_code ec;
  llvm::ToolOutputFile out(path, ec,
                           bytecode ? llvm::sys::fs::OF_None
                                    : llvm::sys::fs::OF_Text);
  if (ec)
    return error("cannot open for writing: " + ec.message());
  if (auto err = printModule(module, out.os(), bytecode, debugInfo))
    return error(llvm::toString(std::move(err)));
  out.os().flush();
  if (out.os().has_error()) {
    std::error_code failure = out.os().error();
    out.os().clear_error(); // Otherwise the stream aborts when destroyed.
    return error("write failed: " + failure.message());
  }
  out.keep();
  return llvm::Error::success();
}
