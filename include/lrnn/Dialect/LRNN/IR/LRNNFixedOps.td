//===- LRNNFixedOps.td - integer ops of quantised models ---*- tablegen -*-===//
//
// The ops of a quantised (integer-only) model, produced by --lrnn-quantize.
// Their operands and results are vectors of !lrnn.fixed<w, e>, their
// constants integer codes with explicit exponents. Each op's integer
// semantics, bit for bit, are in docs/fixed-point.md (section in brackets);
// the verifiers prove from widths, exponents and codes that no intermediate
// can exceed the model's accumulator (`accumulator_bits` of lrnn.model).
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_DIALECT_LRNN_IR_LRNNFIXEDOPS_TD
#define LRNN_DIALECT_LRNN_IR_LRNNFIXEDOPS_TD

class LRNN_FixedOp<string mnemonic, list<Trait> traits = []>
    : LRNN_Op<mnemonic, !listconcat(traits, [HasParent<"ModelOp">])> {
  let hasVerifier = 1;
}

def LRNN_QProjectOp : LRNN_FixedOp<"qproject", [Pure]> {
  let summary = "Integer projection: y = narrow(W x + b) (fixed-point.md §4.1)";
  let description = [{
    `weight` holds 8-bit codes (a dense integer matrix or a `#lrnn.sparse`
    matrix with integer values) meaning `q_W · 2^-weight_exp`; the optional
    `bias` holds codes meaning `q_b · 2^-bias_exp`. The accumulator
    `Σ_k q_W[r,k] q_x[k] + q_b[r] · 2^(e_acc - bias_exp)` at exponent
    `e_acc = weight_exp + e(x)` is exact; it is rescaled (round half up) to
    the result's exponent and saturated to its width.

    ```mlir
    %y = lrnn.qproject %x weight(dense<[[12, -3]]> : tensor<1x2xi8> exp 9)
           bias(dense<[100]> : tensor<1xi16> exp 12)
           : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 13>>
    ```
  }];
  let arguments = (ins LRNN_FixedVector:$input, LRNN_CodeWeightAttr:$weight,
                       SI32Attr:$weight_exp,
                       OptionalAttr<ElementsAttr>:$bias,
                       OptionalAttr<SI32Attr>:$bias_exp);
  let results = (outs LRNN_FixedVector:$result);
  let assemblyFormat = [{
    $input `weight` `(` $weight `exp` $weight_exp `)`
    (`bias` `(` $bias^ `exp` $bias_exp `)`)? attr-dict
    `:` type($input) `->` type($result)
  }];
}

def LRNN_QComplexProjectOp : LRNN_FixedOp<"qcomplex_project", [Pure,
    AllTypesMatch<["real", "imag"]>]> {
  let summary = "Integer complex input projection B̄ z + c (fixed-point.md §4.3)";
  let description = [{
    Two `lrnn.qproject`s of the same input, one per part, each with its own
    weight block and exponent; both results share one type.
  }];
  let arguments = (ins LRNN_FixedVector:$input,
                       LRNN_CodeWeightAttr:$weight_re, SI32Attr:$weight_re_exp,
                       LRNN_CodeWeightAttr:$weight_im, SI32Attr:$weight_im_exp,
                       OptionalAttr<ElementsAttr>:$bias_re,
                       OptionalAttr<SI32Attr>:$bias_re_exp,
                       OptionalAttr<ElementsAttr>:$bias_im,
                       OptionalAttr<SI32Attr>:$bias_im_exp);
  let results = (outs LRNN_FixedVector:$real, LRNN_FixedVector:$imag);
  let assemblyFormat = [{
    $input `re` `(` $weight_re `exp` $weight_re_exp `)`
    `im` `(` $weight_im `exp` $weight_im_exp `)`
    (`bias_re` `(` $bias_re^ `exp` $bias_re_exp `)`)?
    (`bias_im` `(` $bias_im^ `exp` $bias_im_exp `)`)? attr-dict
    `:` type($input) `->` type($real)
  }];
}

def LRNN_QDiagRecurrenceOp : LRNN_FixedOp<"qdiag_recurrence", [
    AllTypesMatch<["input_re", "input_im"]>,
    AllTypesMatch<["state_re", "state_im"]>]> {
  let summary = "Integer complex diagonal recurrence x = Λ̄ ⊙ x + v (fixed-point.md §4.4)";
  let description = [{
    Holds a complex state at the results' exponent, zero before the first
    step. Per step and state `k`, each of the four products of `Λ̄` (codes
    `lambda_re`, `lambda_im` at `lambda_exp`) with the old state is rescaled
    on its own (round half up), the input aligned to the state's exponent is
    added, and the sums saturate to the state's width. The new state is
    returned. The only stateful integer op.
  }];
  let arguments = (ins LRNN_FixedVector:$input_re, LRNN_FixedVector:$input_im,
                       ElementsAttr:$lambda_re, ElementsAttr:$lambda_im,
                       SI32Attr:$lambda_exp);
  let results = (outs LRNN_FixedVector:$state_re, LRNN_FixedVector:$state_im);
  let assemblyFormat = [{
    $input_re `,` $input_im `lambda` `(` $lambda_re `,` $lambda_im `exp`
    $lambda_exp `)` attr-dict `:` type($input_re) `->` type($state_re)
  }];
}

