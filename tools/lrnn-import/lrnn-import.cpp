//===- lrnn-import.cpp - Interchange file to lrnn MLIR --------------------===//
//
// lrnn-import MODEL.safetensors -o MODEL.mlir
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/LRNN/Transforms/Passes.h"
#include "lrnn/Import/LoadModel.h"
#include "lrnn/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
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
static cl::opt<bool> stripDebugInfo(
    "strip-debuginfo",
    cl::desc("Omit locations (which name each op after its tensors)"));

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

  if (auto err = lrnn::writeModuleFile(**module, outputPath, emitBytecode,
                                      /*debugInfo=*/!stripDebugInfo))
    return fail(toString(std::move(err)));
  return 0;
}
