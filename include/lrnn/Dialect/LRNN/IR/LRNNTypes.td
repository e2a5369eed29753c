//===- LRNNTypes.td - lrnn type constraints ----------------*- tablegen -*-===//
//
// Floating-point lrnn values are builtin 1-D tensors: they compose with the
// upstream dialects the CPU backend lowers to and need no custom printing.
// Fixed-point types join this file with the quantisation work.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_DIALECT_LRNN_IR_LRNNTYPES_TD
#define LRNN_DIALECT_LRNN_IR_LRNNTYPES_TD

include "mlir/IR/CommonTypeConstraints.td"

// A real vector of one time step: statically shaped, non-empty, 1-D, f32.
def LRNN_Vector : Type<
    And<[HasStaticShapePred,
         CPred<"::llvm::isa<::mlir::RankedTensorType>($_self)">,
         CPred<"::llvm::cast<::mlir::RankedTensorType>($_self).getRank() == 1">,
         CPred<"::llvm::cast<::mlir::RankedTensorType>($_self).getDimSize(0) > 0">,
         CPred<"::llvm::cast<::mlir::RankedTensorType>($_self).getElementType().isF32()">]>,
    "non-empty 1-D static tensor of f32", "::mlir::RankedTensorType">;

#endif // LRNN_DIALECT_LRNN_IR_LRNNTYPES_TD
