//===- Pipelines.cpp - The compiler's standard sequences of steps ---------===//

#include "lrnn/Pipelines/Pipelines.h"
#include "lrnn/Analysis/Calibration.h"
#include "lrnn/Interpreter/Interpreter.h"

#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace lrnn;

void lrnn::buildOptimizationPipeline(OpPassManager &modulePM,
                                     const OptimizationOptions &options) {
  OpPassManager &models = modulePM.nest<ModelOp>();
  if (options.prune)
    models.addPass(createPrune(*options.prune));
  models.addPass(createFoldNorm());
  models.addPass(createEliminateDead());
  if (options.fuse) {
    models.addPass(createFuse());
    models.addPass(createCSEPass());
  }
}

std::vector<std::string>
CalibrationSaturations::describe(llvm::StringRef sequenceName) const {
  std::string where = "the calibration sequence";
  if (!sequenceName.empty())
    where += " " + sequenceName.str();
  std::vector<std::string> lines;
  if (input)
    lines.push_back("model input: " + std::to_string(input) +
                    " values saturate on " + where);
  for (const OpSaturations &op : ops)
    if (op.count)
      lines.push_back("op " + std::to_string(op.index) + " (" + op.opName +
                      " @" + (op.locName.empty() ? "?" : op.locName) +
                      "): " + std::to_string(op.count) +
                      " values saturate on " + where);
  return lines;
}

/// Runs the float interpreter over a sequence, handing each step's values
/// to `collector` (a CalibrationCollector or ActivationStatsCollector).
template <typename Collector>
static llvm::Error observeRun(ModelOp model, llvm::ArrayRef<double> inputs,
                              int64_t steps, Collector &collector) {
  auto interp = Interpreter::create(model);
  if (!interp)
    return interp.takeError();
  struct Observer : StepObserver {
    explicit Observer(Collector &collector) : collector(collector) {}
    void afterStep(const Interpreter &interp) override {
      collector.addStep([&](Value v) { return interp.getValue(v); });
    }
    Collector &collector;
  } observer(collector);
  (*interp)->setObserver(&observer);
  (*interp)->run(inputs, steps);
  return llvm::Error::success();
}

llvm::Expected<ActivationStats>
lrnn::collectActivationStats(ModelOp model, llvm::ArrayRef<double> inputs,
                             int64_t steps) {
  ActivationStatsCollector collector(model);
  if (llvm::Error err = observeRun(model, inputs, steps, collector))
    return std::move(err);
  return collector.getStats();
}

llvm::Expected<CalibrationSaturations>
lrnn::calibrateAndQuantize(ModelOp model, llvm::ArrayRef<double> inputs,
                           int64_t steps, llvm::StringRef sequenceName,
                           const QuantizationScheme &scheme) {
  CalibrationCollector collector(model);
  if (llvm::Error err = observeRun(model, inputs, steps, collector))
    return std::move(err);
  if (failed(quantizeModel(model, collector.getRanges(), sequenceName,
                           scheme, kDefaultMaxSparseDensity)))
    return llvm::createStringError("quantisation failed");

  // The integer model on the same sequence: values beyond a calibrated
  // range (a state exponent clamped, a range too wide for the width) show
  // up as saturations, reported per op.
  auto fixed = FixedInterpreter::create(model);
  if (!fixed)
    return fixed.takeError();
  std::vector<int64_t> codes(inputs.size());
  for (size_t i = 0; i < codes.size(); ++i)
    codes[i] = (*fixed)->quantizeInput(inputs[i]);
  (*fixed)->run(codes, steps);
  CalibrationSaturations saturations;
  saturations.input = (*fixed)->getInputSaturations();
  for (const OpSaturations &op : (*fixed)->getSaturations())
    if (op.count)
      saturations.ops.push_back(op);
  return saturations;
}