def LRNN_QComplexReadoutOp : LRNN_FixedOp<"qcomplex_readout", [Pure,
    AllTypesMatch<["real", "imag"]>]> {
  let summary = "Integer readout Re(κ C̃ x) (fixed-point.md §4.5)";
  let description = [{
    `Σ_k q_re[r,k] x_re[k] - Σ_k q_im[r,k] x_im[k]` in one exact accumulator
    at `weight_exp + e(x)` (the two matrices, κ included, share one
    exponent), then rescaled and saturated to the result.
  }];
  let arguments = (ins LRNN_FixedVector:$real, LRNN_FixedVector:$imag,
                       LRNN_CodeWeightAttr:$weight_re,
                       LRNN_CodeWeightAttr:$weight_im, SI32Attr:$weight_exp);
  let results = (outs LRNN_FixedVector:$result);
  let assemblyFormat = [{
    $real `,` $imag `re` `(` $weight_re `)` `im` `(` $weight_im `)` `exp`
    $weight_exp attr-dict `:` type($real) `->` type($result)
  }];
}

def LRNN_QScaleOp : LRNN_FixedOp<"qscale", [Pure]> {
  let summary = "Integer diagonal scale y = narrow(D ⊙ z + c) (fixed-point.md §4.8)";
  let description = [{
    A diagonal projection: `factor` holds 8-bit codes at `factor_exp`, the
    optional `bias` codes at `bias_exp`.
  }];
  let arguments = (ins LRNN_FixedVector:$input, ElementsAttr:$factor,
                       SI32Attr:$factor_exp, OptionalAttr<ElementsAttr>:$bias,
                       OptionalAttr<SI32Attr>:$bias_exp);
  let results = (outs LRNN_FixedVector:$result);
  let assemblyFormat = [{
    $input `factor` `(` $factor `exp` $factor_exp `)`
    (`bias` `(` $bias^ `exp` $bias_exp `)`)? attr-dict
    `:` type($input) `->` type($result)
  }];
}

def LRNN_QAddOp : LRNN_FixedOp<"qadd", [Pure]> {
  let summary = "Integer sum (fixed-point.md §4.9)";
  let description = [{
    Both operands are aligned to the finer exponent (unless that would shift
    the coarser out of the accumulator), added exactly, then rescaled and
    saturated to the result.
  }];
  let arguments = (ins LRNN_FixedVector:$lhs, LRNN_FixedVector:$rhs);
  let results = (outs LRNN_FixedVector:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
}

def LRNN_QMulOp : LRNN_FixedOp<"qmul", [Pure]> {
  let summary = "Integer element-wise product (fixed-point.md §4.10)";
  let description = [{
    The exact product at `e(lhs) + e(rhs)`, rescaled and saturated to the
    result.
  }];
  let arguments = (ins LRNN_FixedVector:$lhs, LRNN_FixedVector:$rhs);
  let results = (outs LRNN_FixedVector:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
}

def LRNN_QReluOp : LRNN_FixedOp<"qrelu", [Pure, SameOperandsAndResultType]> {
  let summary = "Integer max(x, 0), exact (fixed-point.md §4.7)";
  let description = [{
    Keeps the operand's type: the result needs no rescale.
  }];
  let arguments = (ins LRNN_FixedVector:$input);
  let results = (outs LRNN_FixedVector:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

def LRNN_QCReluOp : LRNN_FixedOp<"qcrelu", [Pure, SameOperandsAndResultType]> {
  let summary = "Integer complex ReLU, exact (fixed-point.md §4.6)";
  let description = [{
    Keeps `(re, im)` where `re > 0`, or `re == 0` and `im > 0`; otherwise both
    become zero. Operands and results share one type.
  }];
  let arguments = (ins LRNN_FixedVector:$real, LRNN_FixedVector:$imag);
  let results = (outs LRNN_FixedVector:$result_re, LRNN_FixedVector:$result_im);
  let assemblyFormat = "$real `,` $imag attr-dict `:` type($real)";
}

def LRNN_QLutOp : LRNN_FixedOp<"qlut", [Pure]> {
  let summary = "Piecewise-linear lookup table: sigmoid or gelu (fixed-point.md §5)";
  let description = [{
    Linear interpolation between `N + 1` 16-bit `nodes` at
    `x_i = -2^range_log2 + i · 2^-segment_log2`, `N = 2^(range_log2 + 1 +
    segment_log2)`, each meaning `v[i] · 2^-node_exp`. Below the range the
    result is node 0; above it node `N` (`sigmoid`) or the input itself
    (`gelu_tanh`, `gelu_erf`). The interpolation is exact; the only rounding
    is the final rescale to the result.

    ```mlir
    %s = lrnn.qlut %x sigmoid nodes(dense<[...]> : tensor<65xi16>)
           range_log2 3 segment_log2 2 node_exp 15
           : tensor<8x!lrnn.fixed<16, 13>> -> tensor<8x!lrnn.fixed<16, 15>>
    ```
  }];
  let arguments = (ins LRNN_FixedVector:$input, LRNN_LutFunctionAttr:$function,
                       ElementsAttr:$nodes, SI32Attr:$range_log2,
                       SI32Attr:$segment_log2, SI32Attr:$node_exp);
  let results = (outs LRNN_FixedVector:$result);
  let assemblyFormat = [{
    $input custom<LutFunction>($function) `nodes` `(` $nodes `)`
    `range_log2` $range_log2 `segment_log2` $segment_log2 `node_exp` $node_exp
    attr-dict `:` type($input) `->` type($result)
  }];
}

#endif // LRNN_DIALECT_LRNN_IR_LRNNFIXEDOPS_TD
