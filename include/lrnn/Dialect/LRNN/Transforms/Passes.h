//===- Passes.h - lrnn transformation passes --------------------*- C++ -*-===//

#ifndef LRNN_DIALECT_LRNN_TRANSFORMS_PASSES_H
#define LRNN_DIALECT_LRNN_TRANSFORMS_PASSES_H

#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"

#include "mlir/Pass/Pass.h"

namespace lrnn {

/// Density threshold shared by the importer and --lrnn-select-weight-format.
constexpr double kDefaultMaxSparseDensity = 0.5;

#define GEN_PASS_DECL
#include "lrnn/Dialect/LRNN/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "lrnn/Dialect/LRNN/Transforms/Passes.h.inc"

} // namespace lrnn

#endif // LRNN_DIALECT_LRNN_TRANSFORMS_PASSES_H
