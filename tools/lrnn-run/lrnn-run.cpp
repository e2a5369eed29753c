//===- lrnn-run.cpp - Run an lrnn model on a sequence ---------------------===//
//
// lrnn-run MODEL --input IN.npy --output OUT.npy [--backend=interp|cpu]
//          [--summary] [--stats=STATS.json] [--calibrate=RANGES.json] [--raw]
//          [--bench [--bench-runs=R]]
// lrnn-run --compare FLOAT_MODEL FIXED_MODEL --input IN.npy [--output OUT.npy]
//          [--raw] [--stats=STATS.json] [--summary]
//
// MODEL is lrnn MLIR (text or bytecode) or an interchange .safetensors file.
// IN.npy is a [T, d_input] float32 or float64 array (finite values only).
// Every run starts from the zero state.
//
// A float model runs in the float interpreter (double precision): OUT.npy
// receives the [T, d_output] float32 outputs. --stats writes the measured
// activation sparsity of every operand of every op (the input of
// --lrnn-cost-report=activation-stats=...) and prints a summary; --calibrate
// writes the value ranges the quantiser needs (docs/fixed-point.md §7).
//
// A quantised model (its input is a vector of !lrnn.fixed) runs in the
// integer interpreter (docs/fixed-point.md): the input is quantised at the
// input's exponent (§6), and OUT.npy receives the dequantised float32
// outputs, or with --raw the int32 output codes (`<i4`). --stats writes the
// saturation counts (JSON `lrnn-fixed-stats/1`: model, steps,
// input_saturations, saturations (sum over the ops), input_exponent,
// output_exponent and per op with results index, op, location,
// saturations) and prints the total and every op that saturated. Every
// saturation is also reported on stderr as a warning.
//
// --compare runs FLOAT_MODEL in the float interpreter and FIXED_MODEL (its
// quantisation) in the integer interpreter on the same input and prints one
// line: the SNR 10·log10(Σ ref² / Σ (out − ref)²) over all outputs of the
// dequantised fixed output against the float one, the largest absolute error
// and the saturation counts. --output is optional there and receives the
// fixed model's output.
//
// --backend=cpu compiles the model for this CPU instead (the pipeline
// --lrnn-lower-to-llvm, then a JIT at -O3 for the host's features) and runs
// the compiled NAME_step over the input from the zero state: float models in
// float32 arithmetic, quantised ones in the integer arithmetic of the
// integer interpreter (bit-exact with it), with the same float .npy input
// and output as the interpreters (a float64 input is rounded to float32,
// the compiled model's input type). MODEL may also be a module lowered
// already (LLVM dialect, e.g. lrnn-opt --lrnn-lower-to-llvm), which runs as
// is. --raw, --stats, --calibrate and --compare are interpreter-only.
//
// --bench times the backend after the run: one warm-up run, then R runs
// (--bench-runs, default 5) over the whole input, each from the zero state;
// it prints the median as "lrnn-run: bench: N steps/s, M µs/step (median of
// R runs of T steps)".
//
// Errors are one line naming the file and the reason, with exit status 1.
// Every output file is written completely in memory first and then to a
// temporary file next to its path; they are renamed into place only when all
// succeeded, so a failed run leaves no output file (and no temporary file).
// An existing special file (/dev/null, a FIFO) is written in place
// (lrnn::writeAllOrNothing).
//
//===----------------------------------------------------------------------===//

#include "lrnn/Analysis/Calibration.h"
#include "lrnn/Analysis/CostModel.h"
#include "lrnn/Conversion/Passes.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Import/LoadModel.h"
#include "lrnn/InitAll.h"
#include "lrnn/Interpreter/FixedInterpreter.h"
#include "lrnn/Interpreter/Interpreter.h"
#include "lrnn/Support/Npy.h"
#include "lrnn/Support/OutputFiles.h"
#include "lrnn/Target/CPU/CPUTarget.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <optional>

#include "lrnn/Conversion/LRNNToLoihi2/LRNNToLoihi2.h"
#include "lrnn/Dialect/Loihi2/Transforms/Place.h"
#include "lrnn/Target/Loihi2Sim/Simulator.h"

using namespace llvm;

namespace {
enum class Backend { Interp, Cpu, Loihi2 };
} // namespace

static cl::OptionCategory runCategory("lrnn-run options");

static cl::list<std::string>
    modelPaths(cl::Positional, cl::OneOrMore,
               cl::desc("<model.mlir|model.safetensors> (with --compare: "
                        "<float model> <quantised model>)"),
               cl::cat(runCategory));
