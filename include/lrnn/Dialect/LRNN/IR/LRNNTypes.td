//===- LRNNTypes.td - lrnn type constraints ----------------*- tablegen -*-===//
//
// Floating-point lrnn values are builtin 1-D tensors: they compose with the
// upstream dialects the CPU backend lowers to and need no custom printing.
// Integer (fixed-point) values have their own element type, !lrnn.fixed.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_DIALECT_LRNN_IR_LRNNTYPES_TD
#define LRNN_DIALECT_LRNN_IR_LRNNTYPES_TD

include "lrnn/Dialect/LRNN/IR/LRNNDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"
include "mlir/IR/CommonTypeConstraints.td"

def LRNN_FixedType : TypeDef<LRNN_Dialect, "Fixed"> {
  let mnemonic = "fixed";
  let summary = "A signed fixed-point number: a `width`-bit integer q meaning q · 2^-exponent";
  let description = [{
    The element type of integer lrnn values. `!lrnn.fixed<16, 12>` holds a
    16-bit two's-complement integer `q` (range `±(2^15 - 1)`: the most
    negative code is never produced, so negation cannot overflow) and means
    the real number `q · 2^-12`. Width and exponent are part of the type, so
    every rescale between two values is visible in the IR as the difference
    of their exponents. The integer semantics of each op on fixed-point
    values are specified in `docs/fixed-point.md`.

    This is the project's own type rather than upstream `!quant.uniform`:
    lrnn scales are powers of two by construction (Loihi 2 and the paper's
    reference code rescale with arithmetic shifts), which a single integer
    exponent states exactly, where a uniform quantised type carries an
    arbitrary floating-point scale and zero point that every consumer would
    have to check.
  }];
  let parameters = (ins "unsigned":$width, "int":$exponent);
  let assemblyFormat = "`<` $width `,` $exponent `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Largest representable code, 2^(width-1) - 1 (symmetric range).
    int64_t getMaxCode() const { return (int64_t(1) << (getWidth() - 1)) - 1; }
  }];
}

// A real vector of one time step: statically shaped, non-empty, 1-D, f32.
def LRNN_Vector : Type<
    And<[HasStaticShapePred,
         CPred<"::llvm::isa<::mlir::RankedTensorType>($_self)">,
         CPred<"::llvm::cast<::mlir::RankedTensorType>($_self).getRank() == 1">,
         CPred<"::llvm::cast<::mlir::RankedTensorType>($_self).getDimSize(0) > 0">,
         CPred<"::llvm::cast<::mlir::RankedTensorType>($_self).getElementType().isF32()">]>,
    "non-empty 1-D static tensor of f32", "::mlir::RankedTensorType">;

// An integer vector of one time step: statically shaped, non-empty, 1-D,
// elements !lrnn.fixed (the values of a quantised model).
def LRNN_FixedVector : Type<
    And<[HasStaticShapePred,
         CPred<"::llvm::isa<::mlir::RankedTensorType>($_self)">,
         CPred<"::llvm::cast<::mlir::RankedTensorType>($_self).getRank() == 1">,
         CPred<"::llvm::cast<::mlir::RankedTensorType>($_self).getDimSize(0) > 0">,
         CPred<"::llvm::isa<::lrnn::FixedType>("
               "::llvm::cast<::mlir::RankedTensorType>($_self).getElementType())">]>,
    "non-empty 1-D static tensor of !lrnn.fixed", "::mlir::RankedTensorType">;

def LRNN_AnyVector : AnyTypeOf<[LRNN_Vector, LRNN_FixedVector],
    "non-empty 1-D static tensor of f32 or !lrnn.fixed">;

#endif // LRNN_DIALECT_LRNN_IR_LRNNTYPES_TD
