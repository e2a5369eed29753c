//===- Loihi2Ops.td - loihi2 operations --------------------*- tablegen -*-===//
//
// The structure of a Loihi 2 program (program, host ports, neuron groups,
// synapse blocks) and the neuron microcode (`loihi2.mc.*`). docs/loihi2.md,
// sections "The loihi2 dialect" and "Neuron microcode", is the long form.
//
// Notation used by the microcode descriptions: U is the target's
// `neuron_alu_bits` (48 by default), M = 2^(U-1) - 1, and
// sat_U(x) = min(max(x, -M), M). Every microcode value lies in [-M, M];
// each op computes its exact mathematical result (in unbounded integers)
// and then applies sat_U, so nothing ever wraps. R = `neuron_register_bits`
// (24) bounds what is stored (state, parameters) and P =
// `message_payload_bits` (24) what is sent.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_DIALECT_LOIHI2_IR_LOIHI2OPS_TD
#define LRNN_DIALECT_LOIHI2_IR_LOIHI2OPS_TD

include "lrnn/Dialect/Loihi2/IR/Loihi2Dialect.td"
include "lrnn/Dialect/LRNN/IR/LRNNAttributes.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

// A 64-bit signless integer attribute read as a signed int64_t (the upstream
// I64Attr reads it zero-extended as uint64_t).
def Loihi2_I64Attr : TypedSignlessIntegerAttrBase<I64, "int64_t",
    "64-bit signless integer attribute"> {
  let convertFromStorage = "$_self.getValue().getSExtValue()";
  let constBuilderCall = "$_builder.getI64IntegerAttr($0)";
}

//===----------------------------------------------------------------------===//
// Structure
//===----------------------------------------------------------------------===//

