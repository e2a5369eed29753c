//===- lrnn-translate.cpp - Translate between MLIR and lrnn file formats --===//
//
// lrnn-translate --import-loihi2 MODEL.l2 [-o MODEL.mlir]
// lrnn-translate --export-loihi2 PROGRAM.mlir -o MODEL.l2
//
// Every error is one line naming the file; mlirTranslateMain deletes the
// output file when the translation fails.
//
//===----------------------------------------------------------------------===//

#include "lrnn/InitAll.h"
#include "lrnn/Target/Loihi2/ProgramFile.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"

#include <algorithm>

using namespace mlir;

static constexpr llvm::StringLiteral kToolName = "lrnn-translate";

namespace {
/// While it lives, prints each error and warning as one line,
/// "lrnn-translate: error: <file>[:<line>:<col>]: <message>", in place of
/// mlirTranslateMain's handler (which adds the source line and notes). Only
/// the first error is printed: later ones follow from it.
class OneLineDiagnostics {
public:
  explicit OneLineDiagnostics(MLIRContext *context)
      : handler(context, [this](Diagnostic &diag) {
          print(diag);
          return success();
        }) {}

private:
  void print(Diagnostic &diag) {
    bool isError = diag.getSeverity() == DiagnosticSeverity::Error;
    if (diag.getSeverity() == DiagnosticSeverity::Note ||
        diag.getSeverity() == DiagnosticSeverity::Remark ||
        (isError && printedError))
      return;
    printedError |= isError;
    std::string where;
    if (auto loc = diag.getLocation()->findInstanceOf<FileLineColLoc>()) {
      where = loc.getFilename().str();
      if (loc.getLine() != 0)
        where += ":" + std::to_string(loc.getLine()) + ":" +
                 std::to_string(loc.getColumn());
      where += ": ";
    }
    std::string message = diag.str();
    std::replace(message.begin(), message.end(), '\n', ' ');
    (isError ? llvm::WithColor::error(llvm::errs(), kToolName)
             : llvm::WithColor::warning(llvm::errs(), kToolName))
        << where << message << '\n';
  }

  bool printedError = false;
  ScopedDiagnosticHandler handler;
};
} // namespace

static void registerDialects(DialectRegistry &registry) {
  lrnn::registerAllDialects(registry);
}

/// --import-loihi2: a program file to its module.
static OwningOpRef<Operation *> importLoihi2(llvm::SourceMgr &sourceMgr,
                                             MLIRContext *context) {
  OneLineDiagnostics diagnostics(context);
  const llvm::MemoryBuffer *input =
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
  auto module = lrnn::loihi2::readProgramFile(
      input->getBuffer(), input->getBufferIdentifier(), context);
  if (!module) {
    // The message already names the file.
    emitError(UnknownLoc::get(context)) << toString(module.takeError());
    return nullptr;
  }
  return OwningOpRef<Operation *>(module->release());
}

/// --export-loihi2: a module holding one loihi2.program to a program file.
/// A file-to-file translation rather than TranslateFromMLIRRegistration, so
/// that errors in the input are reported by OneLineDiagnostics too.
static LogicalResult
exportLoihi2(const std::shared_ptr<llvm::SourceMgr> &sourceMgr,
             llvm::raw_ostream &output, MLIRContext *context) {
  DialectRegistry registry;
  registerDialects(registry);
  context->appendDialectRegistry(registry);
  OneLineDiagnostics diagnostics(context);
  // writeProgramFile verifies the module.
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(
      sourceMgr, ParserConfig(context, /*verifyAfterParse=*/false));
  if (!module)
    return failure();
  return lrnn::loihi2::writeProgramFile(*module, output);
}

int main(int argc, char **argv) {
  TranslateToMLIRRegistration importRegistration(
      "import-loihi2", "Loihi 2 program file (.l2) to MLIR", importLoihi2,
      registerDialects);
  TranslateRegistration exportRegistration(
      "export-loihi2", "MLIR (one loihi2.program) to a Loihi 2 program file",
      exportLoihi2);
  return failed(mlirTranslateMain(
             argc, argv,
             "lrnn-translate: MLIR to and from lrnn file formats\n"))
             ? 1
             : 0;
}
