//===- Passes.td - lrnn transformation passes --------------*- tablegen -*-===//

#ifndef LRNN_DIALECT_LRNN_TRANSFORMS_PASSES_TD
#define LRNN_DIALECT_LRNN_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def SelectWeightFormat : Pass<"lrnn-select-weight-format", "lrnn::ModelOp"> {
  let summary = "Store each weight matrix dense or sparse according to its density";
  let description = [{
    Rewrites every weight of `lrnn.project`, `lrnn.complex_project` and
    `lrnn.complex_readout` as a `#lrnn.sparse` matrix (non-zeros and their
    positions only) when the fraction of non-zero entries is at most
    `max-sparse-density`, and as a dense matrix otherwise. The values are
    unchanged, so the model computes exactly what it computed before; only
    the storage (and thus the file size and what the backends iterate over)
    changes. `lrnn-import` applies the same rule with the same default.

    `max-sparse-density=1` makes every weight sparse; `max-sparse-density=-1`
    makes every weight dense.
  }];
  let options = [
    Option<"maxSparseDensity", "max-sparse-density", "double",
           /*default=*/"0.5",
           "Largest density (nnz / size) stored in sparse form">
  ];
}

def Prune : Pass<"lrnn-prune", "lrnn::ModelOp"> {
  let summary = "Magnitude pruning of every projection weight";
  let description = [{
    Sets the smallest-magnitude entries of every projection weight to zero:
    encoder, decoder and GLU projections (`lrnn.project`), `B̄`
    (`lrnn.complex_project`) and `C̃` (`lrnn.complex_readout`), with real and
    imaginary parts pruned as independent tensors. `Λ̄`, `D`, biases and
    batch-norm parameters are never pruned. Pruned weights are stored as
    `#lrnn.sparse` when at most half full, so no explicit zeros are kept.

    `scope` chooses how the target `sparsity` is distributed:
    - `global`: one magnitude threshold over all pruned tensors;
    - `per-layer`: every tensor is pruned to `sparsity` on its own;
    - `erk`: Erdős–Rényi-Kernel allocation as used to train the paper's
      models: the density of a tensor is proportional to
      `(fan_in + fan_out) / (fan_in * fan_out)`, scaled so that the total
      number of kept weights is `(1 - sparsity)` of all prunable weights, and
      capped at 1 (the remainder is redistributed over the other tensors).

    Within a tensor the largest-magnitude entries are kept (ties broken by
    position, zeros counting as smallest; kept values are bit-identical):
    `round(density * size)` of them for `per-layer`; for `erk` each tensor
    keeps the floor or ceiling of its share (largest remainder) so that the
    total is exactly `round((1 - sparsity) * total)`, as it is for `global`.
    Tensors that lose no entry are left as they are, so `sparsity=0` is a
    no-op. The achieved sparsity of every tensor is reported as a remark. A
    `sparsity` outside `[0, 1)` or an unknown `scope` is an error.

    Run it before `--lrnn-fuse`: a `lrnn.fused_project` weight is pruned as
    one tensor, including any `D` that fusion stacked into it.
  }];
  let options = [
    Option<"sparsity", "sparsity", "double", /*default=*/"0.9",
           "Fraction of prunable weights set to zero, in [0, 1)">,
    Option<"scope", "scope", "std::string", /*default=*/"\"erk\"",
           "How sparsity is distributed: global, per-layer or erk">
  ];
}

def FoldNorm : Pass<"lrnn-fold-norm", "lrnn::ModelOp"> {
  let summary = "Fold inference batch normalisation into neighbouring linear ops";
  let description = [{
    Removes every `lrnn.batchnorm` it can by folding its affine map
    `x * a + c` (`a = scale / sqrt(var + eps)`, `c = bias - mean * a`,
    computed in double from the stored f32 parameters) into the ops that use
    its result, exactly in real arithmetic; each folded value is rounded to
    f32 once:
    - a pre-norm (between the residual stream and an SSM block) is folded
      into `B̄` and `D`: the columns of `B̄` (`lrnn.complex_project`) are
      scaled by `a` and the constant input term `B̄ c` is added to
      `bias_re` / `bias_im`, a bias of the recurrence input; `D ⊙ z`
      (`lrnn.scale`) becomes `(D a) ⊙ x + D c` (plus any existing bias);
    - a post-norm (after the residual add) is folded into the projections
      that consume its result (`lrnn.project`, `lrnn.fused_project`: columns
      scaled by `a`, bias increased by `W c`). The residual add of the next
      layer also uses it, so in practice only the last layer's post-norm
      without residual relu, which feeds the decoder alone, folds.
    Sparse weights stay sparse with the same pattern, except that the
    entries of a column whose scale is zero become zero and are dropped;
    dense weights stay dense. An absent bias stays absent when the fold adds
    zero to it.

    A batchnorm is folded only when every user absorbs it. One whose result
    feeds anything that cannot (a non-linear op, the residual add, another
    batchnorm that stays, the model output), or whose folded values would
    overflow f32, is left in place and reported with a remark naming the
    blocking ops. Each fold is reported with a remark (`folded
    lrnn.batchnorm into N users`); an unused batchnorm is removed.
  }];
}

