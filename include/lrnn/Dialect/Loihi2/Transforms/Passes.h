//===- Passes.h - loihi2 passes ---------------------------------*- C++ -*-===//

#ifndef LRNN_DIALECT_LOIHI2_TRANSFORMS_PASSES_H
#define LRNN_DIALECT_LOIHI2_TRANSFORMS_PASSES_H

#include "lrnn/Dialect/Loihi2/IR/Loihi2Ops.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace lrnn {
namespace loihi2 {

#define GEN_PASS_DECL
#include "lrnn/Dialect/Loihi2/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "lrnn/Dialect/Loihi2/Transforms/Passes.h.inc"

} // namespace loihi2
} // namespace lrnn

#endif // LRNN_DIALECT_LOIHI2_TRANSFORMS_PASSES_H
