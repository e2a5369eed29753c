//===- lrnn-run.cpp - Run an lrnn model on a sequence ---------------------===//
//
// lrnn-run MODEL --input IN.npy --output OUT.npy [--backend=interp]
//          [--summary] [--stats=STATS.json] [--calibrate=RANGES.json]
//
// MODEL is lrnn MLIR (text or bytecode) or an interchange .safetensors file.
// IN.npy is a [T, d_input] float32 or float64 array; OUT.npy receives the
// [T, d_output] float32 outputs, computed from the zero state. --stats also
// writes the measured activation sparsity of every operand of every op (the
// input of --lrnn-cost-report=activation-stats=...) and prints a summary.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Analysis/Calibration.h"
#include "lrnn/Analysis/CostModel.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Import/LoadModel.h"
#include "lrnn/InitAll.h"
#include "lrnn/Interpreter/Interpreter.h"
#include "lrnn/Support/Npy.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cmath>
#include <optional>

using namespace llvm;

namespace {
enum class Backend { Interp };
} // namespace

static cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                                      cl::desc("<model.mlir|model.safetensors>"));
static cl::opt<std::string> inputPath("input", cl::Required,
                                      cl::desc("[T, d_input] float32/64 .npy"),
                                      cl::value_desc("file"));
static cl::opt<std::string> outputPath("output", cl::Required,
                                       cl::desc("[T, d_output] float32 .npy"),
                                       cl::value_desc("file"));
static cl::opt<Backend> backend(
    "backend", cl::init(Backend::Interp), cl::desc("Execution engine"),
    cl::values(clEnumValN(Backend::Interp, "interp",
                          "reference interpreter (double precision)")));
static cl::opt<std::string> calibratePath(
    "calibrate",
    cl::desc("Write the range of every activation, state and accumulator "
             "over the input sequence (JSON, for quantisation)"),
    cl::value_desc("file"));
static cl::opt<bool> summary("summary",
                             cl::desc("Print a one-line summary of the run"));

namespace {
/// Feeds every step's values to the statistics and calibration collectors.
class RecordingObserver : public lrnn::StepObserver {
public:
  void afterStep(const lrnn::Interpreter &interp) override {
    auto valueOf = [&](mlir::Value v) { return interp.getValue(v); };
    if (stats)
      stats->addStep(valueOf);
    if (calibration)
      calibration->addStep(valueOf);
  }
  std::optional<lrnn::ActivationStatsCollector> stats;
  std::optional<lrnn::CalibrationCollector> calibration;
};

} // namespace

/// Per op: name, location and the zero fraction of each operand (and of the
/// state a recurrence reads).
static void printStatsSummary(const lrnn::ActivationStats &stats,
                              StringRef statsPath, raw_ostream &os) {
  os << "lrnn-run: activation statistics of " << stats.steps << " steps ("
     << statsPath << "): per op, % of each operand's elements that were zero\n";
  size_t nameWidth = 0, locWidth = 0;
  for (const lrnn::OpStats &op : stats.ops) {
    nameWidth = std::max(nameWidth, op.opName.size());
    locWidth = std::max(locWidth, std::max<size_t>(op.locName.size(), 1));
  }
  for (const lrnn::OpStats &op : stats.ops) {
    os << format("%4lld", static_cast<long long>(op.index)) << "  "
       << left_justify(op.opName, nameWidth) << "  "
       << left_justify(op.locName.empty() ? "-" : op.locName, locWidth);
    for (const lrnn::VectorStats &v : op.operands)
      os << format("  %5.1f%%", 100.0 * v.zeroFraction);
    if (!op.state.empty()) {
      os << "  state";
      for (const lrnn::VectorStats &v : op.state)
        os << format("  %5.1f%%", 100.0 * v.zeroFraction);
    }
    os << "\n";
  }
}

static int fail(const Twine &message) {
  WithColor::error(errs(), "lrnn-run") << message << "\n";
  return 1;
}