def EliminateDead : Pass<"lrnn-eliminate-dead", "lrnn::ModelOp"> {
  let summary = "Remove dead complex states and dead or constant hidden channels";
  let description = [{
    Removes what cannot influence the output. The model computes what it
    computed before, exactly except for the rounding to f32 of the biases
    that absorb constants. Each removal is reported as a remark on the op
    whose rows shrink.

    States. A complex state of an `lrnn.diag_recurrence` goes when it is
    constantly zero (its rows of `B̄_re` and `B̄_im` and its `bias_re` /
    `bias_im` entries are zero, so it stays zero from the zero initial
    state, and `crelu(0) = 0`) or when it is never read (its columns of both
    `C̃_re` and `C̃_im` are zero in every row that can influence the output;
    one zero column is not enough, since `crelu` lets the real part decide
    whether the imaginary part is kept). Removing a state shrinks `Λ̄`, the
    rows of `B̄` and its biases, the columns of `C̃` and every vector in
    between (`lrnn.crelu`, `lrnn.elementwise`, pieces of
    `lrnn.fused_project`). When every state of a block is dead, the live
    rows of its readout are exactly zero: if the readout only feeds
    `lrnn.add`, each add is replaced by its other operand (`y + D ⊙ z`
    becomes `D ⊙ z`) and the `complex_project` / `diag_recurrence` /
    `crelu` / `complex_readout` chain is erased; otherwise one dead state
    is kept, because vectors cannot be empty.

    Channels. An element-wise op (activations, `add`, `mul`, `scale`,
    `batchnorm`, `crelu`, `diag_recurrence`, `lrnn.elementwise`) ties
    element `i` of its operands and results together; channel `i` is
    removed from all the vectors so tied at once (the residual stream of
    every layer included), with the matching rows of the projections that
    produce them and columns of the projections that read them (`project`,
    `complex_project`, `fused_project`, `complex_readout`). A channel goes
    when every projection that reads it either reads it only with zero
    weights or only from rows that cannot influence the output (unused), or
    reads a constant, whose contribution `column * value` is added to the
    projection's bias (`bias`, or `bias_re` / `bias_im`, created when
    absent; `complex_readout` has no bias and accepts only a constant zero).
    Constants are found per element and evaluated in double as the
    interpreter computes them: a projection row whose non-zero weights all
    read constants (an all-zero row equals its bias), any element-wise op
    of constants (including the body of `lrnn.elementwise`), and `x * 0`,
    `scale` with a zero factor and `batchnorm` with a zero scale, which are
    constant whatever the finite `x` is. The model input and output keep
    their channels, and a vector keeps at least one channel.

    Ops whose results are all unused (a pure op, or a recurrence nothing
    reads) are erased.

    Remarks: `removed 12 of 64 states (10 with zero B̄ rows, 2 with zero C̃
    columns)` on each `lrnn.diag_recurrence` (states whose `C̃` columns are
    non-zero only in dead rows are counted as `read only by dead outputs`;
    a state with both zero rows and zero columns counts as a zero row), and
    `removed 3 of 96 channels of lrnn.project (2 unused, 1 constant)` on
    each projection or readout whose result loses channels. Weights keep
    their storage: sparse stays sparse (positions renumbered), dense stays
    dense.
  }];
}

