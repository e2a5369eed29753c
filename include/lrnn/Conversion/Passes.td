//===- Passes.td - lrnn conversion passes ------------------*- tablegen -*-===//

#ifndef LRNN_CONVERSION_PASSES_TD
#define LRNN_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertLRNNToStandard : Pass<"convert-lrnn-to-std", "mlir::ModuleOp"> {
  let summary = "Lower each lrnn.model to step functions over memrefs";
  let description = [{
    Replaces every `lrnn.model @NAME` (float or quantised) by functions of the
    upstream `func`, `memref`, `scf`, `arith`, `math` and `vector` dialects:

    - `func.func @NAME_step(%state, %in, %out)` computes one time step:
      `%in` is `memref<d_in x f32>`, `%out` `memref<d_out x f32>` and
      `%state` `memref<2·S x f32>` (float) or `memref<2·S x i32>` (quantised
      codes), the real and imaginary parts of the S complex states of every
      recurrence in program order. Intermediate vectors are stack
      allocations (`memref.alloca`): a step never allocates on the heap.
    - `func.func @NAME_reset(%state)` zeroes the state.
    - `llvm.mlir.global` constants `@NAME_state_bytes`, `@NAME_input_size`,
      `@NAME_output_size` (i64).

    Weights become private `memref.global` constants in the format their
    density calls for: above `dense-threshold` a dense row-major matrix
    (float products vectorised with `vector.fma` over `vector-width`
    lanes); at or below it, for float weights, sliced ELLPACK (slices of
    `vector-width` rows padded to their longest row, one `vector.gather` and
    one `vector.fma` per slot), for integer codes compressed rows (CSR:
    non-zero values, 16- or 32-bit column indices, 32-bit row pointers, four
    partial sums per row); or compressed columns (CSC) walked only for the
    non-zero inputs, so that zero activations cost nothing. A CSC product
    costs about 3.2 sliced-ELLPACK products per non-zero it visits
    (measured, `docs/cpu-backend.md`), so with `sparse-format=auto` a matrix
    gets CSC only when its input is a ReLU output (`relu`, `crelu`, or an
    `lrnn.elementwise` result computed by `maximumf(x, 0)`) that
    `activation-stats` (written by `lrnn-run --stats` on this model)
    measured at least 70% zero. `sparse-format=csr|csc|sell` forces one. Quantised
    models are lowered to the integer arithmetic of `docs/fixed-point.md`
    (64-bit accumulators, round-half-up shifts, saturation), bit-exact with
    the integer interpreter; their float input is quantised and their
    output dequantised inside `@NAME_step`.
  }];
  let options = [
    Option<"denseThreshold", "dense-threshold", "double", /*default=*/"0.4",
           "Weights denser than this are stored and multiplied densely">,
    Option<"vectorWidth", "vector-width", "unsigned", /*default=*/"8",
           "Lanes of the dense float kernels (1 disables vectorisation)">,
    Option<"sparseFormat", "sparse-format", "std::string", /*default=*/"\"auto\"",
           "Sparse weights: auto, csr, csc or sell">,
    Option<"activationStats", "activation-stats", "std::string",
           /*default=*/"\"\"",
           "lrnn-run --stats file of this (float) model: with auto, inputs "
           "measured mostly zero get the CSC kernel">
  ];
  let dependentDialects = [
    "mlir::arith::ArithDialect", "mlir::func::FuncDialect",
    "mlir::LLVM::LLVMDialect", "mlir::math::MathDialect",
    "mlir::memref::MemRefDialect", "mlir::scf::SCFDialect",
    "mlir::vector::VectorDialect"
  ];
}

def EmitBatchEntries : Pass<"lrnn-emit-batch-entries", "mlir::ModuleOp"> {
  let summary = "Add NAME_step_batch to every lowered step function";
  let description = [{
    Runs on LLVM-dialect IR after the conversion to LLVM. For every
    `llvm.func @NAME_step` produced from an `lrnn.model` (marked
    `lrnn.step_entry`), adds `llvm.func @NAME_step_batch(%states, %in, %out,
    %n)`: `n` independent streams, states in `n` consecutive blocks of
    `NAME_state_bytes`, inputs `[n, d_in]` and outputs `[n, d_out]` row-major,
    each stream stepped once by a call to `@NAME_step`.
  }];
  let dependentDialects = ["mlir::LLVM::LLVMDialect"];
}

def ConvertLRNNToLoihi2 : Pass<"lrnn-to-loihi2", "mlir::ModuleOp"> {
  let summary = "Lower quantised lrnn models to Loihi 2 programs";
  let description = [{
    Replaces every quantised `lrnn.model @NAME` (after `--lrnn-quantize`)
    by a `loihi2.program @NAME` that computes the same integers, bit for
    bit (docs/loihi2.md, "Lowering"):

    - the model input becomes `loihi2.input @input` (width and exponent of
      the input format) and its output a `loihi2.output @output`;
    - each projection (`qproject`, `qcomplex_project`, `qcomplex_readout`)
      becomes one or two synapse blocks (its 8-bit codes, exponent 0) into a
      new neuron group whose microcode adds the bias and rescales;
      `qcomplex_project` feeds two ports (real, imaginary) of one group,
      and `qcomplex_readout` adds `W_re` and `-W_im` into one port;
    - element-wise ops (`qdiag_recurrence`, `qcrelu`, `qrelu`, `qscale`,
      `qadd`, `qmul`, `qlut`) become microcode of the most recently created
      group holding one of their operands; other operands arrive through
      identity synapse blocks. An S5 block thus becomes three groups: the
      recurrence (projection, recurrence and complex ReLU per state), the
      readout with its skip connection and activation, and the gated
      output projection;
    - per-neuron constants (biases, `Λ̄`, scale factors) become group
      parameters, recurrence states two state variables;
    - a group sends each value other groups need on its own output;
      zeros are not sent.

    `mode=fall-through`: every block has delay 0; groups run in creation
    order within a step. `mode=pipelined`: a group's depth is one more than
    its deepest source; blocks get `delay = depth(target) - depth(source) -
    1` so a skip connection delivers the same token as the main path, each
    group starts at its depth, and the output's `latency` is the depth of
    its group. The result is unplaced (run `--loihi2-place`).

    Fails with a diagnostic naming the op for float models, unsupported
    ops, and models the target cannot hold exactly (accumulators wider than
    `neuron_alu_bits`, activations wider than `message_payload_bits` or
    `neuron_register_bits`, weights wider than `weight_bits`).
  }];
  let options = [
    Option<"system", "system", "std::string", /*default=*/"\"oheo-gulch\"",
           "The system of the target description to compile for">,
    Option<"mode", "mode", "std::string", /*default=*/"\"fall-through\"",
           "Execution mode: fall-through or pipelined">,
    Option<"targetConfig", "target-config", "std::string", /*default=*/"\"\"",
           "Override file for the target description (embedded in the "
           "program)">,
  ];
  let dependentDialects = ["::lrnn::loihi2::Loihi2Dialect"];
}

#endif // LRNN_CONVERSION_PASSES_TD
