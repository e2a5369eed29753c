//===- Quantize.h - Float to fixed-point models -----------------*- C++ -*-===//
//
// The quantiser behind --lrnn-quantize, callable with in-memory calibration
// ranges (lrnnc --quantize calibrates and quantises in one run).
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_DIALECT_LRNN_TRANSFORMS_QUANTIZE_H
#define LRNN_DIALECT_LRNN_TRANSFORMS_QUANTIZE_H

#include "lrnn/Analysis/Calibration.h"
#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"

#include "mlir/Support/LLVM.h"

namespace lrnn {

/// Widths of each tensor class (docs/fixed-point.md §1, "Widths").
struct QuantizationScheme {
  unsigned weightBits = 8;
  unsigned actBits = 16;
  unsigned biasBits = 16;
  unsigned lambdaBits = 16;
  unsigned lutBits = 16;
  unsigned accBits = 32;
  /// Bits of headroom above each calibrated activation range (§2.5).
  int headroom = 0;
};

/// The named scheme ("w8a16", "w8a24"), or nullopt for an unknown name.
std::optional<QuantizationScheme> getQuantizationScheme(llvm::StringRef name);

/// Checks the widths against the target's limits; the message says which.
llvm::Error checkQuantizationScheme(const QuantizationScheme &scheme);

/// Rewrites the float `model` into an integer model. `ranges` must describe
/// this very IR (same ops in the same order); `calibrationName` names it in
/// errors. Emits a diagnostic on the offending op and leaves the model
/// unchanged on failure.
mlir::LogicalResult quantizeModel(ModelOp model,
                                  const CalibrationRanges &ranges,
                                  llvm::StringRef calibrationName,
                                  const QuantizationScheme &scheme,
                                  double maxSparseDensity);

} // namespace lrnn

#endif // LRNN_DIALECT_LRNN_TRANSFORMS_QUANTIZE_H
