//===- Passes.td - loihi2 passes ---------------------------*- tablegen -*-===//
//
// Passes over loihi2 programs: placement of neuron groups on the cores of a
// system and the resource report. Both charge resources through
// include/lrnn/Dialect/Loihi2/IR/Loihi2Resources.h, like the program
// verifier, so what the pass plans is exactly what the verifier checks.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_DIALECT_LOIHI2_TRANSFORMS_PASSES_TD
#define LRNN_DIALECT_LOIHI2_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def Loihi2Place : Pass<"loihi2-place", "mlir::ModuleOp"> {
  let summary = "Place the neuron groups of every loihi2.program on cores";
  let description = [{
    Writes the `placement` attribute of every `loihi2.neuron_group` of every
    `loihi2.program` in the module, replacing any placement it had, so that
    every core respects the limits of the program's target description (its
    embedded `target`, else the built-in one). Costs are charged exactly as
    the program verifier charges them (`Loihi2Resources.h`): for a range of
    neurons of a group, the state and parameter registers, the neuron
    program (once per range), and the synapse blocks feeding the range
    (dense: all inputs x the range's neurons; sparse: the stored synapses
    onto the range) with one input axon per source neuron reaching the
    range.

    The algorithm is greedy and linear in the program's size:

    1. Split. Groups are taken in program order. Each group is cut into
       consecutive neuron ranges: a range is extended neuron by neuron while
       it holds at most `max-neurons-per-core` neurons and its cost fits one
       core (bytes within `memory_bytes_per_core`, input axons within
       `input_axons_per_core`); the first neuron that does not fit starts the
       next range. The cost is updated incrementally, so splitting a group
       takes time proportional to its neurons plus the synapses stored onto
       it.
    2. Pack. Cores are filled in order of their ids, which run along a snake
       path over the chip's core mesh (consecutive cores are mesh
       neighbours); chips likewise, along a snake over the system's chip
       mesh. A range goes onto the current core when the core's totals
       (neurons, bytes, input axons) still fit with it, else onto the next
       core; when a chip's `cores_per_chip` cores are used, packing continues
       on the next chip. Small consecutive groups thus share a core, and a
       producer lands next to its consumer (few mesh hops, few chip
       crossings).
    3. Write and verify. The ranges become the groups' `placement`
       attributes and the program is verified: output axons per core
       (`output_axons_per_core`) are known only once every group is placed.
       If the verifier rejects the program, its message is the error and
       the placements the program had before are restored.

    Placing an already placed program gives the same placement (the pass
    ignores existing placements), so the pass is idempotent.

    Errors (on the group, one line):
    - `neuron 17 of @g alone needs 140012 bytes (state, parameters, program
      and synapses), more than memory_bytes_per_core = 131072`, or
      `neuron 17 of @g alone receives from 5000 source neurons, more than
      input_axons_per_core = 4096`: one neuron does not fit an empty core;
    - `@g does not fit system 'oheo-gulch': the program needs 130 cores,
      more than the 128 of the system (1 chip x 128 cores per chip); choose a
      larger --system`: the first group that runs past the last core; the
      count is the number of cores the whole program would need.

    `max-neurons-per-core` caps the neurons of any core (0, the default,
    means the target's `neurons_per_core`). A negative value is an error
    (`max-neurons-per-core must not be negative, got -1`), and so is one
    above the `neurons_per_core` of a program's target, reported on that
    program (`max-neurons-per-core = 9000 is more than the target's
    neurons_per_core = 8192`).

    ```mlir
    // lrnn-opt --loihi2-place: three groups of 3, 2 and 4 neurons share
    // core 0 of chip 0.
    loihi2.neuron_group @a attributes {size = 3, ...,
        placement = [{chip = 0, core = 0, first = 0, count = 3} ]} {...}
    ```
  }];
  let options = [
    Option<"maxNeuronsPerCore", "max-neurons-per-core", "int64_t",
           /*default=*/"0",
           "Most neurons on one core (0: the target's neurons_per_core)">
  ];
}

def Loihi2ResourceReport : Pass<"loihi2-resource-report", "mlir::ModuleOp"> {
  let summary = "Print the cores, memory, axons and traffic of each program";
  let description = [{
    An analysis: the IR is unchanged. For every `loihi2.program` of the
    module, prints to stdout a plain-text report (stable, one line per item)
    of what the program uses of its system, computed by the same functions
    as the program verifier (`Loihi2Resources.h`):

    - a header: the program, its system (chips, chip mesh, cores per chip,
      core mesh) and mode, the cores used of the system's total and the
      chips used;
    - for a placed program, a table with one row per used core: chip, core,
      mesh position `x,y` (global coordinates of the snake-ordered core,
      docs/loihi2.md), neurons, memory bytes and their percentage of
      `memory_bytes_per_core`, stored synapses, input axons, output routes
      ((neuron, destination core) pairs, the host output port counting as
      one destination) and the groups on the core;
    - totals: cores used, neurons, synapses, the largest memory of a core
      (bytes, percentage, where), and the mesh hops and chip crossings of
      one step if every neuron and input value sent a message on every
      output. These two are upper bounds: real traffic depends on which
      neurons send (zero activations send nothing) and is counted by the
      simulator.

    An unplaced program is reported as such, with one row per group
    (neurons, registers, instructions, synapses, and the bytes and input
    axons the whole group would take on one core) and the totals; run
    `--loihi2-place` first for the per-core table. Groups left unplaced in
    an otherwise placed program are listed after the table.
  }];
}

#endif // LRNN_DIALECT_LOIHI2_TRANSFORMS_PASSES_TD