def Loihi2_ProgramOp : Loihi2_Op<"program", [
    Symbol, SymbolTable, IsolatedFromAbove, SingleBlock, NoTerminator]> {
  let summary = "A program for one Loihi 2 system and execution mode";
  let description = [{
    The body holds the program's `loihi2.input`, `loihi2.output`,
    `loihi2.neuron_group` and `loihi2.synapse_block` ops, in any order; they
    refer to each other by symbol. `system` names one of the systems of the
    target description (`oheo-gulch`, `kapoho-point`, `hala-point` by
    default). `mode` is an `ExecutionMode`, written as its string:
    `fall-through` (a token crosses the whole network within one time step)
    or `pipelined` (one hop per time step; synapse block delays align skip
    connections).

    `target`, when present, is a complete target description in the JSON
    format of docs/loihi2.md (as `lrnnc --target-config` embeds it); every
    verifier of the program then checks against it instead of the built-in
    description. `lrnnc` always embeds it, so a program file is
    self-contained.

    The verifier checks the fan-in of every neuron (non-zero synapses over
    all blocks feeding it, at most `max_fan_in_per_neuron`), that no cycle
    of synapse blocks without delay exists in `fall-through` mode, and
    memory per core of the placed neuron groups:
    for every (chip, core), the sum over the groups with neurons there of
    their state bytes, their microcode bytes (once per group and core) and
    the bytes of the synapse blocks feeding those neurons must not exceed
    `memory_bytes_per_core` (the charges are the target description's
    helpers; docs/loihi2.md), and the neurons placed on a core must not
    exceed `neurons_per_core`; and the input and output axons of every core
    (docs/loihi2.md, "Axons") within `input_axons_per_core` and
    `output_axons_per_core`.

    ```mlir
    loihi2.program @denoiser attributes {system = "oheo-gulch", mode = "fall-through"} {
      ...
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, StrAttr:$system,
                       StrAttr:$mode, OptionalAttr<StrAttr>:$target);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name attr-dict-with-keyword $body";
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    /// The mode as an enum; the verifier guarantees it parses.
    ExecutionMode getExecutionMode();
    /// The description the program is checked against: its `target`
    /// attribute parsed (cached), or the built-in one. An unparsable
    /// `target` gives the built-in description (the verifier rejects it).
    const TargetDescription &getTargetDescription();
  }];
}

def Loihi2_InputOp : Loihi2_Op<"input", [
    Symbol, HasParent<"ProgramOp">]> {
  let summary = "A host input port";
  let description = [{
    A vector of `size` integers that the host sends into the network each
    time step, as graded spikes of `width` bits (each value lies within
    `±(2^(width-1) - 1)`; zero values are not sent). `1 <= width <=
    message_payload_bits`. Synapse blocks name it as their `source`.
    `exp` (default 0) is the power-of-two exponent of the codes: the host
    converts a real input `u` to `saturate(round_half_away(u * 2^exp),
    width)` (docs/fixed-point.md §6).

    ```mlir
    loihi2.input @u {size = 257, width = 24}
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, Loihi2_I64Attr:$size,
                       Loihi2_I64Attr:$width,
                       DefaultValuedAttr<Loihi2_I64Attr, "0">:$exp);
  let assemblyFormat = "$sym_name attr-dict";
  let hasVerifier = 1;
}

def Loihi2_OutputOp : Loihi2_Op<"output", [
    Symbol, HasParent<"ProgramOp">]> {
  let summary = "A host output port";
  let description = [{
    The host receives, each time step, the graded spikes that the
    `size` neurons of the neuron group `source` send on their output
    `source_output` (default 0; 0 for a neuron that sent nothing). `size`
    must equal the group's size. `exp` (default 0) is the exponent of the
    codes (the host reads `q * 2^-exp`); `latency` (default 0) is the
    number of steps between a token's input and its output (the pipeline
    depth in `pipelined` mode, 0 in `fall-through` mode).

    ```mlir
    loihi2.output @y {source = @readout, size = 257}
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, FlatSymbolRefAttr:$source,
                       Loihi2_I64Attr:$size,
                       DefaultValuedAttr<Loihi2_I64Attr, "0">:$source_output,
                       DefaultValuedAttr<Loihi2_I64Attr, "0">:$exp,
                       DefaultValuedAttr<Loihi2_I64Attr, "0">:$latency);
  let assemblyFormat = "$sym_name attr-dict";
  let hasVerifier = 1;
}

def Loihi2_NeuronGroupOp : Loihi2_Op<"neuron_group", [
    Symbol, HasParent<"ProgramOp">, SingleBlock]> {
  let summary = "Neurons sharing a neuron program";
  let description = [{
    `size` neurons (`size >= 1`), each with the per-neuron state variables
    `state` (an array of `{name = "v", width = W}`, names unique,
    `2 <= W <= neuron_register_bits`; zero before the first step) and
    `ports` synaptic input ports (default 1; `loihi2.mc.read_port P` and
    `loihi2.synapse_block` need `P < ports`), `outputs` outputs (default 1;
    `loihi2.mc.send %x output K` sends on output `K < outputs`, at most one
    send per output; synapse blocks and host outputs choose one with
    `source_output`), and optional per-neuron constant parameters `params`,
    an array of `{name = "b", values = dense<...> : tensor<size x iW>}`
    (`2 <= W <= neuron_register_bits`, codes within `±(2^(W-1) - 1)`, names
    unique and distinct from the state names), read with
    `loihi2.mc.read_param`; parameters are charged like state variables.
    `start` (default 0) is the first time step at which the neuron program
    runs: before it the group is idle (it reads nothing, keeps its state at
    zero and sends nothing). The pipelined lowering sets it to the group's
    depth so that a group starts with the first real token.

    The body is the neuron program: a single block without arguments of
    `loihi2.mc.*` ops ending in `loihi2.mc.yield`, executed once per neuron
    per time step, in order. It contains at most one `loihi2.mc.send`.

    `placement`, when present, is an array of ranges `{chip = c, core = k,
    first = f, count = n}`: neurons `[f, f + n)` live on core `k` of chip
    `c`. The ranges must cover `[0, size)` exactly, without overlap, with
    `c` below the system's chips, `k` below `cores_per_chip` and `1 <= n <=
    neurons_per_core`. Without `placement` the group is not placed yet
    (`--loihi2-place` will place it) and only the structural limits apply.

    ```mlir
    loihi2.neuron_group @g attributes {size = 4, ports = 1,
        state = [{name = "v", width = 24} ],
        placement = [{chip = 0, core = 0, first = 0, count = 4} ]} {
      %i = loihi2.mc.read_port 0
      %v = loihi2.mc.read_state "v"
      %s = loihi2.mc.add %v, %i
      loihi2.mc.write_state "v", %s
      %r = loihi2.mc.relu %s
      loihi2.mc.send %r
      loihi2.mc.yield
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, Loihi2_I64Attr:$size,
                       ArrayAttr:$state,
                       DefaultValuedAttr<Loihi2_I64Attr, "1">:$ports,
                       DefaultValuedAttr<Loihi2_I64Attr, "1">:$outputs,
                       DefaultValuedAttr<Loihi2_I64Attr, "0">:$start,
                       OptionalAttr<ArrayAttr>:$params,
                       OptionalAttr<ArrayAttr>:$placement);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name attr-dict-with-keyword $body";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The width of state variable `name`, or 0 when there is none.
    int64_t getStateWidth(::llvm::StringRef name);
    /// The values of parameter `name`, or null when there is none.
    ::mlir::ElementsAttr getParam(::llvm::StringRef name);
    /// Number of per-neuron registers: state variables plus parameters.
    int64_t getNumRegisters();
    /// Number of microcode instructions (every op of the body but the
    /// terminator).
    int64_t getNumInstructions();
  }];
}