def Fuse : Pass<"lrnn-fuse", "lrnn::ModelOp"> {
  let summary = "Pruning-aware fusion of projections and element-wise tails";
  let description = [{
    Rewrites a model into fewer, larger operators, using a cost model that
    counts stored non-zeros rather than shapes:
    - projections reading the same vector (the real and imaginary parts of
      `B̄`, a GLU's gate and value, `D ⊙ z` next to `B̄ z`) become one
      `lrnn.fused_project` over the stacked sparse operator;
    - each maximal chain of element-wise ops (activation, gate sigmoid and
      multiply, residual add, activations) becomes one `lrnn.elementwise`
      whose body computes one element, which a backend lowers as a single
      loop or a single neuron program;
    - two consecutive linear operators with nothing non-linear between them
      are multiplied out only when `nnz(A·B) <= nnz(A) + nnz(B)`; every such
      decision is reported as a remark.
  }];
}

def Quantize : Pass<"lrnn-quantize", "lrnn::ModelOp"> {
  let summary = "Turn a float model into an integer-only (fixed-point) model";
  let description = [{
    Replaces every op of a float `lrnn.model` by its integer counterpart
    (`lrnn.qproject`, `lrnn.qcomplex_project`, `lrnn.qdiag_recurrence`,
    `lrnn.qcomplex_readout`, `lrnn.qscale`, `lrnn.qadd`, `lrnn.qmul`,
    `lrnn.qrelu`, `lrnn.qcrelu`, `lrnn.qlut`), following
    `docs/fixed-point.md`: per-tensor symmetric power-of-two scales, 8-bit
    weights with one exponent per weight block (lowered until every row
    provably fits the accumulator), 16-bit `Λ̄` and biases, activations and
    states of `act-bits`, sigmoid and gelu as 64-segment piecewise-linear
    tables. The exponent of every value comes from its calibrated range
    (`calibration`, a `lrnn-calibration/1` file written by
    `lrnn-run --calibrate` on the same IR, after `--lrnn-fold-norm`).
    Each `lrnn.fused_project` piece becomes its own `lrnn.qproject`; a
    `lrnn.batchnorm` becomes the `lrnn.qscale` it equals. `lrnn.elementwise`
    is rejected: quantise before element-wise fusion.

    Schemes: `w8a16` (16-bit activations, 32-bit accumulator) and `w8a24`
    (24-bit activations, 48-bit accumulator). The `*-bits` options override
    one tensor class of the scheme (0 keeps it). A value whose calibrated
    range needs an exponent below the smallest allowed one (it would
    saturate) is reported with a warning naming the op.
  }];
  let options = [
    Option<"scheme", "scheme", "std::string", /*default=*/"\"w8a16\"",
           "Bit widths: w8a16 or w8a24">,
    Option<"calibration", "calibration", "std::string", /*default=*/"\"\"",
           "Calibration file (lrnn-calibration/1 JSON) of this model">,
    Option<"headroom", "headroom", "int", /*default=*/"0",
           "Bits of headroom above every calibrated activation range">,
    Option<"weightBits", "weight-bits", "unsigned", /*default=*/"0",
           "Weight width (2..8; 0: the scheme's)">,
    Option<"actBits", "act-bits", "unsigned", /*default=*/"0",
           "Activation and state width (2..24; 0: the scheme's)">,
    Option<"biasBits", "bias-bits", "unsigned", /*default=*/"0",
           "Bias width (2..16; 0: the scheme's)">,
    Option<"lambdaBits", "lambda-bits", "unsigned", /*default=*/"0",
           "Width of Λ̄ (2..16; 0: the scheme's)">,
    Option<"accBits", "acc-bits", "unsigned", /*default=*/"0",
           "Accumulator bound A (18..62; 0: the scheme's)">,
    Option<"maxSparseDensity", "max-sparse-density", "double",
           /*default=*/"0.5",
           "Largest density stored as #lrnn.sparse">
  ];
}

def CostReport : Pass<"lrnn-cost-report", "mlir::ModuleOp"> {
  let summary = "Report parameters, non-zeros, MACs and memory of each model";
  let description = [{
    An analysis: the IR is unchanged. For every op of every `lrnn.model`,
    and in total, reports parameters, stored non-zeros, dense MACs per step,
    effective MACs per step (multiply-accumulates whose weight is non-zero;
    with `activation-stats`, also whose input is non-zero, following
    NeuroBench) and the memory footprint in bytes as dense float32 and in the
    compressed sparse form. The counting rules are in `docs/cost-model.md`.
    Output goes to stdout (or `output`) as text, or as JSON with
    `format=json`.
  }];
  let options = [
    Option<"format", "format", "std::string", /*default=*/"\"text\"",
           "Output format: text or json">,
    Option<"activationStats", "activation-stats", "std::string",
           /*default=*/"\"\"",
           "JSON file of activation statistics written by lrnn-run --stats">,
    Option<"output", "output", "std::string", /*default=*/"\"-\"",
           "Where to write the report ('-' is stdout)">
  ];
}

#endif // LRNN_DIALECT_LRNN_TRANSFORMS_PASSES_TD
