//===- lrnnc.cpp - One-shot compiler driver -------------------------------===//
//
// lrnnc MODEL [--sparsity=S [--prune-scope=erk]] [--no-fuse]
//       [--quantize=w8a16|w8a24 --calibrate=CALIB.npy [--headroom=H]]
//       [--report [--report-format=json]] -o OUT.mlir
// lrnnc MODEL [the options above] --target=cpu [--name=NAME]
//       [--header=OUT.h] -o OUT.o
// lrnnc MODEL --quantize=... --calibrate=... --target=loihi2
//       [--system=oheo-gulch|kapoho-point|hala-point]
//       [--mode=fall-through|pipelined] [--target-config=FILE]
//       [--max-neurons-per-core=N] [--report] -o OUT.l2
//
// Imports the model if needed, then runs the sparsity pipeline: prune (when
// --sparsity is given), fold normalisation, eliminate dead states and
// channels, then either fuse (float models) or quantise (--quantize):
// calibrate on CALIB.npy with the reference interpreter, turn the model into
// integer lrnn.q* ops, and check the result on the same sequence with the
// integer interpreter, warning about every op that saturates. Optionally
// prints the cost report of the result.
//
// Without --target the result is written as MLIR. --target=cpu compiles it
// for this CPU instead: the model (renamed NAME by --name; its name must be a
// C identifier) is lowered by --lrnn-lower-to-llvm and written as a native
// object file (-O3 for the host's features, position independent) exposing
// NAME_step, NAME_reset, NAME_step_batch and the NAME_state_bytes,
// NAME_input_size and NAME_output_size constants; --header writes the C
// header declaring them. A quantised model (--quantize) compiles to its
// fixed-point arithmetic. MODEL may also be a module lowered already (LLVM
// dialect), which is only compiled. Either both files are written or
// neither.
//
// --target=loihi2 lowers the quantised model to a Loihi 2 program
// (--lrnn-to-loihi2), places it on the chosen system (--loihi2-place) and
// writes the program file (docs/loihi2-program-file.md) with the target
// description embedded; --report prints the cores, neurons, memory and
// synapses per core and the mesh traffic instead of the cost report.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Conversion/Passes.h"
#include "lrnn/Dialect/LRNN/Transforms/Passes.h"
#include "lrnn/Dialect/LRNN/Transforms/Quantize.h"
#include "lrnn/Import/LoadModel.h"
#include "lrnn/InitAll.h"
#include "lrnn/Interpreter/FixedInterpreter.h"
#include "lrnn/Interpreter/Interpreter.h"
#include "lrnn/Pipelines/Pipelines.h"
#include "lrnn/Support/ErrorMessages.h"
#include "lrnn/Support/Npy.h"
#include "lrnn/Target/CPU/CPUTarget.h"
#include "lrnn/Conversion/LRNNToLoihi2/LRNNToLoihi2.h"
#include "lrnn/Dialect/Loihi2/Transforms/Place.h"
#include "lrnn/Dialect/Loihi2/Transforms/Report.h"
#include "lrnn/Target/Loihi2/ProgramFile.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

#include <cmath>
#include <optional>

using namespace llvm;
using namespace mlir;

static cl::opt<std::string> inputPath(cl::Positional, cl::Required,
                                      cl::desc("<model.safetensors|model.mlir>"));
static cl::opt<std::string> outputPath(
    "o", cl::desc("Output file (.mlir; with --target=cpu the object file)"),
    cl::value_desc("file"), cl::init("-"));
static cl::opt<std::string> activationStatsPath(
    "activation-stats",
    cl::desc("--target=cpu: activation statistics (lrnn-run --stats) of the "
             "compiled float model; inputs measured mostly zero get the "
             "kernel that skips zero activations"),
    cl::value_desc("file"));
static cl::opt<std::string> target(
    "target",
    cl::desc("Compile for a target instead of writing MLIR: cpu (a native "
             "object file for this host)"),
    cl::value_desc("target"));
static cl::opt<std::string> headerPath(
    "header", cl::desc("--target=cpu: also write the model's C header"),
    cl::value_desc("file"));