def Loihi2_CodeWeightAttr : AnyAttrOf<[ElementsAttr, LRNN_SparseMatrixAttr],
    "dense i8 matrix or #lrnn.sparse matrix of i8 codes">;

def Loihi2_SynapseBlockOp : Loihi2_Op<"synapse_block", [
    Symbol, HasParent<"ProgramOp">]> {
  let summary = "A weight table feeding one input port of a neuron group";
  let description = [{
    Connects output `source_output` (default 0) of `source` (a
    `loihi2.input`, which has the one output 0, or a `loihi2.neuron_group`)
    to input port `port` of the neuron group `target`. `weights` is a `[target size,
    source size]` matrix of integer codes: a dense `i8` tensor or a
    `#lrnn.sparse` matrix with `i8` values, every code within
    `±(2^(weight_bits-1) - 1)` (±127 by default); `weight_exp` is the shared
    power-of-two exponent, within the target description's
    `weight_exponent` range; `delay >= 0` extra time steps (used by the
    pipelined mode to align skip connections).

    Integer semantics: with `s_j` the payloads of the spikes the block
    receives at a step (0 for no spike), the block contributes
    `c_i = scale(sum_j w_ij * s_j, weight_exp)` to port `port` of neuron
    `i`, with `scale(x, e) = x * 2^e` for `e >= 0` and the round-half-up
    `(x + 2^(-e-1)) >> -e` for `e < 0`, computed exactly; the port's value
    (`loihi2.mc.read_port`) is `sat_U(sum of c_i over the blocks feeding
    it)`: the dendritic accumulator is as wide as the neuron's arithmetic. A block sees at step `t` the spikes its source sent at step
    `t - delay` (fall-through) or `t - connection_delay_steps - delay`
    (pipelined).

    ```mlir
    loihi2.synapse_block @w {source = @u, target = @g, port = 0,
        weights = dense<[[1, -2], [0, 127]]> : tensor<2x2xi8>,
        weight_exp = -3, delay = 0}
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, FlatSymbolRefAttr:$source,
                       FlatSymbolRefAttr:$target, Loihi2_I64Attr:$port,
                       Loihi2_CodeWeightAttr:$weights, Loihi2_I64Attr:$weight_exp,
                       Loihi2_I64Attr:$delay,
                       DefaultValuedAttr<Loihi2_I64Attr, "0">:$source_output);
  let assemblyFormat = "$sym_name attr-dict";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Neuron microcode
//===----------------------------------------------------------------------===//

class Loihi2_McOp<string mnemonic, list<Trait> traits = []>
    : Loihi2_Op<"mc." # mnemonic, traits # [HasParent<"NeuronGroupOp">]>;

class Loihi2_McBinaryOp<string mnemonic, string semantics>
    : Loihi2_McOp<mnemonic, [Pure]> {
  let arguments = (ins I64:$lhs, I64:$rhs);
  let results = (outs I64:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict";
  let description = semantics;
}

def Loihi2_McReadStateOp : Loihi2_McOp<"read_state",
    [MemoryEffects<[MemRead]>]> {
  let summary = "Read a state variable of the neuron";
  let description = [{
    The current value of the neuron's state variable `name` (declared in the
    group's `state`): the last value written by `loihi2.mc.write_state` in
    this or an earlier step, 0 before the first write. It lies within the
    variable's width W, so within `[-M, M]`.
  }];
  let arguments = (ins StrAttr:$name);
  let results = (outs I64:$result);
  let assemblyFormat = "$name attr-dict";
  let hasVerifier = 1;
}

def Loihi2_McWriteStateOp : Loihi2_McOp<"write_state",
    [MemoryEffects<[MemWrite]>]> {
  let summary = "Write a state variable of the neuron";
  let description = [{
    Stores `sat_W(value)` into state variable `name` of width W, where
    `sat_W(x) = min(max(x, -(2^(W-1) - 1)), 2^(W-1) - 1)`. Later reads in
    the same step and in later steps see it.
  }];
  let arguments = (ins StrAttr:$name, I64:$value);
  let assemblyFormat = "$name `,` $value attr-dict";
  let hasVerifier = 1;
}

def Loihi2_McReadPortOp : Loihi2_McOp<"read_port", [Pure]> {
  let summary = "Read the accumulated synaptic input of a port";
  let description = [{
    The value of input port `port` this step: `sat_U` of the sum of the
    contributions of the synapse blocks feeding it (see
    `loihi2.synapse_block`), 0 when none does. `0 <= port < ports` of the
    group.
  }];
  let arguments = (ins Loihi2_I64Attr:$port);
  let results = (outs I64:$result);
  let assemblyFormat = "$port attr-dict";
  let hasVerifier = 1;
}

def Loihi2_McReadParamOp : Loihi2_McOp<"read_param", [Pure]> {
  let summary = "Read a constant parameter of the neuron";
  let description = [{
    This neuron's value of the parameter `name` (declared in the group's
    `params`): a per-neuron constant such as a bias or a recurrence
    coefficient, of at most `neuron_register_bits` bits.
  }];
  let arguments = (ins StrAttr:$name);
  let results = (outs I64:$result);
  let assemblyFormat = "$name attr-dict";
  let hasVerifier = 1;
}

def Loihi2_McConstOp : Loihi2_McOp<"const", [Pure]> {
  let summary = "An integer constant";
  let description = [{
    The constant `value`, which must lie within `[-M, M]`.
  }];
  let arguments = (ins Loihi2_I64Attr:$value);
  let results = (outs I64:$result);
  let assemblyFormat = "$value attr-dict";
  let hasVerifier = 1;
}

def Loihi2_McAddOp : Loihi2_McBinaryOp<"add",
    "Computes `sat_U(lhs + rhs)`."> {
  let summary = "Saturating addition";
}
def Loihi2_McSubOp : Loihi2_McBinaryOp<"sub",
    "Computes `sat_U(lhs - rhs)`."> {
  let summary = "Saturating subtraction";
}
def Loihi2_McMulOp : Loihi2_McBinaryOp<"mul",
    "Computes `sat_U(lhs * rhs)` from the exact product: the product of two "
    "stored registers (at most `2R - 2` bits, 46 by default) never "
    "saturates.">{
  let summary = "Saturating multiplication";
}
def Loihi2_McMinOp : Loihi2_McBinaryOp<"min",
    "Computes `min(lhs, rhs)` (exact).">{
  let summary = "Minimum";
}
def Loihi2_McMaxOp : Loihi2_McBinaryOp<"max",
    "Computes `max(lhs, rhs)` (exact).">{
  let summary = "Maximum";
}
def Loihi2_McCmpGtOp : Loihi2_McBinaryOp<"cmp_gt",
    "Computes `lhs > rhs ? 1 : 0`.">{
  let summary = "Signed greater-than comparison";
}
def Loihi2_McCmpEqOp : Loihi2_McBinaryOp<"cmp_eq",
    "Computes `lhs == rhs ? 1 : 0`.">{
  let summary = "Equality comparison";
}

def Loihi2_McShrRoundOp : Loihi2_McOp<"shr_round", [Pure]> {
  let summary = "Arithmetic right shift, rounding half up";
  let description = [{
    Computes `(input + 2^(shift-1)) >> shift` with `>>` the arithmetic
    (floor) shift and the sum formed exactly: round half towards +infinity,
    the `rescale` of docs/fixed-point.md §3.1 (`shr_round 5, 1 = 3`,
    `shr_round -5, 1 = -2`). `1 <= shift <= U`. The result is within
    `[-M, M]`, so it never saturates.
  }];
  let arguments = (ins I64:$input, Loihi2_I64Attr:$shift);
  let results = (outs I64:$result);
  let assemblyFormat = "$input `,` $shift attr-dict";
  let hasVerifier = 1;
}

def Loihi2_McShlOp : Loihi2_McOp<"shl", [Pure]> {
  let summary = "Saturating left shift";
  let description = [{
    Computes `sat_U(input * 2^shift)` (exact product, then saturation).
    `1 <= shift < U`.
  }];
  let arguments = (ins I64:$input, Loihi2_I64Attr:$shift);
  let results = (outs I64:$result);
  let assemblyFormat = "$input `,` $shift attr-dict";
  let hasVerifier = 1;
}

def Loihi2_McSatOp : Loihi2_McOp<"sat", [Pure]> {
  let summary = "Saturate to a narrower width";
  let description = [{
    Computes `min(max(input, -(2^(width-1) - 1)), 2^(width-1) - 1)`: the
    symmetric `width`-bit range, never `-2^(width-1)`.
    `2 <= width <= U`.
  }];
  let arguments = (ins I64:$input, Loihi2_I64Attr:$width);
  let results = (outs I64:$result);
  let assemblyFormat = "$input `,` $width attr-dict";
  let hasVerifier = 1;
}

def Loihi2_McReluOp : Loihi2_McOp<"relu", [Pure]> {
  let summary = "Rectified linear unit";
  let description = [{
    Computes `max(input, 0)`.
  }];
  let arguments = (ins I64:$input);
  let results = (outs I64:$result);
  let assemblyFormat = "$input attr-dict";
}

def Loihi2_McSelectOp : Loihi2_McOp<"select", [Pure]> {
  let summary = "Choose one of two values";
  let description = [{
    Computes `condition != 0 ? true_value : false_value`.
  }];
  let arguments = (ins I64:$condition, I64:$true_value, I64:$false_value);
  let results = (outs I64:$result);
  let assemblyFormat = "$condition `,` $true_value `,` $false_value attr-dict";
}

def Loihi2_McLutOp : Loihi2_McOp<"lut", [Pure]> {
  let summary = "Piecewise-linear lookup table (docs/fixed-point.md §5)";
  let description = [{
    Evaluates the table of docs/fixed-point.md §5 exactly as written there,
    with `r = range_log2`, `k = segment_log2`, `E_T = node_exp`, the input
    code `q = input` at exponent `e_x = in_exp`, the result exponent
    `e_y = out_exp`, the result width `w = width` and the accumulator bound
    `A = acc_bits` (so `F_max = A - 17`), and `v[i] = nodes[i]` (`N + 1`
    nodes, `N = 2^(r+1+k)`). Above the range the result is
    `narrow(v[N] · 2^f, ...)` as §5 says (`sigmoid`-like) or, with
    `above_identity`, `narrow(q, e_x - e_y, w)` (`gelu`-like).
    Intermediates are exact; the only roundings are §5's (round half up,
    §3.1) and the result saturates to `w` bits. `table` names the function
    (documentation only). `0 <= r, k`, `r + 1 + k <= 12`,
    `2 <= width <= R`, `18 <= acc_bits <= U`.

    ```mlir
    %s = loihi2.mc.lut "sigmoid" %x nodes [11, 14, ...] range_log2 3
           segment_log2 2 node_exp 15 in_exp 13 out_exp 15 width 16
           acc_bits 32
    ```
  }];
  let arguments = (ins StrAttr:$table, I64:$input, DenseI16ArrayAttr:$nodes,
                       Loihi2_I64Attr:$range_log2, Loihi2_I64Attr:$segment_log2,
                       Loihi2_I64Attr:$node_exp, Loihi2_I64Attr:$in_exp, Loihi2_I64Attr:$out_exp,
                       Loihi2_I64Attr:$width, Loihi2_I64Attr:$acc_bits,
                       UnitAttr:$above_identity);
  let results = (outs I64:$result);
  let assemblyFormat = [{
    $table $input `nodes` $nodes `range_log2` $range_log2
    `segment_log2` $segment_log2 `node_exp` $node_exp `in_exp` $in_exp
    `out_exp` $out_exp `width` $width `acc_bits` $acc_bits
    (`above_identity` $above_identity^)? attr-dict
  }];
  let hasVerifier = 1;
}

def Loihi2_McSendOp : Loihi2_McOp<"send", [MemoryEffects<[MemWrite]>]> {
  let summary = "Send a graded spike when the value is non-zero";
  let description = [{
    When `payload != 0`, the neuron sends one graded spike carrying
    `payload` on output `output` (default 0): to every synapse block whose
    source is this output of the group and to the host output port reading
    it; when it is 0, nothing is sent (and nothing is counted). At most one
    send per output of the group. The payload must fit
    `message_payload_bits` (P): the verifier bounds the value statically
    (docs/loihi2.md, "Payload bound": `sat`, state and parameter reads,
    comparisons and constants bound it; `relu`, `min`, `max`, `select`
    keep the bounds of their operands) and requires `|payload| <= 2^(P-1) -
    1`.
  }];
  let arguments = (ins I64:$payload,
                       DefaultValuedAttr<Loihi2_I64Attr, "0">:$output);
  let assemblyFormat = "$payload (`output` $output^)? attr-dict";
  let hasVerifier = 1;
}

def Loihi2_McYieldOp : Loihi2_McOp<"yield", [Pure, Terminator]> {
  let summary = "End of the neuron program";
  let description = [{
    Ends the neuron program of one neuron for this step.
  }];
  let assemblyFormat = "attr-dict";
}

#endif // LRNN_DIALECT_LOIHI2_IR_LOIHI2OPS_TD
