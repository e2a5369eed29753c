//===- Place.h - Placement of loihi2 neuron groups on cores -----*- C++ -*-===//
//
// The placer behind --loihi2-place, callable directly (lrnnc places the
// program it lowers). The algorithm is described with the pass in
// include/lrnn/Dialect/Loihi2/Transforms/Passes.td.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_DIALECT_LOIHI2_TRANSFORMS_PLACE_H
#define LRNN_DIALECT_LOIHI2_TRANSFORMS_PLACE_H

#include "lrnn/Dialect/Loihi2/IR/Loihi2Ops.h"

#include "mlir/Support/LLVM.h"

#include <cstdint>

namespace lrnn {
namespace loihi2 {

struct PlaceOptions {
  /// Most neurons on one core; 0 means the target's neurons_per_core. A
  /// negative value or one above neurons_per_core is an error.
  int64_t maxNeuronsPerCore = 0;
};

/// Places every neuron group of `program` (replacing existing placements)
/// and verifies the result. On failure, emits one error (on the group that
/// does not fit, on the program for a bad option or a verifier rejection)
/// and leaves the placements as they were.
mlir::LogicalResult placeProgram(ProgramOp program,
                                 const PlaceOptions &options);

} // namespace loihi2
} // namespace lrnn

#endif // LRNN_DIALECT_LOIHI2_TRANSFORMS_PLACE_H