int main(int argc, char **argv) {
  InitLLVM y(argc, argv);
  // LLVM's own -stats (pass statistics, unused here) would clash with ours;
  // options are all registered once getRegisteredOptions() returns.
  if (cl::Option *llvmStats = cl::getRegisteredOptions().lookup("stats"))
    llvmStats->removeArgument();
  cl::opt<std::string> statsPath(
      "stats",
      cl::desc("Write the activation sparsity of every op's operands (JSON) "
               "and print a summary"),
      cl::value_desc("file"));
  cl::ParseCommandLineOptions(argc, argv, "lrnn-run: run an lrnn model\n");

  mlir::DialectRegistry registry;
  lrnn::registerAllDialects(registry);
  mlir::MLIRContext context(registry);

  auto module = lrnn::loadModelFile(modelPath, &context);
  if (!module)
    return fail(toString(module.takeError()));
  auto model = lrnn::getSingleModel(**module, modelPath);
  if (!model)
    return fail(toString(model.takeError()));
  auto interp = lrnn::Interpreter::create(*model);
  if (!interp)
    return fail(modelPath + ": " + toString(interp.takeError()));
  int64_t dIn = (*interp)->getInputSize(), dOut = (*interp)->getOutputSize();

  auto input = lrnn::readNpy(inputPath);
  if (!input)
    return fail(toString(input.takeError()));
  if (input->dtype != lrnn::NpyDType::F32 && input->dtype != lrnn::NpyDType::F64)
    return fail(inputPath + ": expected float32 or float64 data, got '" +
                lrnn::npyDescr(input->dtype) + "'");
  if (input->shape.size() != 2 || input->shape[1] != dIn)
    return fail(inputPath + ": expected shape [T, " + Twine(dIn) +
                "] for this model, got a " + Twine(input->shape.size()) +
                "-D array" +
                (input->shape.size() == 2
                     ? " with " + Twine(input->shape[1]) + " columns"
                     : Twine("")));
  int64_t steps = input->shape[0];
  if ((!statsPath.empty() || !calibratePath.empty()) && steps == 0)
    return fail(inputPath + ": --" +
                (statsPath.empty() ? "calibrate" : "stats") +
                " needs at least one step, the input has none");
  std::vector<double> inputs = input->toDoubles();
  for (size_t i = 0; i < inputs.size(); ++i)
    if (!std::isfinite(inputs[i]))
      return fail(inputPath + ": non-finite input at [" + Twine(i / dIn) +
                  ", " + Twine(i % dIn) + "]");

  RecordingObserver observer;
  if (!statsPath.empty())
    observer.stats.emplace(*model);
  if (!calibratePath.empty())
    observer.calibration.emplace(*model);
  if (observer.stats || observer.calibration)
    (*interp)->setObserver(&observer);

  auto start = std::chrono::steady_clock::now();
  std::vector<double> outputs = (*interp)->run(inputs, steps);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();

  std::vector<float> result(outputs.size());
  for (size_t i = 0; i < outputs.size(); ++i) {
    result[i] = static_cast<float>(outputs[i]);
    // A diverging model must not pass for a result.
    if (!std::isfinite(result[i]))
      return fail(modelPath + ": output is not finite at step " +
                  Twine(i / dOut) + ", element " + Twine(i % dOut) +
                  " (unstable recurrence or input out of range)");
  }
  // Report files are opened before the outputs are written and kept only
  // when everything succeeded: a failed run leaves none of them.
  std::optional<ToolOutputFile> statsFile, calibrationFile;
  for (auto [path, file] : {std::pair{&statsPath.getValue(), &statsFile},
                            {&calibratePath.getValue(), &calibrationFile}}) {
    if (path->empty())
      continue;
    std::error_code ec;
    file->emplace(*path, ec, sys::fs::OF_Text);
    if (ec)
      return fail(*path + ": cannot open for writing: " + ec.message());
  }
  if (auto err = lrnn::writeNpyF32(outputPath, {steps, dOut}, result))
    return fail(toString(std::move(err)));
  std::optional<lrnn::ActivationStats> stats;
  if (statsFile) {
    stats = observer.stats->getStats();
    lrnn::writeActivationStats(*stats, statsFile->os());
  }
  if (calibrationFile)
    observer.calibration->write(calibrationFile->os());
  for (auto [path, file] : {std::pair{&statsPath.getValue(), &statsFile},
                            {&calibratePath.getValue(), &calibrationFile}}) {
    if (!*file)
      continue;
    raw_fd_ostream &os = (*file)->os();
    os.flush();
    if (os.has_error()) {
      std::error_code error = os.error();
      os.clear_error(); // Otherwise the stream aborts when destroyed.
      return fail(*path + ": write failed: " + error.message());
    }
  }
  if (statsFile) {
    statsFile->keep();
    printStatsSummary(*stats, statsPath, outs());
  }
  if (calibrationFile)
    calibrationFile->keep();

  if (summary) {
    // Stored weights against the dense size: what pruning bought.
    int64_t nonZeros = 0, entries = 0;
    model->walk([&](mlir::Operation *op) {
      for (mlir::NamedAttribute attr : op->getAttrs())
        if (auto shape = lrnn::getWeightShape(attr.getValue())) {
          entries += shape->first * shape->second;
          nonZeros += *lrnn::countNonZeros(attr.getValue());
        }
    });
    outs() << "lrnn-run: " << modelPath << ": " << steps << " steps, d_input "
           << dIn << ", d_output " << dOut << ", "
           << (*interp)->getNumStates() << " complex states, weights "
           << nonZeros << "/" << entries << " non-zero ("
           << format("%.1f", entries ? 100.0 * nonZeros / entries : 0.0)
           << "%), interp "
           << format("%.0f", seconds > 0 ? steps / seconds : 0.0)
           << " steps/s\n";
  }
  return 0;
}
