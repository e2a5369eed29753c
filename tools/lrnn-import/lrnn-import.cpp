//===- lrnn-import.cpp - Interchange file to lrnn MLIR --------------------===//
//
// lrnn-import MODEL.safetensors -o MODEL.mlir
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/LRNN/Transforms/Passes.h"
#include "lrnn/Import/ImportModel.h"
#include "lrnn/InitAll.h"

#include "mlir/Bytecode/BytecodeWriter.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

using namespace llvm;

static cl::opt<std::string> inputPath(cl::Positional, cl::Required,
                                      cl::desc("<model.safetensors>"));
static cl::opt<std::string> outputPath("o", cl::Required,
                                       cl::desc("Output file (.mlir)"),
                                       cl::value_desc("file"));
static cl::opt<double> maxSparseDensity(
    "max-sparse-density", cl::init(lrnn::kDefaultMaxSparseDensity),
    cl::desc("Store weights at most this dense as #lrnn.sparse matrices"));
static cl::opt<std::string> modelName("name", cl::init("model"),
                                      cl::desc("Symbol name of the model"));
static cl::opt<bool> emitBytecode("emit-bytecode",
                                  cl::desc("Write MLIR bytecode, not text"));

static int fail(const Twine &message) {
  WithColor::error(errs(), "lrnn-import") << message << "\n";
  return 1;
}

int main(int argc, char **argv) {
  InitLLVM y(argc, argv);
  cl::ParseCommandLineOptions(argc, argv,
                              "lrnn-import: interchange file to lrnn IR\n");
  mlir::DialectRegistry registry;
  lrnn::registerAllDialects(registry);
  mlir::MLIRContext context(registry);

  lrnn::ImportOptions options;
  options.maxSparseDensity = maxSparseDensity;
  options.modelName = modelName;
  auto module = lrnn::importModelFile(inputPath, &context, options);
  if (!module)
    return fail(toString(module.takeError()));

  // ToolOutputFile deletes the file unless keep() is reached: no partial
  // output on failure.
  std::error_code ec;
  ToolOutputFile out(outputPath, ec,
                     emitBytecode ? sys::fs::OF_None : sys::fs::OF_Text);
  if (ec)
    return fail(outputPath + ": cannot open for writing: " + ec.message());
  if (emitBytecode) {
    if (failed(mlir::writeBytecodeToFile(**module, out.os())))
      return fail(outputPath + ": cannot write bytecode");
  } else {
    (*module)->print(out.os());
  }
  out.os().flush();
  if (out.os().has_error()) {
    std::error_code error = out.os().error();
    out.os().clear_error(); // Otherwise the stream aborts when destroyed.
    return fail(outputPath + ": write failed: " + error.message());
  }
  out.keep();
  return 0;
}