static cl::opt<std::string> inputPath("input", cl::Required,
                                      cl::desc("[T, d_input] float32/64 .npy"),
                                      cl::value_desc("file"),
                                      cl::cat(runCategory));
static cl::opt<std::string> outputPath(
    "output",
    cl::desc("[T, d_output] .npy: float32 outputs (dequantised for a "
             "quantised model), or int32 codes with --raw; required except "
             "with --compare"),
    cl::value_desc("file"), cl::cat(runCategory));
static cl::opt<Backend> backend(
    "backend", cl::init(Backend::Interp), cl::desc("Execution engine"),
    cl::values(clEnumValN(Backend::Interp, "interp",
                          "reference interpreter (double precision for float "
                          "models, exact integers for quantised ones)"),
               clEnumValN(Backend::Cpu, "cpu",
                          "the model compiled for this CPU and JIT-run "
                          "(float32 arithmetic for float models, the exact "
                          "integers for quantised ones)"),
               clEnumValN(Backend::Loihi2, "loihi2",
                          "a quantised model compiled for Loihi 2 "
                          "(--lrnn-to-loihi2, --loihi2-place) and run on the "
                          "functional simulator")),
    cl::cat(runCategory));
static cl::opt<std::string> loihi2Mode(
    "mode", cl::init("fall-through"),
    cl::desc("--backend=loihi2: execution mode, fall-through or pipelined"),
    cl::cat(runCategory));
static cl::opt<std::string> calibratePath(
    "calibrate",
    cl::desc("Write the range of every activation, state and accumulator "
             "over the input sequence (JSON, for quantisation; float models "
             "only)"),
    cl::value_desc("file"), cl::cat(runCategory));
static cl::opt<bool> rawOutput(
    "raw", cl::desc("Quantised models: write the output codes as int32 "
                    "instead of dequantised float32"),
    cl::cat(runCategory));
static cl::opt<bool> compareMode(
    "compare",
    cl::desc("Run a float model and its quantisation (the two positional "
             "models) on the same input and print the SNR of the quantised "
             "output against the float one"),
    cl::cat(runCategory));
static cl::opt<bool> summary("summary",
                             cl::desc("Print a one-line summary of the run"),
                             cl::cat(runCategory));
static cl::opt<bool> bench(
    "bench",
    cl::desc("After the run, time the backend: a warm-up run, then "
             "--bench-runs runs over the whole input, and print the median "
             "speed"),
    cl::cat(runCategory));
static cl::opt<unsigned> benchRuns("bench-runs", cl::init(5),
                                   cl::desc("Timed runs of --bench (>= 1)"),
                                   cl::value_desc("R"), cl::cat(runCategory));

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

static int fail(const Twine &message) {
  WithColor::error(errs(), "lrnn-run") << message << "\n";
  return 1;
}

static Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message.str());
}

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

/// The `lrnn-fixed-stats/1` document of a quantised run.
static std::string fixedStatsJson(lrnn::ModelOp model,
                                  const lrnn::FixedInterpreter &interp) {
  std::string text;
  raw_string_ostream os(text);
  json::OStream json(os, /*IndentSize=*/1);
  json.object([&] {
    json.attribute("format", "lrnn-fixed-stats/1");
    json.attribute("model", model.getSymName());
    json.attribute("steps", interp.getSteps());
    json.attribute("input_saturations", interp.getInputSaturations());
    json.attribute("saturations", interp.getTotalSaturations());
    json.attribute("input_exponent", int64_t(interp.getInputExponent()));
    json.attribute("output_exponent", int64_t(interp.getOutputExponent()));
    json.attributeArray("ops", [&] {
      for (const lrnn::OpSaturations &op : interp.getSaturations())
        json.object([&] {
          json.attribute("index", op.index);
          json.attribute("op", op.opName);
          json.attribute("location", op.locName);
          json.attribute("saturations", op.count);
        });
    });
  });
  os << "\n";
  return text;
}

/// The total and every op with a non-zero count.
static void printFixedStatsSummary(const lrnn::FixedInterpreter &interp,
                                   StringRef statsPath, raw_ostream &os) {
  std::vector<lrnn::OpSaturations> ops = interp.getSaturations();
  os << "lrnn-run: saturations over " << interp.getSteps() << " steps ("
     << statsPath << "): " << interp.getTotalSaturations() << " in ops, "
     << interp.getInputSaturations() << " at the input\n";
  size_t nameWidth = 0, locWidth = 0;
  for (const lrnn::OpSaturations &op : ops) {
    if (!op.count)
      continue;
    nameWidth = std::max(nameWidth, op.opName.size());
    locWidth = std::max(locWidth, std::max<size_t>(op.locName.size(), 1));
  }
  for (const lrnn::OpSaturations &op : ops) {
    if (!op.count)
      continue;
    os << format("%4lld", static_cast<long long>(op.index)) << "  "
       << left_justify(op.opName, nameWidth) << "  "
       << left_justify(op.locName.empty() ? "-" : op.locName, locWidth)
       << "  " << op.count << "\n";
  }
}

