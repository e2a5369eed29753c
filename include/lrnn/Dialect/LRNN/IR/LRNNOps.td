//===- LRNNOps.td - lrnn operations ------------------------*- tablegen -*-===//

#ifndef LRNN_DIALECT_LRNN_IR_LRNNOPS_TD
#define LRNN_DIALECT_LRNN_IR_LRNNOPS_TD

include "lrnn/Dialect/LRNN/IR/LRNNDialect.td"
include "lrnn/Dialect/LRNN/IR/LRNNAttributes.td"
include "lrnn/Dialect/LRNN/IR/LRNNTypes.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Model container
//===----------------------------------------------------------------------===//

def LRNN_ModelOp : LRNN_Op<"model", [
    IsolatedFromAbove, Symbol, SingleBlock]> {
  let summary = "A streaming model: one step of a recurrent network";
  let description = [{
    The body computes one time step. Its single argument is the input vector
    `u_t` of step `t`; the value passed to `lrnn.output` is the output vector
    of that step. Running a model over a sequence runs the body once per
    element, in order. State lives in the `lrnn.diag_recurrence` ops of the
    body: each holds one complex vector that is zero before the first step and
    is carried from each step to the next. Nothing else is remembered between
    steps.

    A quantised model (produced by `--lrnn-quantize`) takes and returns
    vectors of `!lrnn.fixed`, contains only the integer `lrnn.q*` ops and
    declares `accumulator_bits = A`: its verifiers prove that no intermediate
    of any op reaches `2^(A-1)` (`docs/fixed-point.md`).

    ```mlir
    lrnn.model @denoiser(%u: tensor<257xf32>) -> tensor<257xf32> {
      ...
      lrnn.output %out : tensor<257xf32>
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<FunctionType>:$function_type,
                       OptionalAttr<I32Attr>:$accumulator_bits);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let skipDefaultBuilders = 1;
  let builders = [
    OpBuilder<(ins "::llvm::StringRef":$name, "::mlir::RankedTensorType":$inputType,
                   "::mlir::RankedTensorType":$outputType)>
  ];
  let extraClassDeclaration = [{
    ::mlir::RankedTensorType getInputType() {
      return ::llvm::cast<::mlir::RankedTensorType>(getFunctionType().getInput(0));
    }
    ::mlir::RankedTensorType getOutputType() {
      return ::llvm::cast<::mlir::RankedTensorType>(getFunctionType().getResult(0));
    }
    ::mlir::Block &getBodyBlock() { return getBody().front(); }
    ::mlir::BlockArgument getInput() { return getBodyBlock().getArgument(0); }
    /// The `lrnn.diag_recurrence` ops, in program order: the model's state.
    ::llvm::SmallVector<class DiagRecurrenceOp> getRecurrences();
    /// Complex states over all recurrences.
    int64_t getNumStates();
  }];
}

def LRNN_OutputOp : LRNN_Op<"output", [
    Terminator, HasParent<"ModelOp">, Pure]> {
  let summary = "The output vector of one step";
  let description = [{
    Terminates an `lrnn.model` body; its operand is the step's output and must
    have the model's output type.
  }];
  let arguments = (ins LRNN_AnyVector:$value);
  let assemblyFormat = "$value attr-dict `:` type($value)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Projections
//===----------------------------------------------------------------------===//

def LRNN_ProjectOp : LRNN_Op<"project", [Pure]> {
  let summary = "Affine projection y = W x + b with a dense or sparse weight";
  let description = [{
    Multiplies the input by the `rows x cols` weight (a dense f32
    `ElementsAttr` or a `#lrnn.sparse` matrix) and adds the optional bias of
    `rows` elements. Encoders, decoders and GLU gates are projections.

    ```mlir
    %h = lrnn.project %u weight(#lrnn.sparse<[4, 3], nnz = 2, ...>)
                         bias(dense<0.0> : tensor<4xf32>)
                         : tensor<3xf32> -> tensor<4xf32>
    ```
  }];
  let arguments = (ins LRNN_Vector:$input, LRNN_WeightAttr:$weight,
                       OptionalAttr<ElementsAttr>:$bias);
  let results = (outs LRNN_Vector:$result);
  let assemblyFormat = [{
    $input `weight` `(` $weight `)` (`bias` `(` $bias^ `)`)? attr-dict
    `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

def LRNN_ComplexProjectOp : LRNN_Op<"complex_project", [Pure,
    AllTypesMatch<["real", "imag"]>]> {
  let summary = "Complex input projection B̄ z of a real vector";
  let description = [{
    Computes the complex vector `v = B̄ z + c` of a real input `z`, returned
    as its real part `B̄_re z + c_re` and imaginary part `B̄_im z + c_im`. Both
    weights are `states x inputs` and each may be dense or sparse on its own.
    The optional constant term `c` (`bias_re`, `bias_im`, absent meaning
    zero) appears when a normalisation is folded into `B̄`.
  }];
  let arguments = (ins LRNN_Vector:$input, LRNN_WeightAttr:$weight_re,
                       LRNN_WeightAttr:$weight_im,
                       OptionalAttr<ElementsAttr>:$bias_re,
                       OptionalAttr<ElementsAttr>:$bias_im);
  let results = (outs LRNN_Vector:$real, LRNN_Vector:$imag);
  let assemblyFormat = [{
    $input `re` `(` $weight_re `)` `im` `(` $weight_im `)`
    (`bias_re` `(` $bias_re^ `)`)? (`bias_im` `(` $bias_im^ `)`)? attr-dict
    `:` type($input) `->` type($real)
  }];
  let hasVerifier = 1;
}

def LRNN_ComplexReadoutOp : LRNN_Op<"complex_readout", [Pure,
    AllTypesMatch<["real", "imag"]>]> {
  let summary = "Real output κ·Re(C̃ x) of a complex state";
  let description = [{
    Computes `kappa * (C̃_re x_re - C̃_im x_im)`, the real part of `C̃ x`
    scaled by `kappa`: 2 for models whose states come in conjugate pairs of
    which only one is stored, 1 otherwise. Both weights are `outputs x
    states`.
  }];
  let arguments = (ins LRNN_Vector:$real, LRNN_Vector:$imag,
                       LRNN_WeightAttr:$weight_re, LRNN_WeightAttr:$weight_im,
                       F32Attr:$kappa);
  let results = (outs LRNN_Vector:$result);
  let assemblyFormat = [{
    $real `,` $imag `re` `(` $weight_re `)` `im` `(` $weight_im `)`
    `kappa` `(` $kappa `)` attr-dict `:` type($real) `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Recurrence
//===----------------------------------------------------------------------===//

def LRNN_DiagRecurrenceOp : LRNN_Op<"diag_recurrence", [HasParent<"ModelOp">,
    SameOperandsAndResultType]> {
  let summary = "Complex diagonal linear recurrence x_t = Λ̄ ⊙ x_{t-1} + v_t";
  let description = [{
    Owns a complex state vector `x` of the operands' size, zero before the
    first step. Each step it computes `x_t = Λ̄ ⊙ x_{t-1} + v_t` element-wise
    in complex arithmetic, with `Λ̄ = lambda_re + i lambda_im` and
    `v_t = input_re + i input_im`, stores `x_t` as the new state and returns
    its real and imaginary parts. This is the only op with memory; it is not
    `Pure`, so it is never hoisted, duplicated or removed as dead code by
    generic passes.
  }];
  let arguments = (ins LRNN_Vector:$input_re, LRNN_Vector:$input_im,
                       ElementsAttr:$lambda_re, ElementsAttr:$lambda_im);
  let results = (outs LRNN_Vector:$state_re, LRNN_Vector:$state_im);
  let assemblyFormat = [{
    $input_re `,` $input_im `lambda` `(` $lambda_re `,` $lambda_im `)`
    attr-dict `:` type($input_re)
  }];
  let hasVerifier = 1;
}

def LRNN_CReluOp : LRNN_Op<"crelu", [Pure, SameOperandsAndResultType]> {
  let summary = "Complex ReLU in lexicographic order";
  let description = [{
    Keeps element `k` of the complex vector when `re[k] > 0`, or `re[k] == 0`
    and `im[k] > 0`, and sets both parts to zero otherwise: the order numpy and
    JAX use for `maximum(x, 0)` on complex values.
  }];
  let arguments = (ins LRNN_Vector:$real, LRNN_Vector:$imag);
  let results = (outs LRNN_Vector:$result_re, LRNN_Vector:$result_im);
  let assemblyFormat = "$real `,` $imag attr-dict `:` type($real)";
}

//===----------------------------------------------------------------------===//
// Element-wise ops
//===----------------------------------------------------------------------===//

class LRNN_UnaryOp<string mnemonic, list<Trait> traits = []>
    : LRNN_Op<mnemonic, !listconcat(traits, [Pure, SameOperandsAndResultType])> {
  let arguments = (ins LRNN_Vector:$input);
  let results = (outs LRNN_Vector:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

class LRNN_BinaryOp<string mnemonic, list<Trait> traits = []>
    : LRNN_Op<mnemonic, !listconcat(traits, [Pure, SameOperandsAndResultType])> {
  let arguments = (ins LRNN_Vector:$lhs, LRNN_Vector:$rhs);
  let results = (outs LRNN_Vector:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($result)";
}

def LRNN_ReluOp : LRNN_UnaryOp<"relu"> {
  let summary = "Rectified linear unit max(x, 0)";
  let description = [{
    Element-wise `max(x, 0)`. Its zeros are the activation sparsity that the
    backends skip.
  }];
}

def LRNN_SigmoidOp : LRNN_UnaryOp<"sigmoid"> {
  let summary = "Logistic sigmoid 1 / (1 + exp(-x))";
  let description = [{ Element-wise `1 / (1 + exp(-x))`. }];
}

def LRNN_GeluOp : LRNN_Op<"gelu", [Pure, SameOperandsAndResultType]> {
  let summary = "Gaussian error linear unit";
  let description = [{
    Element-wise gelu. With `approximation = tanh`:
    `0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))`; with `erf`:
    `0.5 x (1 + erf(x / sqrt(2)))`.

    ```mlir
    %a = lrnn.gelu %y approximation(tanh) : tensor<8xf32>
    ```
  }];
  let arguments = (ins LRNN_Vector:$input,
                       LRNN_GeluApproximationAttr:$approximation);
  let results = (outs LRNN_Vector:$result);
  let assemblyFormat = [{
    $input `approximation` `(` custom<GeluApproximation>($approximation) `)`
    attr-dict `:` type($input)
  }];
}

def LRNN_AddOp : LRNN_BinaryOp<"add", [Commutative]> {
  let summary = "Element-wise sum";
  let description = [{ `lhs + rhs`, element-wise (e.g. the residual add). }];
}

def LRNN_MulOp : LRNN_BinaryOp<"mul", [Commutative]> {
  let summary = "Element-wise (Hadamard) product";
  let description = [{ `lhs * rhs`, element-wise (e.g. the GLU gate). }];
}

def LRNN_ScaleOp : LRNN_Op<"scale", [Pure, SameOperandsAndResultType]> {
  let summary = "Element-wise affine map with constant vectors, D ⊙ z + c";
  let description = [{
    Multiplies each element by the matching element of the constant `factor`
    (the feed-through `D` of an SSM block) and adds the optional constant
    `bias` (absent meaning zero; it appears when a normalisation is folded
    into `D`).
  }];
  let arguments = (ins LRNN_Vector:$input, ElementsAttr:$factor,
                       OptionalAttr<ElementsAttr>:$bias);
  let results = (outs LRNN_Vector:$result);
  let assemblyFormat = [{
    $input `by` `(` $factor `)` (`bias` `(` $bias^ `)`)? attr-dict
    `:` type($input)
  }];
  let hasVerifier = 1;
}

def LRNN_BatchNormOp : LRNN_Op<"batchnorm", [Pure, SameOperandsAndResultType]> {
  let summary = "Inference batch normalisation";
  let description = [{
    Element-wise `(x - mean) / sqrt(var + epsilon) * scale + bias` with the
    running statistics of training. `var` must be non-negative and `epsilon`
    positive (or `var` strictly positive) so the division is defined.
  }];
  let arguments = (ins LRNN_Vector:$input, ElementsAttr:$scale,
                       ElementsAttr:$bias, ElementsAttr:$mean,
                       ElementsAttr:$var, F32Attr:$epsilon);
  let results = (outs LRNN_Vector:$result);
  let assemblyFormat = [{
    $input `scale` `(` $scale `)` `bias` `(` $bias `)` `mean` `(` $mean `)`
    `var` `(` $var `)` `epsilon` `(` $epsilon `)` attr-dict `:` type($input)
  }];
  let extraClassDeclaration = [{
    /// The per-channel affine map y = x · a + c it equals, in double from
    /// the f32 attributes: a = scale / sqrt(var + eps), c = bias - mean · a.
    /// Fails only when attribute data is unavailable.
    ::mlir::LogicalResult getAffineMap(std::vector<double> &a,
                                       std::vector<double> &c);
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Fused ops (produced by --lrnn-fuse)
//===----------------------------------------------------------------------===//

def LRNN_FusedProjectOp : LRNN_Op<"fused_project", [Pure]> {
  let summary = "Several projections of one vector as one stacked operator";
  let description = [{
    Computes `W x + b` with one weight whose rows are the stacked rows of
    several projections of the same input, and splits the result into
    consecutive pieces of the given `sizes`, one result each. A backend
    iterates over the input's non-zeros once for all of them.

    ```mlir
    %re, %im = lrnn.fused_project %z weight(#lrnn.sparse<[8, 4], ...>)
                 sizes [4, 4] : tensor<4xf32> -> tensor<4xf32>, tensor<4xf32>
    ```
  }];
  let arguments = (ins LRNN_Vector:$input, LRNN_WeightAttr:$weight,
                       OptionalAttr<ElementsAttr>:$bias,
                       DenseI64ArrayAttr:$sizes);
  let results = (outs Variadic<LRNN_Vector>:$results);
  let assemblyFormat = [{
    $input `weight` `(` $weight `)` (`bias` `(` $bias^ `)`)?
    `sizes` $sizes attr-dict `:` type($input) `->` type($results)
  }];
  let hasVerifier = 1;
}

def LRNN_ElementwiseOp : LRNN_Op<"elementwise", [Pure, SingleBlock,
    IsolatedFromAbove]> {
  let summary = "A fused chain of element-wise operations";
  let description = [{
    Applies its body to every element index `i`: the body's arguments are
    element `i` of each input (as `f32` scalars) and the operands of its
    `lrnn.yield` are element `i` of each result. All inputs and results have
    the same length. The body may use only `arith.constant` (f32),
    `arith.addf`, `arith.subf`, `arith.mulf`, `arith.divf`, `arith.negf`,
    `arith.maximumf`, `arith.minimumf`, `arith.cmpf`, `arith.select`,
    `math.exp`, `math.tanh`, `math.erf` and `math.sqrt`, so that the CPU
    backend can lower it as one loop and the Loihi 2 backend as one neuron
    program.

    ```mlir
    %h = lrnn.elementwise (%a, %p, %s) : tensor<8xf32>, tensor<8xf32>, tensor<8xf32> -> tensor<8xf32> {
    ^bb0(%x: f32, %g: f32, %r: f32):
      ...
      lrnn.yield %v : f32
    }
    ```
  }];
  let arguments = (ins Variadic<LRNN_Vector>:$inputs);
  let results = (outs Variadic<LRNN_Vector>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    `(` $inputs `)` attr-dict `:` type($inputs) `->` type($results) $body
  }];
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
}

def LRNN_YieldOp : LRNN_Op<"yield", [Pure, Terminator,
    HasParent<"ElementwiseOp">]> {
  let summary = "The element computed by an lrnn.elementwise body";
  let description = [{
    Terminates the body of `lrnn.elementwise`; one `f32` per result.
  }];
  let arguments = (ins Variadic<F32>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

include "lrnn/Dialect/LRNN/IR/LRNNFixedOps.td"

#endif // LRNN_DIALECT_LRNN_IR_LRNNOPS_TD
