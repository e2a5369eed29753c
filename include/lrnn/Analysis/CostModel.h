//===- CostModel.h - Parameters, MACs and memory of lrnn models -*- C++ -*-===//
//
// The cost model of --lrnn-cost-report, shared with the tools that need the
// same numbers: parameters, non-zeros, MACs per step (dense, effective with
// zero weights skipped and, given activation statistics of a run, with zero
// activations skipped too, as NeuroBench defines effective MACs) and memory
// footprint. Every counting rule is documented in docs/cost-model.md.
//
// It also defines the activation statistics file that `lrnn-run --stats`
// writes and the report reads.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_ANALYSIS_COSTMODEL_H
#define LRNN_ANALYSIS_COSTMODEL_H

#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"

#include "mlir/IR/Location.h"
#include "mlir/IR/Types.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lrnn {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Bytes one stored element of `elementType` takes ("the current precision"):
/// 4 for f32, bit width / 8 rounded up for other int and float types.
int64_t getElementBytes(mlir::Type elementType);

/// Bytes of a `rows x cols` matrix with `nnz` non-zeros stored in CSR form
/// with `elementBytes`-byte values: values, column indices (2 bytes when
/// cols <= 65536, else 4) and rows + 1 row pointers of 4 bytes.
int64_t getCsrBytes(int64_t rows, int64_t cols, int64_t nnz,
                    int64_t elementBytes);

/// The name of `loc` for reports: the name of a NameLoc ("layers.0.ssm.B"),
/// the distinct names inside a FusedLoc joined with '+', "" when it has none.
std::string getLocationName(mlir::Location loc);

/// Formats a byte count in human units ("512 B", "48.2 KiB", "1.17 MiB").
std::string formatBytes(int64_t bytes);

//===----------------------------------------------------------------------===//
// Activation statistics (lrnn-run --stats)
//===----------------------------------------------------------------------===//

/// How often the elements of one vector were zero over a run.
struct VectorStats {
  /// Fraction of all elements, over all steps, that were exactly zero.
  double zeroFraction = 0;
  /// Per element: the fraction of steps in which it was non-zero.
  std::vector<double> nonZeroFraction;
  int64_t size() const { return static_cast<int64_t>(nonZeroFraction.size()); }
};

/// Statistics of the operands of one op of a model body.
struct OpStats {
  int64_t index = 0;    ///< Position among the body's ops.
  std::string opName;   ///< e.g. "lrnn.project".
  std::string locName;  ///< getLocationName of the op's location.
  std::vector<VectorStats> operands;
  /// lrnn.diag_recurrence only: the state the step reads, x_{t-1} (real
  /// part, then imaginary part), zero before the first step.
  std::vector<VectorStats> state;
};

struct ActivationStats {
  std::string modelName;
  int64_t steps = 0;
  std::vector<OpStats> ops; ///< One per body op, terminator included.
};

/// Counts zeros of every operand (and recurrence state) of a model body over
/// a run, one step at a time; the step's values are passed by the caller
/// (e.g. an Interpreter observer).
class ActivationStatsCollector {
public:
  explicit ActivationStatsCollector(ModelOp model);

  /// Adds one step. `valueOf` returns the step's vector of a body value.
  void addStep(llvm::function_ref<llvm::ArrayRef<double>(mlir::Value)> valueOf);

  int64_t getSteps() const { return steps; }
  /// The statistics so far (`steps` must be positive).
  ActivationStats getStats() const;

private:
  struct Counter {
    std::vector<int64_t> nonZero; ///< Per element, steps in which it was non-zero.
  };
  static void count(Counter &counter, llvm::ArrayRef<double> values);

  mutable ModelOp model; // Op handles are not const-correct.
  int64_t steps = 0;
  /// Distinct values read by the body, and their counters.
  std::vector<mlir::Value> values;
  llvm::DenseMap<mlir::Value, size_t> valueIndex;
  std::vector<Counter> valueCounters;
  /// Per diag_recurrence (program order): the previous step's state and the
  /// counters of the state each step reads.
  struct Recurrence {
    DiagRecurrenceOp op;
    std::vector<double> previousRe, previousIm;
    Counter re, im;
  };
  std::vector<Recurrence> recurrences;
};

/// Writes `stats` as JSON (format "lrnn-activation-stats/1").
void writeActivationStats(const ActivationStats &stats, llvm::raw_ostream &os);

/// Parses the JSON written by writeActivationStats; errors read
/// "<name>: <reason>".
llvm::Expected<ActivationStats> parseActivationStats(llvm::StringRef json,
                                                     llvm::StringRef name);

/// Reads and parses a statistics file; errors read "<path>: <reason>".
llvm::Expected<ActivationStats> readActivationStats(llvm::StringRef path);

/// Checks that `stats` describe `model`: the same number of body ops, the
/// same op name at every index and operands of the same sizes. Errors read
/// "<name>: <reason>" and name the first op that differs.
llvm::Error checkActivationStats(const ActivationStats &stats, ModelOp model,
                                 llvm::StringRef name);

//===----------------------------------------------------------------------===//
// Costs
//===----------------------------------------------------------------------===//

/// One weight matrix of an op.
struct WeightCost {
  std::string name; ///< Attribute name: "weight", "weight_re", ...
  int64_t rows = 0, cols = 0, nnz = 0;
  int64_t bytesDenseF32 = 0;
  int64_t bytesSparse = 0; ///< The cheaper of dense and CSR.
  bool csr = false;        ///< Whether CSR is the cheaper form.
};

/// Costs of one op, or totals of a model.
struct Cost {
  int64_t params = 0, nnz = 0;
  int64_t denseMacs = 0, effectiveMacs = 0;
  /// Expected effective MACs per step with zero activations skipped too;
  /// set only when activation statistics were given.
  std::optional<double> effectiveMacsWithActivations;
  int64_t adds = 0, otherOps = 0, nonlinearOps = 0;
  int64_t bytesDenseF32 = 0, bytesSparse = 0, stateBytes = 0;

  Cost &operator+=(const Cost &other);
};

struct OpCost : Cost {
  mlir::Operation *op = nullptr;
  int64_t index = 0; ///< Position among the body's ops.
  std::string opName, locName;
  llvm::SmallVector<llvm::SmallVector<int64_t, 1>, 2> resultShapes;
  std::vector<WeightCost> weights;
  /// Fraction of the op's input elements that were zero (with statistics).
  std::optional<double> inputZeroFraction;
};

struct ModelCost {
  std::string name;
  int64_t inputSize = 0, outputSize = 0;
  int64_t numRecurrences = 0, numStates = 0;
  std::optional<int64_t> statsSteps; ///< Steps of the statistics, if given.
  std::vector<OpCost> ops;           ///< Body ops except the terminator.
  Cost totals;
};

/// Computes the costs of every op of `model`, with the activation columns
/// when `stats` (of this model) are given. Fails, with an error emitted on the
/// op, when weight data is unavailable, an op cannot be counted or the
/// statistics do not match (check them first with checkActivationStats for
/// an error that names the file).
mlir::FailureOr<ModelCost> computeModelCost(ModelOp model,
                                            const ActivationStats *stats);

/// The report of `models` as compact text (one line per op and a totals line
/// per model) or as JSON.
void printCostReportText(llvm::ArrayRef<ModelCost> models,
                         llvm::raw_ostream &os);
void printCostReportJson(llvm::ArrayRef<ModelCost> models,
                         llvm::StringRef statsFile, llvm::raw_ostream &os);

} // namespace lrnn

#endif // LRNN_ANALYSIS_COSTMODEL_H