/// One warning line per op (and for the input) that saturated.
static void warnSaturations(const lrnn::FixedInterpreter &interp,
                            StringRef modelPath) {
  if (int64_t n = interp.getInputSaturations())
    WithColor::warning(errs(), "lrnn-run")
        << modelPath << ": " << n << " input value" << (n == 1 ? "" : "s")
        << " saturated at the input boundary (beyond the input's range at "
           "exponent "
        << interp.getInputExponent() << ")\n";
  for (const lrnn::OpSaturations &op : interp.getSaturations())
    if (op.count)
      WithColor::warning(errs(), "lrnn-run")
          << modelPath << ": op " << op.index << " '" << op.opName << "' at "
          << (op.locName.empty() ? "(no location)" : "'" + op.locName + "'")
          << " saturated " << op.count << " time"
          << (op.count == 1 ? "" : "s") << "\n";
}

namespace {
/// Stored weights against the dense size: what pruning bought.
struct WeightCounts {
  int64_t nonZeros = 0, entries = 0;
};
} // namespace

static WeightCounts countWeights(lrnn::ModelOp model) {
  WeightCounts counts;
  model->walk([&](mlir::Operation *op) {
    for (mlir::NamedAttribute attr : op->getAttrs())
      if (auto shape = lrnn::getWeightShape(attr.getValue())) {
        counts.entries += shape->first * shape->second;
        counts.nonZeros += *lrnn::countNonZeros(attr.getValue());
      }
  });
  return counts;
}

/// `weights` is unknown for a module lowered already.
static void printSummary(StringRef path, std::optional<WeightCounts> weights,
                         int64_t steps, int64_t dIn, int64_t dOut,
                         int64_t numStates, double seconds, StringRef engine) {
  outs() << "lrnn-run: " << path << ": " << steps << " steps, d_input " << dIn
         << ", d_output " << dOut << ", " << numStates << " complex states, ";
  if (weights)
    outs() << "weights " << weights->nonZeros << "/" << weights->entries
           << " non-zero ("
           << format("%.1f", weights->entries
                                 ? 100.0 * weights->nonZeros / weights->entries
                                 : 0.0)
           << "%), ";
  else
    outs() << "weights unknown (lowered module), ";
  outs() << engine << " "
         << format("%.0f", seconds > 0 ? steps / seconds : 0.0)
         << " steps/s\n";
}

static void printSummary(StringRef path, lrnn::ModelOp model, int64_t steps,
                         int64_t dIn, int64_t dOut, int64_t numStates,
                         double seconds, StringRef engine) {
  printSummary(path, countWeights(model), steps, dIn, dOut, numStates, seconds,
               engine);
}

static double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                       start)
      .count();
}

/// --bench: one warm-up run, then --bench-runs timed runs of `runOnce` (a
/// whole run over the input from the zero state); prints the median.
static void runBench(int64_t steps, const std::function<void()> &runOnce) {
  runOnce();
  std::vector<double> seconds;
  for (unsigned r = 0; r < benchRuns; ++r) {
    auto start = std::chrono::steady_clock::now();
    runOnce();
    seconds.push_back(secondsSince(start));
  }
  std::sort(seconds.begin(), seconds.end());
  size_t n = seconds.size();
  double median = n % 2 ? seconds[n / 2]
                        : 0.5 * (seconds[n / 2 - 1] + seconds[n / 2]);
  median = std::max(median, 1e-9); // Below the clock's resolution.
  outs() << "lrnn-run: bench: " << format("%.0f", steps / median)
         << " steps/s, " << format("%.3f", 1e6 * median / steps)
         << " \u00b5s/step (median of " << benchRuns.getValue() << " run"
         << (benchRuns == 1 ? "" : "s") << " of " << steps << " step"
         << (steps == 1 ? "" : "s") << ")\n";
}

/// Fails when --bench has no step to time.
static std::optional<int> checkBenchSteps(int64_t steps) {
  if (bench && steps == 0)
    return fail(inputPath + ": --bench needs at least one step, the input "
                            "has none");
  return std::nullopt;
}

