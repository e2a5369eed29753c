//===- Pipelines.h - The compiler's standard sequences of steps -*- C++ -*-===//
//
// What lrnnc does between reading a model and emitting code, as library
// functions, so that every front end (lrnnc, the Python bindings) runs the
// same steps: the float optimisation pipeline, and calibration followed by
// quantisation.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_PIPELINES_PIPELINES_H
#define LRNN_PIPELINES_PIPELINES_H

#include "lrnn/Analysis/CostModel.h"
#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"
#include "lrnn/Dialect/LRNN/Transforms/Passes.h"
#include "lrnn/Dialect/LRNN/Transforms/Quantize.h"
#include "lrnn/Interpreter/FixedInterpreter.h"

#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace lrnn {

struct OptimizationOptions {
  /// Magnitude pruning first, when set.
  std::optional<PruneOptions> prune;
  /// Element-wise fusion (then CSE) last; off before quantisation, which
  /// replaces it.
  bool fuse = true;
};

/// Adds, nested on every lrnn.model of a module pass manager: prune (when
/// asked), fold-norm, eliminate-dead, then fuse and CSE (when asked).
void buildOptimizationPipeline(mlir::OpPassManager &modulePM,
                               const OptimizationOptions &options);

/// What the quantised model saturates on the calibration sequence itself.
struct CalibrationSaturations {
  int64_t input = 0;              ///< at the input boundary
  std::vector<OpSaturations> ops; ///< per op, those that saturate
  /// One warning line per non-zero count, naming the sequence (when not
  /// empty) as "... values saturate on the calibration sequence NAME".
  std::vector<std::string> describe(llvm::StringRef sequenceName) const;
};

/// Runs the float interpreter over `steps` steps of `inputs` (row-major,
/// d_input values each) to collect every value's range, quantises `model`
/// in place with `scheme`, then runs the integer model on the same sequence
/// and reports what saturates. `sequenceName` names the sequence in errors.
llvm::Expected<CalibrationSaturations>
calibrateAndQuantize(ModelOp model, llvm::ArrayRef<double> inputs,
                     int64_t steps, llvm::StringRef sequenceName,
                     const QuantizationScheme &scheme);

/// The activation statistics of a float interpreter run over `steps` steps
/// of `inputs` (what lrnn-run --stats writes and the cost report reads).
llvm::Expected<ActivationStats>
collectActivationStats(ModelOp model, llvm::ArrayRef<double> inputs,
                       int64_t steps);

} // namespace lrnn

#endif // LRNN_PIPELINES_PIPELINES_H