static cl::opt<std::string> modelName(
    "name",
    cl::desc("--target=cpu: name the model NAME (a C identifier), the prefix "
             "of its symbols"),
    cl::value_desc("NAME"));
static cl::opt<double> sparsity(
    "sparsity", cl::init(-1.0),
    cl::desc("Prune to this fraction of zero weights, in [0, 1) (default: no "
             "pruning)"));
static cl::opt<std::string> pruneScope(
    "prune-scope", cl::init("erk"),
    cl::desc("How pruning distributes sparsity: global, per-layer or erk "
             "(needs --sparsity)"));
static cl::opt<bool> report("report",
                            cl::desc("Print the cost report of the result"));
static cl::opt<std::string> reportFormat("report-format", cl::init("text"),
                                         cl::desc("text or json"));
static cl::opt<bool> noFuse("no-fuse", cl::desc("Skip --lrnn-fuse"));
static cl::opt<std::string> quantize(
    "quantize",
    cl::desc("Quantise to an integer model: w8a16 or w8a24 (needs "
             "--calibrate; replaces fusion)"),
    cl::value_desc("scheme"));
static cl::opt<std::string> calibratePath(
    "calibrate",
    cl::desc("Calibration sequence for --quantize: [T, d_input] float .npy"),
    cl::value_desc("file"));
static cl::opt<int> headroom(
    "headroom", cl::init(0),
    cl::desc("Bits of headroom above calibrated ranges (--quantize)"));
static cl::opt<std::string> loihi2System(
    "system", cl::init("oheo-gulch"),
    cl::desc("--target=loihi2: the system (oheo-gulch, kapoho-point, "
             "hala-point, or one of --target-config)"));
static cl::opt<std::string> loihi2Mode(
    "mode", cl::init("fall-through"),
    cl::desc("--target=loihi2: fall-through (lowest latency) or pipelined "
             "(throughput)"));
static cl::opt<std::string> targetConfig(
    "target-config",
    cl::desc("--target=loihi2: target description override file"),
    cl::value_desc("file"));
static cl::opt<int64_t> maxNeuronsPerCore(
    "max-neurons-per-core", cl::init(0),
    cl::desc("--target=loihi2: at most N neurons per core (0: the target's "
             "neurons_per_core)"));
static cl::opt<bool> remarks("remarks",
                             cl::desc("Print what each pass did (remarks)"));

static int fail(const Twine &message) {
  WithColor::error(errs(), "lrnnc") << message << "\n";
  return 1;
}

/// Reads the calibration sequence: [T >= 1, inputSize] finite floats.
static Expected<std::vector<double>> readCalibrationInput(StringRef path,
                                                          int64_t inputSize,
                                                          int64_t &steps) {
  auto array = lrnn::readNpy(path, lrnn::kMaxSequenceValues);
  if (!array)
    return array.takeError();
  if (array->dtype != lrnn::NpyDType::F32 && array->dtype != lrnn::NpyDType::F64)
    return createStringError(path + ": expected float32 or float64 data, got '" +
                             lrnn::npyDescr(array->dtype) + "'");
  if (array->shape.size() != 2 || array->shape[1] != inputSize ||
      array->shape[0] < 1) {
    std::string got;
    for (int64_t d : array->shape)
      got += (got.empty() ? "" : ", ") + std::to_string(d);
    return createStringError(path + ": calibration data must have shape [T >= 1, " +
                             Twine(inputSize) + "] for this model, got [" + got +
                             "]");
  }
  steps = array->shape[0];
  std::vector<double> values = array->toDoubles();
  for (size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i]))
      return createStringError(path + ": non-finite value at [" +
                               Twine(i / inputSize) + ", " +
                               Twine(i % inputSize) + "]");
  return values;
}