/// Runs the float interpreter; fails when an output is not finite.
static Expected<std::vector<double>> runFloat(lrnn::Interpreter &interp,
                                              StringRef path,
                                              ArrayRef<double> inputs,
                                              int64_t steps) {
  std::vector<double> outputs = interp.run(inputs, steps);
  int64_t dOut = interp.getOutputSize();
  for (size_t i = 0; i < outputs.size(); ++i)
    // A diverging model must not pass for a result.
    if (!std::isfinite(static_cast<float>(outputs[i])))
      return makeError(path + ": output is not finite at step " +
                       Twine(i / dOut) + ", element " + Twine(i % dOut) +
                       " (unstable recurrence or input out of range)");
  return outputs;
}

/// Quantises the inputs (§6) and runs the integer interpreter.
static std::vector<int64_t> runFixed(lrnn::FixedInterpreter &interp,
                                     ArrayRef<double> inputs, int64_t steps) {
  std::vector<int64_t> codes(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i)
    codes[i] = interp.quantizeInput(inputs[i]);
  return interp.run(codes, steps);
}

/// The output file of a quantised run: dequantised float32 or raw codes.
static std::string fixedOutputNpy(const lrnn::FixedInterpreter &interp,
                                  ArrayRef<int64_t> codes, int64_t steps) {
  return lrnn::serializeFixedOutputNpy(steps, interp.getOutputSize(), codes,
                                      interp.getOutputExponent(), rawOutput);
}

static Expected<lrnn::ModelOp>
loadModel(StringRef path, mlir::MLIRContext &context,
          mlir::OwningOpRef<mlir::ModuleOp> &module) {
  auto loaded = lrnn::loadModelFile(path, &context);
  if (!loaded)
    return loaded.takeError();
  module = std::move(*loaded);
  return lrnn::getSingleModel(*module, path);
}

/// --compare FLOAT FIXED.
static int compare(mlir::MLIRContext &context, StringRef statsPath) {
  StringRef floatPath = modelPaths[0], fixedPath = modelPaths[1];
  mlir::OwningOpRef<mlir::ModuleOp> floatModule, fixedModule;
  auto floatModel = loadModel(floatPath, context, floatModule);
  if (!floatModel)
    return fail(toString(floatModel.takeError()));
  auto fixedModel = loadModel(fixedPath, context, fixedModule);
  if (!fixedModel)
    return fail(toString(fixedModel.takeError()));
  if (lrnn::isQuantizedModel(*floatModel))
    return fail(floatPath + ": --compare expects the float model first, this "
                            "one is quantised");
  if (!lrnn::isQuantizedModel(*fixedModel))
    return fail(fixedPath + ": --compare expects the quantised model second, "
                            "this one is a float model");
  auto floatInterp = lrnn::Interpreter::create(*floatModel);
  if (!floatInterp)
    return fail(floatPath + ": " + toString(floatInterp.takeError()));
  auto fixedInterp = lrnn::FixedInterpreter::create(*fixedModel);
  if (!fixedInterp)
    return fail(fixedPath + ": " + toString(fixedInterp.takeError()));
  int64_t dIn = (*fixedInterp)->getInputSize();
  int64_t dOut = (*fixedInterp)->getOutputSize();
  if ((*floatInterp)->getInputSize() != dIn ||
      (*floatInterp)->getOutputSize() != dOut)
    return fail(fixedPath + ": shape mismatch with " + floatPath +
                ": the quantised model maps " + Twine(dIn) + " -> " +
                Twine(dOut) + " values, the float model " +
                Twine((*floatInterp)->getInputSize()) + " -> " +
                Twine((*floatInterp)->getOutputSize()));

  int64_t steps = 0;
  auto inputs = lrnn::readFloatSequence(inputPath, dIn, steps, dOut);
  if (!inputs)
    return fail(toString(inputs.takeError()));
  if (!statsPath.empty() && steps == 0)
    return fail(inputPath + ": --stats needs at least one step, the input "
                            "has none");

  auto start = std::chrono::steady_clock::now();
  auto reference = runFloat(**floatInterp, floatPath, *inputs, steps);
  if (!reference)
    return fail(toString(reference.takeError()));
  double floatSeconds = secondsSince(start);
  start = std::chrono::steady_clock::now();
  std::vector<int64_t> codes = runFixed(**fixedInterp, *inputs, steps);
  double fixedSeconds = secondsSince(start);

  double signal = 0, noise = 0, maxError = 0, maxReference = 0;
  for (size_t i = 0; i < codes.size(); ++i) {
    double ref = (*reference)[i];
    double out = (*fixedInterp)->dequantizeOutput(codes[i]);
    double error = out - ref;
    signal += ref * ref;
    noise += error * error;
    maxError = std::max(maxError, std::fabs(error));
    maxReference = std::max(maxReference, std::fabs(ref));
  }

  std::vector<lrnn::PendingFile> files;
  if (!outputPath.empty())
    files.push_back({outputPath, fixedOutputNpy(**fixedInterp, codes, steps),
                     "cannot create temporary file"});
  if (!statsPath.empty())
    files.push_back({statsPath.str(),
                     fixedStatsJson(*fixedModel, **fixedInterp),
                     "cannot open for writing"});
  if (Error err = lrnn::writeAllOrNothing(files))
    return fail(toString(std::move(err)));

  warnSaturations(**fixedInterp, fixedPath);
  std::string snr;
  if (noise == 0)
    snr = "inf";
  else if (signal == 0)
    snr = "-inf";
  else
    snr = formatv("{0:F2}", 10.0 * std::log10(signal / noise)).str();
  outs() << "lrnn-run: compare: SNR " << snr << " dB, max abs error "
         << format("%.4g", maxError) << " (max abs reference "
         << format("%.4g", maxReference) << "), "
         << (*fixedInterp)->getTotalSaturations() << " saturations (input "
         << (*fixedInterp)->getInputSaturations() << ")\n";
  if (!statsPath.empty())
    printFixedStatsSummary(**fixedInterp, statsPath, outs());
  if (summary) {
    printSummary(floatPath, *floatModel, steps, dIn, dOut,
                 (*floatInterp)->getNumStates(), floatSeconds, "interp");
    printSummary(fixedPath, *fixedModel, steps, dIn, dOut,
                 (*fixedInterp)->getNumStates(), fixedSeconds,
                 "integer interp");
  }
  return 0;
}

