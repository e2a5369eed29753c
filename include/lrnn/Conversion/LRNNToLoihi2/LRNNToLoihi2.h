//===- LRNNToLoihi2.h - Quantised lrnn models to Loihi 2 programs -*- C++ -*-===//

#ifndef LRNN_CONVERSION_LRNNTOLOIHI2_LRNNTOLOIHI2_H
#define LRNN_CONVERSION_LRNNTOLOIHI2_LRNNTOLOIHI2_H

#include "lrnn/Dialect/Loihi2/IR/Loihi2Ops.h"
#include "lrnn/Target/Loihi2/TargetDescription.h"

#include "mlir/IR/BuiltinOps.h"

#include <string>

namespace lrnn {

struct Loihi2LoweringOptions {
  /// The description to check against; null means the built-in one.
  const loihi2::TargetDescription *target = nullptr;
  /// Embed `target` (or the built-in description) in each program, so that
  /// the program is self-contained.
  bool embedTarget = false;
  std::string system = "oheo-gulch";
  loihi2::ExecutionMode mode = loihi2::ExecutionMode::FallThrough;
};

/// Replaces every quantised lrnn.model of `module` by a loihi2.program of
/// the same name (the --lrnn-to-loihi2 pass). On failure a diagnostic names
/// the op and the module is unchanged.
mlir::LogicalResult lowerToLoihi2(mlir::ModuleOp module,
                                  const Loihi2LoweringOptions &options);

} // namespace lrnn

#endif // LRNN_CONVERSION_LRNNTOLOIHI2_LRNNTOLOIHI2_H
