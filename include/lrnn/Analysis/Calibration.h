//===- Calibration.h - Value ranges over a calibration sequence -*- C++ -*-===//
//
// Records the range (min, max, absmax) of every vector a model computes over
// a sequence: the model input and every result of every op of the body, so
// also every state (the results of lrnn.diag_recurrence) and every
// accumulator (the results of projections, before any activation). The
// quantiser chooses fixed-point exponents from these ranges. The file format
// (`lrnn-calibration/1`) is described in docs/fixed-point.md.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_ANALYSIS_CALIBRATION_H
#define LRNN_ANALYSIS_CALIBRATION_H

#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <limits>
#include <string>
#include <vector>

namespace lrnn {

/// The range of the elements of one vector over all steps.
struct ElementRange {
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  double absMax() const { return std::max(std::abs(min), std::abs(max)); }
  void add(double v) {
    min = std::min(min, v);
    max = std::max(max, v);
  }
};

/// The ranges of the results of one op of the model body.
struct OpRanges {
  int64_t index = 0;      ///< Position of the op in the body.
  std::string opName;     ///< e.g. "lrnn.project".
  std::string location;   ///< getLocationName of the op (informational).
  std::vector<ElementRange> results;
};

/// A calibration document (`lrnn-calibration/1`): what the quantiser reads.
struct CalibrationRanges {
  std::string model;
  int64_t steps = 0;
  ElementRange input;
  std::vector<OpRanges> ops; ///< Ops with results, in program order.
};

/// Writes `ranges` as the JSON document of docs/fixed-point.md §7.
void writeCalibration(const CalibrationRanges &ranges, llvm::raw_ostream &os);

/// Reads and checks a calibration document; errors name `path` and the key.
llvm::Expected<CalibrationRanges> readCalibrationFile(llvm::StringRef path);

class CalibrationCollector {
public:
  explicit CalibrationCollector(ModelOp model);

  /// Adds one step. `valueOf` returns the step's vector of a body value.
  void addStep(llvm::function_ref<llvm::ArrayRef<double>(mlir::Value)> valueOf);

  int64_t getSteps() const { return steps; }

  /// The ranges seen so far.
  CalibrationRanges getRanges() const;

  /// Writes the `lrnn-calibration/1` JSON document (`steps` must be
  /// positive).
  void write(llvm::raw_ostream &os) const { writeCalibration(getRanges(), os); }

private:
  mutable ModelOp model; // Op handles are not const-correct.
  int64_t steps = 0;
  ElementRange input;
  /// Per op of the body (program order), per result.
  std::vector<std::vector<ElementRange>> results;
};

} // namespace lrnn

#endif // LRNN_ANALYSIS_CALIBRATION_H