/// A quantised model: integer interpreter, boundary conversion of §6.
static int runQuantized(lrnn::ModelOp model, StringRef modelPath,
                        StringRef statsPath) {
  if (!calibratePath.empty())
    return fail(modelPath + ": --calibrate needs a float model (calibrate "
                            "the float model the quantisation came from); "
                            "this one is quantised");
  auto interp = lrnn::FixedInterpreter::create(model);
  if (!interp)
    return fail(modelPath + ": " + toString(interp.takeError()));
  int64_t dIn = (*interp)->getInputSize(), dOut = (*interp)->getOutputSize();

  int64_t steps = 0;
  auto inputs = lrnn::readFloatSequence(inputPath, dIn, steps, dOut);
  if (!inputs)
    return fail(toString(inputs.takeError()));
  if (!statsPath.empty() && steps == 0)
    return fail(inputPath + ": --stats needs at least one step, the input "
                            "has none");
  if (auto failed = checkBenchSteps(steps))
    return *failed;

  auto start = std::chrono::steady_clock::now();
  std::vector<int64_t> codes = runFixed(**interp, *inputs, steps);
  double seconds = secondsSince(start);

  std::vector<lrnn::PendingFile> files;
  files.push_back({outputPath, fixedOutputNpy(**interp, codes, steps),
                   "cannot create temporary file"});
  if (!statsPath.empty())
    files.push_back({statsPath.str(), fixedStatsJson(model, **interp),
                     "cannot open for writing"});
  if (Error err = lrnn::writeAllOrNothing(files))
    return fail(toString(std::move(err)));

  warnSaturations(**interp, modelPath);
  if (!statsPath.empty())
    printFixedStatsSummary(**interp, statsPath, outs());
  if (summary) {
    printSummary(modelPath, model, steps, dIn, dOut, (*interp)->getNumStates(),
                 seconds, "integer interp");
    outs() << "lrnn-run: output exponent " << (*interp)->getOutputExponent()
           << " (" << (*interp)->getOutputWidth() << "-bit codes), "
           << (*interp)->getTotalSaturations() << " saturations (input "
           << (*interp)->getInputSaturations() << ")\n";
  }
  // After every report: the timed runs add to the saturation counts.
  if (bench)
    runBench(steps, [&] {
      (*interp)->reset();
      runFixed(**interp, *inputs, steps);
    });
  return 0;
}