/// Calibrates `model` on the sequence and quantises it in place; warns of
/// what then saturates on the sequence.
static Error calibrateAndQuantize(lrnn::ModelOp model,
                                  const lrnn::QuantizationScheme &scheme) {
  int64_t steps = 0;
  auto inputs = readCalibrationInput(calibratePath,
                                     model.getInputType().getDimSize(0), steps);
  if (!inputs)
    return inputs.takeError();
  auto saturations =
      lrnn::calibrateAndQuantize(model, *inputs, steps, calibratePath, scheme);
  if (!saturations)
    return saturations.takeError();
  for (const std::string &line : saturations->describe(calibratePath))
    WithColor::warning(errs(), "lrnnc") << line << "\n";
  return Error::success();
}

int main(int argc, char **argv) {
  InitLLVM y(argc, argv);
  cl::ParseCommandLineOptions(argc, argv, "lrnnc: lrnn compiler driver\n");

  // Every option is checked before anything is computed or printed.
  if (pruneScope.getNumOccurrences() && !sparsity.getNumOccurrences())
    return fail("--prune-scope needs --sparsity");
  if (reportFormat != "text" && reportFormat != "json")
    return fail("--report-format must be text or json, got '" + reportFormat +
                "'");
  std::optional<lrnn::QuantizationScheme> scheme;
  if (!quantize.empty()) {
    scheme = lrnn::getQuantizationScheme(quantize);
    if (!scheme)
      return fail("--quantize: unknown scheme '" + quantize +
                  "' (expected w8a16 or w8a24)");
    scheme->headroom = headroom;
    if (auto err = lrnn::checkQuantizationScheme(*scheme))
      return fail("--quantize: " + toString(std::move(err)));
    if (calibratePath.empty())
      return fail("--quantize needs --calibrate=CALIB.npy");
  } else if (!calibratePath.empty() || headroom.getNumOccurrences()) {
    return fail("--calibrate and --headroom need --quantize");
  }
  if (!target.empty() && target != "cpu" && target != "loihi2")
    return fail("--target: unknown target '" + target +
                "' (expected cpu or loihi2)");
  bool cpu = target == "cpu";
  bool loihi2 = target == "loihi2";
  std::optional<lrnn::loihi2::TargetDescription> loihi2Target;
  std::optional<lrnn::loihi2::ExecutionMode> mode;
  if (loihi2) {
    if (!scheme)
      return fail("--target=loihi2 needs --quantize=w8a16|w8a24 and "
                  "--calibrate=CALIB.npy (Loihi 2 executes integer models)");
    if (outputPath == "-")
      return fail("--target=loihi2 needs -o FILE.l2");
    mode = lrnn::loihi2::symbolizeExecutionMode(loihi2Mode);
    if (!mode)
      return fail("--mode must be fall-through or pipelined, got '" +
                  loihi2Mode + "'");
    auto desc = targetConfig.empty()
                    ? Expected<lrnn::loihi2::TargetDescription>(
                          lrnn::loihi2::getDefaultTargetDescription())
                    : lrnn::loihi2::loadTargetDescription(targetConfig);
    if (!desc)
      return fail(toString(desc.takeError()));
    loihi2Target = std::move(*desc);
    if (auto system = loihi2Target->getSystem(loihi2System); !system)
      return fail("--system: " + toString(system.takeError()));
    if (maxNeuronsPerCore < 0 ||
        maxNeuronsPerCore > loihi2Target->neuronsPerCore)
      return fail("--max-neurons-per-core must be within 0.." +
                  Twine(loihi2Target->neuronsPerCore) +
                  " (neurons_per_core), got " + Twine(maxNeuronsPerCore));
  } else {
    for (cl::Option *option :
         {static_cast<cl::Option *>(&loihi2System),
          static_cast<cl::Option *>(&loihi2Mode),
          static_cast<cl::Option *>(&targetConfig),
          static_cast<cl::Option *>(&maxNeuronsPerCore)})
      if (option->getNumOccurrences())
        return fail("--" + option->ArgStr + " needs --target=loihi2");
  }
  if (!cpu && headerPath.getNumOccurrences())
    return fail("--header needs --target=cpu");
  if (!cpu && modelName.getNumOccurrences())
    return fail("--name needs --target=cpu");
  if (!cpu && activationStatsPath.getNumOccurrences())
    return fail("--activation-stats needs --target=cpu");
  if (cpu) {
    if (outputPath == "-")
      return fail("--target=cpu needs -o FILE.o (the object file is not "
                  "written to stdout)");
    if (modelName.getNumOccurrences() && !lrnn::isValidCModelName(modelName))
      return fail("--name: '" + modelName +
                  "' is not a valid C identifier (letters, digits and '_', "
                  "not starting with a digit or '_', no keyword)");
    if (headerPath.getNumOccurrences() && headerPath.empty())
      return fail("--header needs a file name");
    if (headerPath == outputPath)
      return fail("--header and -o name the same file '" + outputPath + "'");
  }

  // Open the outputs first: an unwritable -o or --header must fail before
  // any report. ToolOutputFile deletes a file unless keep() is reached.
  std::error_code ec;
  ToolOutputFile output(outputPath, ec,
                        cpu || loihi2 ? sys::fs::OF_None : sys::fs::OF_Text);
  if (ec)
    return fail(outputPath + ": cannot open for writing: " + ec.message());
  std::optional<ToolOutputFile> header;
  if (!headerPath.empty()) {
    header.emplace(headerPath, ec, sys::fs::OF_Text);
    if (ec)
      return fail(headerPath + ": cannot open for writing: " + ec.message());
  }

  DialectRegistry registry;
  lrnn::registerAllDialects(registry);
  MLIRContext context(registry);

  auto module = lrnn::loadModelFile(inputPath, &context);
  if (!module)
    return fail(toString(module.takeError()));

  // Errors become one line each; warnings are printed; remarks on request.
  std::string firstError;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    std::string location;
    raw_string_ostream os(location);
    os << diag.getLocation();
    switch (diag.getSeverity()) {
    case DiagnosticSeverity::Remark:
      if (remarks)
        errs() << location << ": remark: " << diag.str() << "\n";
      break;
    case DiagnosticSeverity::Warning:
      WithColor::warning(errs(), "lrnnc") << location << ": " << diag.str()
                                          << "\n";
      break;
    case DiagnosticSeverity::Error:
      if (firstError.empty())
        firstError = lrnn::makeOneLine(location + ": " + diag.str(), 2000);
      break;
    default:
      break;
    }
    return success();
  });
  auto run = [&](PassManager &pm) -> LogicalResult {
    return pm.run(**module);
  };
  auto failure = [&]() {
    return fail(firstError.empty() ? inputPath + ": compilation failed"
                                   : firstError);
  };

  PassManager pm(&context, ModuleOp::getOperationName());
  lrnn::OptimizationOptions optimization;
  if (sparsity.getNumOccurrences()) {
    optimization.prune.emplace();
    optimization.prune->sparsity = sparsity;
    optimization.prune->scope = pruneScope;
  }
  // Quantisation replaces the float element-wise fusion (it must come first).
  optimization.fuse = !noFuse && !scheme;
  lrnn::buildOptimizationPipeline(pm, optimization);
  if (failed(run(pm)))
    return failure();

  if (scheme) {
    auto model = lrnn::getSingleModel(**module, inputPath);
    if (!model)
      return fail(toString(model.takeError()));
    if (auto err = calibrateAndQuantize(*model, *scheme))
      return firstError.empty() ? fail(toString(std::move(err))) : failure();
  }

  if (report && !loihi2) {
    PassManager reportPm(&context, ModuleOp::getOperationName());
    lrnn::CostReportOptions options;
    options.format = reportFormat;
    reportPm.addPass(lrnn::createCostReport(options));
    if (failed(run(reportPm)))
      return failure();
  }

  // Checks a written file; `path` names it in the error.
  auto flushed = [](ToolOutputFile &file, StringRef path) -> int {
    file.os().flush();
    if (!file.os().has_error())
      return 0;
    std::error_code error = file.os().error();
    file.os().clear_error(); // Otherwise the stream aborts when destroyed.
    return fail(path + ": write failed: " + error.message());
  };

  if (loihi2) {
    lrnn::Loihi2LoweringOptions lowering;
    lowering.target = &*loihi2Target;
    lowering.embedTarget = true;
    lowering.system = loihi2System;
    lowering.mode = *mode;
    if (failed(lrnn::lowerToLoihi2(**module, lowering)))
      return failure();
    lrnn::loihi2::PlaceOptions place;
    place.maxNeuronsPerCore = maxNeuronsPerCore;
    for (auto program : (*module)->getOps<lrnn::loihi2::ProgramOp>())
      if (failed(lrnn::loihi2::placeProgram(program, place)))
        return failure();
    if (report)
      for (auto program : (*module)->getOps<lrnn::loihi2::ProgramOp>())
        lrnn::loihi2::printResourceReport(program, outs());
    if (failed(lrnn::loihi2::writeProgramFile(**module, output.os())))
      return failure();
    if (int status = flushed(output, outputPath))
      return status;
    output.keep();
    return 0;
  }

  if (!cpu) {
    if (auto err = lrnn::printModule(**module, output.os()))
      return fail(outputPath + ": " + toString(std::move(err)));
    if (int status = flushed(output, outputPath))
      return status;
    output.keep();
    return 0;
  }

  // --target=cpu: lower the model (unless the input was lowered already).
  std::string name;
  int64_t inputSize = 0, outputSize = 0, stateBytes = 0;
  bool quantized = false;
  if (!(*module)->getOps<lrnn::ModelOp>().empty()) {
    auto model = lrnn::getSingleModel(**module, inputPath);
    if (!model)
      return fail(toString(model.takeError()));
    if (modelName.getNumOccurrences())
      model->setSymName(modelName);
    name = model->getSymName().str();
    if (!lrnn::isValidCModelName(name))
      return fail(inputPath + ": the model's name '" + name +
                  "' is not a valid C identifier; choose one with --name");
    inputSize = model->getInputType().getDimSize(0);
    outputSize = model->getOutputType().getDimSize(0);
    stateBytes = lrnn::getCpuStateBytes(*model);
    quantized = lrnn::isQuantizedModel(*model);
    PassManager lowerPm(&context, ModuleOp::getOperationName());
    lrnn::ConvertLRNNToStandardOptions lowering;
    lowering.activationStats = activationStatsPath;
    lrnn::buildLowerToLLVMPipeline(lowerPm, lowering);
    if (failed(run(lowerPm)))
      return failure();
  } else if (modelName.getNumOccurrences()) {
    return fail(inputPath + ": --name cannot rename a module lowered "
                            "already; rename the lrnn.model before lowering");
  }
  auto lowered = lrnn::findLoweredModel(**module, name);
  if (!lowered)
    return fail(inputPath + ": " + toString(lowered.takeError()));
  if (name.empty()) {
    name = lowered->name;
    inputSize = lowered->inputSize;
    outputSize = lowered->outputSize;
    stateBytes = lowered->stateBytes;
  } else if (lowered->inputSize != inputSize ||
             lowered->outputSize != outputSize ||
             lowered->stateBytes != stateBytes) {
    return fail(inputPath + ": the lowered model's sizes (" +
                Twine(lowered->inputSize) + " -> " +
                Twine(lowered->outputSize) + ", " +
                Twine(lowered->stateBytes) +
                " state bytes) disagree with the model's (" +
                Twine(inputSize) + " -> " + Twine(outputSize) + ", " +
                Twine(stateBytes) + ")");
  }

  if (auto err = lrnn::emitObjectFile(**module, output.os()))
    return fail(outputPath + ": " + toString(std::move(err)) +
                (firstError.empty() ? "" : " (" + firstError + ")"));
  if (int status = flushed(output, outputPath))
    return status;
  if (header) {
    lrnn::emitCHeader(header->os(), name, inputSize, outputSize, stateBytes,
                      quantized);
    if (int status = flushed(*header, headerPath))
      return status;
  }
  // Both complete: keep both.
  output.keep();
  if (header)
    header->keep();
  return 0;
}
