//===- lrnnc.cpp - One-shot compiler driver -------------------------------===//
//
// lrnnc MODEL [--sparsity=S --prune-scope=erk] -o OUT.mlir [--report]
//
// Imports the model if needed, then runs the sparsity pipeline: prune (when
// --sparsity is given), fold normalisation, eliminate dead states and
// channels, fuse; optionally prints the cost report of the result.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/LRNN/Transforms/Passes.h"
#include "lrnn/Import/LoadModel.h"
#include "lrnn/InitAll.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"

using namespace llvm;
using namespace mlir;

static cl::opt<std::string> inputPath(cl::Positional, cl::Required,
                                      cl::desc("<model.safetensors|model.mlir>"));
static cl::opt<std::string> outputPath("o", cl::desc("Output file (.mlir)"),
                                       cl::value_desc("file"), cl::init("-"));
static cl::opt<double> sparsity(
    "sparsity", cl::init(-1.0),
    cl::desc("Prune to this fraction of zero weights, in [0, 1) (default: no "
             "pruning)"));
static cl::opt<std::string> pruneScope(
    "prune-scope", cl::init("erk"),
    cl::desc("How pruning distributes sparsity: global, per-layer or erk"));
static cl::opt<bool> report("report",
                            cl::desc("Print the cost report of the result"));
static cl::opt<std::string> reportFormat("report-format", cl::init("text"),
                                         cl::desc("text or json"));
static cl::opt<bool> noFuse("no-fuse", cl::desc("Skip --lrnn-fuse"));
static cl::opt<bool> remarks("remarks",
                             cl::desc("Print what each pass did (remarks)"));

static int fail(const Twine &message) {
  WithColor::error(errs(), "lrnnc") << message << "\n";
  return 1;
}

int main(int argc, char **argv) {
  InitLLVM y(argc, argv);
  cl::ParseCommandLineOptions(argc, argv, "lrnnc: lrnn compiler driver\n");

  DialectRegistry registry;
  lrnn::registerAllDialects(registry);
  MLIRContext context(registry);

  auto module = lrnn::loadModelFile(inputPath, &context);
  if (!module)
    return fail(toString(module.takeError()));

  // Errors become one line each; remarks are shown on request.
  std::string firstError;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    if (diag.getSeverity() == DiagnosticSeverity::Remark) {
      if (remarks)
        errs() << diag.getLocation() << ": remark: " << diag.str() << "\n";
      return success();
    }
    if (diag.getSeverity() == DiagnosticSeverity::Error && firstError.empty()) {
      std::string location;
      raw_string_ostream os(location);
      os << diag.getLocation();
      firstError = location + ": " + diag.str();
    }
    return success();
  });

  PassManager pm(&context, ModuleOp::getOperationName());
  OpPassManager &models = pm.nest<lrnn::ModelOp>();
  if (sparsity.getNumOccurrences()) {
    lrnn::PruneOptions prune;
    prune.sparsity = sparsity;
    prune.scope = pruneScope;
    models.addPass(lrnn::createPrune(prune));
  }
  models.addPass(lrnn::createFoldNorm());
  models.addPass(lrnn::createEliminateDead());
  if (!noFuse) {
    models.addPass(lrnn::createFuse());
    models.addPass(createCSEPass());
  }
  if (report) {
    lrnn::CostReportOptions options;
    options.format = reportFormat;
    pm.addPass(lrnn::createCostReport(options));
  }
  if (failed(pm.run(**module)))
    return fail(firstError.empty() ? inputPath + ": compilation failed"
                                   : firstError);

  if (auto err = lrnn::writeModuleFile(**module, outputPath))
    return fail(toString(std::move(err)));
  return 0;
}