/// A float model: the double-precision interpreter.
static int runFloatModel(lrnn::ModelOp model, StringRef modelPath,
                         StringRef statsPath) {
  if (rawOutput)
    return fail(modelPath + ": --raw needs a quantised model (it writes "
                            "integer codes); this one is a float model");
  auto interp = lrnn::Interpreter::create(model);
  if (!interp)
    return fail(modelPath + ": " + toString(interp.takeError()));
  int64_t dIn = (*interp)->getInputSize(), dOut = (*interp)->getOutputSize();

  int64_t steps = 0;
  auto inputs = lrnn::readFloatSequence(inputPath, dIn, steps, dOut);
  if (!inputs)
    return fail(toString(inputs.takeError()));
  if ((!statsPath.empty() || !calibratePath.empty()) && steps == 0)
    return fail(inputPath + ": --" +
                (statsPath.empty() ? "calibrate" : "stats") +
                " needs at least one step, the input has none");
  if (auto failed = checkBenchSteps(steps))
    return *failed;

  RecordingObserver observer;
  if (!statsPath.empty())
    observer.stats.emplace(model);
  if (!calibratePath.empty())
    observer.calibration.emplace(model);
  if (observer.stats || observer.calibration)
    (*interp)->setObserver(&observer);

  auto start = std::chrono::steady_clock::now();
  auto outputs = runFloat(**interp, modelPath, *inputs, steps);
  if (!outputs)
    return fail(toString(outputs.takeError()));
  double seconds = secondsSince(start);

  std::vector<float> result(outputs->begin(), outputs->end());
  // Every report is complete in memory before anything is written.
  std::vector<lrnn::PendingFile> files;
  files.push_back({outputPath, lrnn::serializeNpyF32(steps, dOut, result),
                   "cannot create temporary file"});
  std::optional<lrnn::ActivationStats> stats;
  if (observer.stats) {
    stats = observer.stats->getStats();
    std::string text;
    raw_string_ostream os(text);
    lrnn::writeActivationStats(*stats, os);
    files.push_back({statsPath.str(), std::move(text),
                     "cannot open for writing"});
  }
  if (observer.calibration) {
    std::string text;
    raw_string_ostream os(text);
    observer.calibration->write(os);
    files.push_back(
        {calibratePath, std::move(text), "cannot open for writing"});
  }
  if (Error err = lrnn::writeAllOrNothing(files))
    return fail(toString(std::move(err)));

  if (stats)
    printStatsSummary(*stats, statsPath, outs());
  if (summary)
    printSummary(modelPath, model, steps, dIn, dOut, (*interp)->getNumStates(),
                 seconds, "interp");
  if (bench)
    runBench(steps, [&] {
      (*interp)->reset();
      (*interp)->run(*inputs, steps);
    });
  return 0;
}

/// Collects the first error diagnostic of a context as one line
/// ("LOCATION: message") instead of printing every diagnostic.
struct FirstError {
  std::string text;
  mlir::ScopedDiagnosticHandler handler;
  explicit FirstError(mlir::MLIRContext *context)
      : handler(context, [this](mlir::Diagnostic &diag) {
          if (diag.getSeverity() == mlir::DiagnosticSeverity::Error &&
              text.empty()) {
            raw_string_ostream os(text);
            os << diag.getLocation() << ": " << diag.str();
          }
          return mlir::success();
        }) {}
};

/// --backend=cpu: lowers the model with --lrnn-lower-to-llvm (a module
/// lowered already is taken as is), JIT-compiles it for this CPU and runs it
/// from the zero state.
static int runCpu(mlir::ModuleOp module, StringRef modelPath) {
  std::string name;
  int64_t dIn = 0, dOut = 0, stateBytes = 0;
  std::optional<WeightCounts> weights;
  if (!module.getOps<lrnn::ModelOp>().empty()) {
    auto model = lrnn::getSingleModel(module, modelPath);
    if (!model)
      return fail(toString(model.takeError()));
    name = model->getSymName().str();
    dIn = model->getInputType().getDimSize(0);
    dOut = model->getOutputType().getDimSize(0);
    stateBytes = lrnn::getCpuStateBytes(*model);
    weights = countWeights(*model);

    // The first error of the lowering, as one line.
    FirstError firstError(module.getContext());
    mlir::PassManager pm(module.getContext(),
                         mlir::ModuleOp::getOperationName());
    lrnn::buildLowerToLLVMPipeline(pm);
    if (mlir::failed(pm.run(module)))
      return fail(modelPath + ": cannot lower the model for the CPU" +
                  (firstError.text.empty() ? Twine("")
                                           : ": " + firstError.text));
  } else {
    auto lowered = lrnn::findLoweredModel(module);
    if (!lowered)
      return fail(modelPath + ": " + toString(lowered.takeError()));
    name = lowered->name;
    dIn = lowered->inputSize;
    dOut = lowered->outputSize;
    stateBytes = lowered->stateBytes;
  }

  int64_t steps = 0;
  auto inputs = lrnn::readFloatSequence(inputPath, dIn, steps, dOut);
  if (!inputs)
    return fail(toString(inputs.takeError()));
  if (auto failed = checkBenchSteps(steps))
    return *failed;

  auto cpu = lrnn::CpuModel::jit(module, name, dIn, dOut, stateBytes);
  if (!cpu)
    return fail(modelPath + ": " + toString(cpu.takeError()));

  // The compiled model takes float32 (a float64 input is rounded).
  std::vector<float> in(inputs->begin(), inputs->end());
  std::vector<float> out(static_cast<size_t>(steps * dOut));
  auto start = std::chrono::steady_clock::now();
  (*cpu)->run(in.data(), steps, out.data());
  double seconds = secondsSince(start);
  for (size_t i = 0; i < out.size(); ++i)
    // A diverging model must not pass for a result.
    if (!std::isfinite(out[i]))
      return fail(modelPath + ": output is not finite at step " +
                  Twine(i / dOut) + ", element " + Twine(i % dOut) +
                  " (unstable recurrence or input out of range)");

  std::vector<lrnn::PendingFile> files;
  files.push_back({outputPath, lrnn::serializeNpyF32(steps, dOut, out),
                   "cannot create temporary file"});
  if (Error err = lrnn::writeAllOrNothing(files))
    return fail(toString(std::move(err)));

  if (summary)
    printSummary(modelPath, weights, steps, dIn, dOut, stateBytes / 8, seconds,
                 "cpu");
  if (bench)
    runBench(steps, [&] { (*cpu)->run(in.data(), steps, out.data()); });
  return 0;
}

