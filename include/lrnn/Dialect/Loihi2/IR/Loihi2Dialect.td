//===- Loihi2Dialect.td - loihi2 dialect definition --------*- tablegen -*-===//

#ifndef LRNN_DIALECT_LOIHI2_IR_LOIHI2DIALECT_TD
#define LRNN_DIALECT_LOIHI2_IR_LOIHI2DIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/EnumAttr.td"

def Loihi2_Dialect : Dialect {
  let name = "loihi2";
  let cppNamespace = "::lrnn::loihi2";
  let summary = "A program for an abstract Loihi 2 system";
  let description = [{
    The `loihi2` dialect models what runs on an abstract Loihi 2 system
    (docs/loihi2.md): a `loihi2.program` for one system and execution mode
    holding host input and output ports, neuron groups (per-neuron state
    variables, an optional placement on chips and neurocores, and a neuron
    program of `loihi2.mc.*` microcode executed once per neuron and time
    step) and synapse blocks (an integer weight table with a shared
    power-of-two exponent, feeding one input port of a neuron group).

    Every verifier checks the limits of the built-in target description
    (`lrnn::loihi2::getDefaultTargetDescription()`): register width, message
    payload width, weight bits and exponent range, neurons per core, cores
    and chips of the system, and memory per core of placed groups.

    Microcode values are builtin `i32` values that always hold a quantity of
    at most `neuron_register_bits` (24 by default) bits: every microcode
    result saturates to `±(2^(R-1) - 1)` with `R = neuron_register_bits`.
  }];
  let dependentDialects = ["::lrnn::LRNNDialect"];
}

class Loihi2_Op<string mnemonic, list<Trait> traits = []>
    : Op<Loihi2_Dialect, mnemonic, traits>;

def Loihi2_ExecutionMode : I32EnumAttr<"ExecutionMode",
    "How a token travels through the network in a time step", [
      I32EnumAttrCase<"FallThrough", 0, "fall-through">,
      I32EnumAttrCase<"Pipelined", 1, "pipelined">
    ]> {
  let cppNamespace = "::lrnn::loihi2";
  let genSpecializedAttr = 0;
}

#endif // LRNN_DIALECT_LOIHI2_IR_LOIHI2DIALECT_TD