/// --backend=loihi2: lowers a quantised model to a Loihi 2 program (a
/// module holding a loihi2.program already is taken as is) and runs it on
/// the functional simulator from the zero state.
static int runLoihi2(mlir::ModuleOp module, StringRef modelPath) {
  FirstError firstError(module.getContext());
  if (!module.getOps<lrnn::ModelOp>().empty()) {
    auto model = lrnn::getSingleModel(module, modelPath);
    if (!model)
      return fail(toString(model.takeError()));
    if (!lrnn::isQuantizedModel(*model))
      return fail(modelPath + ": --backend=loihi2 needs a quantised model "
                              "(lrnnc --quantize=w8a16 or --lrnn-quantize); "
                              "this one is a float model");
    lrnn::Loihi2LoweringOptions options;
    auto mode = lrnn::loihi2::symbolizeExecutionMode(loihi2Mode);
    if (!mode)
      return fail("--mode must be fall-through or pipelined, got '" +
                  loihi2Mode + "'");
    options.mode = *mode;
    if (mlir::failed(lrnn::lowerToLoihi2(module, options)))
      return fail(modelPath + ": cannot compile the model for Loihi 2: " +
                  firstError.text);
    for (auto program : module.getOps<lrnn::loihi2::ProgramOp>())
      if (mlir::failed(lrnn::loihi2::placeProgram(program, {})))
        return fail(modelPath + ": cannot place the model on Loihi 2: " +
                    firstError.text);
  }
  SmallVector<lrnn::loihi2::ProgramOp> programs(
      module.getOps<lrnn::loihi2::ProgramOp>());
  if (programs.size() != 1)
    return fail(modelPath + ": expected one lrnn.model or loihi2.program, "
                            "found " + Twine(programs.size()) +
                " loihi2.program ops");
  auto sim = lrnn::loihi2::Simulator::create(programs.front());
  if (!sim)
    return fail(modelPath + ": " + toString(sim.takeError()));
  int64_t dIn = (*sim)->getInputSize(), dOut = (*sim)->getOutputSize();
  int64_t steps = 0;
  auto inputs = lrnn::readFloatSequence(inputPath, dIn, steps, dOut);
  if (!inputs)
    return fail(toString(inputs.takeError()));
  std::vector<int64_t> codes = (*sim)->quantizeInputs(*inputs);
  auto start = std::chrono::steady_clock::now();
  std::vector<int64_t> out = (*sim)->run(codes, steps);
  double seconds = secondsSince(start);
  std::vector<lrnn::PendingFile> files;
  files.push_back({outputPath,
                   lrnn::serializeFixedOutputNpy(
                       steps, dOut, out, (*sim)->getOutputExponent(),
                       rawOutput),
                   "cannot create temporary file"});
  if (Error err = lrnn::writeAllOrNothing(files))
    return fail(toString(std::move(err)));
  if (summary) {
    const lrnn::loihi2::SimulationCounters &c = (*sim)->getCounters();
    outs() << "lrnn-run: loihi2 simulator: " << steps << " tokens, "
           << c.steps << " time steps (latency " << (*sim)->getLatency()
           << "), " << c.synapticOps << " synaptic ops, "
           << c.neuronInstructions << " neuron instructions, " << c.messages
           << " messages, " << c.saturations << " saturations; "
           << format("%.3f", seconds) << " s\n";
  }
  if (bench)
    runBench(steps, [&] {
      (*sim)->reset();
      (*sim)->run(codes, steps);
    });
  return 0;
}

int main(int argc, char **argv) {
  InitLLVM y(argc, argv);
  // LLVM's own -stats (pass statistics, unused here) would clash with ours;
  // options are all registered once getRegisteredOptions() returns.
  if (cl::Option *llvmStats = cl::getRegisteredOptions().lookup("stats"))
    llvmStats->removeArgument();
  cl::opt<std::string> statsPath(
      "stats",
      cl::desc("Float models: write the activation sparsity of every op's "
               "operands (JSON) and print a summary. Quantised models: write "
               "the saturation counts of the input and of every op (JSON "
               "lrnn-fixed-stats/1) and print the ops that saturated"),
      cl::value_desc("file"), cl::cat(runCategory));
  // --help lists lrnn-run's own options, not every option of LLVM and MLIR
  // (--help-hidden still does).
  cl::HideUnrelatedOptions(runCategory);
  cl::ParseCommandLineOptions(
      argc, argv,
      "lrnn-run: run an lrnn model on a sequence\n\n"
      "  lrnn-run MODEL --input IN.npy --output OUT.npy [options]\n"
      "  lrnn-run --compare FLOAT_MODEL FIXED_MODEL --input IN.npy "
      "[--output OUT.npy]\n\n"
      "A float model runs in the double-precision interpreter. A quantised "
      "model\n(input of !lrnn.fixed) runs in the integer interpreter of "
      "docs/fixed-point.md:\nthe float input is quantised at the input's "
      "exponent, the output is written\ndequantised as float32, or as int32 "
      "codes with --raw. --compare runs a float\nmodel and its quantisation "
      "on the same input and prints the SNR of the\nquantised output against "
      "the float one. --backend=cpu compiles the model for this CPU (the\n"
      "--lrnn-lower-to-llvm pipeline and a JIT) and runs that instead; "
      "--bench times\nthe run. A failed run writes no file.\n");

  if (backend != Backend::Interp) {
    const char *interpOnly = rawOutput && backend == Backend::Cpu ? "--raw"
                             : !statsPath.empty()     ? "--stats"
                             : !calibratePath.empty() ? "--calibrate"
                             : compareMode            ? "--compare"
                                                      : nullptr;
    if (interpOnly)
      return fail(Twine(interpOnly) +
                  " is only available with --backend=interp (the reference "
                  "interpreter)");
  }
  if (bench && compareMode)
    return fail("--bench cannot be combined with --compare");
  if (bench && (!statsPath.empty() || !calibratePath.empty()))
    return fail("--bench cannot be combined with --stats or --calibrate "
                "(their recording would be timed too)");
  if (benchRuns.getNumOccurrences() && !bench)
    return fail("--bench-runs needs --bench");
  if (benchRuns < 1)
    return fail("--bench-runs must be at least 1");
  if (compareMode && modelPaths.size() != 2)
    return fail("--compare takes two models, FLOAT_MODEL FIXED_MODEL; got " +
                Twine(modelPaths.size()));
  if (!compareMode && modelPaths.size() != 1)
    return fail("expected one model, got " + Twine(modelPaths.size()) +
                " (two only with --compare)");
  if (!compareMode && outputPath.empty())
    return fail("--output is required (except with --compare)");
  if (compareMode && !calibratePath.empty())
    return fail("--calibrate cannot be combined with --compare (calibrate "
                "the float model on its own)");

  mlir::DialectRegistry registry;
  lrnn::registerAllDialects(registry);
  mlir::MLIRContext context(registry);

  if (compareMode)
    return compare(context, statsPath);

  StringRef modelPath = modelPaths[0];
  mlir::OwningOpRef<mlir::ModuleOp> module;
  if (backend != Backend::Interp) {
    auto loaded = lrnn::loadModelFile(modelPath, &context);
    if (!loaded)
      return fail(toString(loaded.takeError()));
    module = std::move(*loaded);
    return backend == Backend::Cpu ? runCpu(*module, modelPath)
                                   : runLoihi2(*module, modelPath);
  }
  auto model = loadModel(modelPath, context, module);
  if (!model)
    return fail(toString(model.takeError()));
  if (lrnn::isQuantizedModel(*model))
    return runQuantized(*model, modelPath, statsPath);
  return runFloatModel(*model, modelPath, statsPath);
}
