// --loihi2-place: splitting groups into ranges that fit a core (by memory and
// by the neuron cap), packing small groups onto one core, spilling onto the
// next chip, replacing an existing placement, and idempotence. The errors
// are in place-invalid.mlir.
//
// Placing a placed program again gives the same program.
// Option values are checked against each program's target.

// NEG: error: max-neurons-per-core must not be negative, got -1
// BIG-NOT: error: max-neurons-per-core = 5 is more than the target's neurons_per_core = 8192
// BIG: error: max-neurons-per-core = 5 is more than the target's neurons_per_core = 4
// BIG-NOT: error

// Memory. The embedded target gives 64 bytes per core; everything else is
// the default: 3 bytes per register, 4 per instruction, 1 per dense synapse,
// 3 per sparse synapse, 4 per input axon.
//
// @g: n neurons with one register and 2 instructions (read_port and
// write_state; the yield is free), fed densely by the 4 values of @u:
// 3n + 8 + (4n + 4 * 4) = 7n + 24 bytes, at most 64 for n <= 5: [0, 5) and
// [5, 10), 59 bytes each, one per core (59 + 59 > 64).
//
// @h: fed by the sparse @s: its rows read @g's neurons {0, 1}, {1, 2},
// {7, 8, 9} and {0}. Neurons [0, 3) store 7 synapses from 6 distinct source
// neurons (neuron 1 of @g counts once): 9 + 8 + 7 * 3 + 6 * 4 = 62 bytes.
// Adding neuron 3 (1 synapse, from neuron 0, already counted) makes it
// 12 + 8 + 8 * 3 + 6 * 4 = 68 > 64, so [3, 4) (3 + 8 + 3 + 4 = 18 bytes)
// starts a new range; neither fits next to its predecessor (59 + 62 > 64,
// 62 + 18 > 64).
//
// With max-neurons-per-core=4 the cap cuts @g first: [0, 4) and [4, 8)
// (52 bytes), [8, 10) (38 bytes), one per core (52 + 52, 52 + 38 > 64);
// @h is cut by memory as before (38 + 62 > 64).

// CAP-LABEL: loihi2.program @split
// CAP: loihi2.neuron_group @g attributes {placement = [{chip = 0 : i64, core = 0 : i64, count = 4 : i64, first = 0 : i64}, {chip = 0 : i64, core = 1 : i64, count = 4 : i64, first = 4 : i64}, {chip = 0 : i64, core = 2 : i64, count = 2 : i64, first = 8 : i64}]
// CAP: loihi2.neuron_group @h attributes {placement = [{chip = 0 : i64, core = 3 : i64, count = 3 : i64, first = 0 : i64}, {chip = 0 : i64, core = 4 : i64, count = 1 : i64, first = 3 : i64}]
loihi2.program @split attributes {system = "oheo-gulch", mode = "fall-through", target = "{\"format\": \"lrnn-loihi2-target/1\", \"memory_bytes_per_core\": {\"value\": 64}}"} {
  loihi2.input @u {size = 4, width = 16}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<10x4xi8>, weight_exp = 0, delay = 0}
  loihi2.neuron_group @g attributes {size = 10, state = [{name = "v", width = 16}]} {
    %i = loihi2.mc.read_port 0
    loihi2.mc.write_state "v", %i
    loihi2.mc.yield
  }
  loihi2.synapse_block @s {source = @g, target = @h, port = 0,
      weights = #lrnn.sparse<[4, 10], nnz = 8, density = 0.2,
          indices = dense<[[0, 0], [0, 1], [1, 1], [1, 2], [2, 7], [2, 8], [2, 9], [3, 0]]> : tensor<8x2xi32>,
          values = dense<1> : tensor<8xi8>>,
      weight_exp = 0, delay = 0}
  loihi2.neuron_group @h attributes {size = 4, state = [{name = "v", width = 16}]} {
    %i = loihi2.mc.read_port 0
    loihi2.mc.write_state "v", %i
    loihi2.mc.yield
  }
}

// Packing. Three small groups of a chain (default target) share core 0 of
// chip 0; the old placement of @a (core 5) is replaced. With
// max-neurons-per-core=4, @a (3) fills core 0, @b (2) does not fit next to
// it (5 > 4) and goes to core 1, and @c (4) to core 2 (6 > 4).

// CAP-LABEL: loihi2.program @packed
// CAP: loihi2.neuron_group @a attributes {placement = [{chip = 0 : i64, core = 0 : i64, count = 3 : i64, first = 0 : i64}]
// CAP: loihi2.neuron_group @b attributes {placement = [{chip = 0 : i64, core = 1 : i64, count = 2 : i64, first = 0 : i64}]
// CAP: loihi2.neuron_group @c attributes {placement = [{chip = 0 : i64, core = 2 : i64, count = 4 : i64, first = 0 : i64}]
loihi2.program @packed attributes {system = "oheo-gulch", mode = "fall-through"} {
  loihi2.input @u {size = 2, width = 16}
  loihi2.synapse_block @wa {source = @u, target = @a, port = 0, weights = dense<1> : tensor<3x2xi8>, weight_exp = 0, delay = 0}
  loihi2.neuron_group @a attributes {size = 3, state = [], placement = [{chip = 0, core = 5, first = 0, count = 3}]} {
    %i = loihi2.mc.read_port 0
    %s = loihi2.mc.sat %i, 16
    loihi2.mc.send %s
    loihi2.mc.yield
  }
  loihi2.synapse_block @wb {source = @a, target = @b, port = 0, weights = dense<1> : tensor<2x3xi8>, weight_exp = 0, delay = 0}
  loihi2.neuron_group @b attributes {size = 2, state = []} {
    %i = loihi2.mc.read_port 0
    %s = loihi2.mc.sat %i, 16
    loihi2.mc.send %s
    loihi2.mc.yield
  }
  loihi2.synapse_block @wc {source = @b, target = @c, port = 0, weights = dense<1> : tensor<4x2xi8>, weight_exp = 0, delay = 0}
  loihi2.neuron_group @c attributes {size = 4, state = []} {
    %i = loihi2.mc.read_port 0
    %s = loihi2.mc.sat %i, 16
    loihi2.mc.send %s
    loihi2.mc.yield
  }
  loihi2.output @y {source = @c, size = 4}
}

// Two chips. 2 cores per chip (a 2 x 1 core mesh) of 4 neurons each: the 10
// neurons of @g take both cores of chip 0 and core 0 of chip 1.

// CAP-LABEL: loihi2.program @two_chips
// CAP: loihi2.neuron_group @g attributes {placement = [{chip = 0 : i64, core = 0 : i64, count = 4 : i64, first = 0 : i64}, {chip = 0 : i64, core = 1 : i64, count = 4 : i64, first = 4 : i64}, {chip = 1 : i64, core = 0 : i64, count = 2 : i64, first = 8 : i64}]
loihi2.program @two_chips attributes {system = "kapoho-point", mode = "pipelined", target = "{\"format\": \"lrnn-loihi2-target/1\", \"cores_per_chip\": {\"value\": 2}, \"mesh\": {\"value\": [2, 1]}, \"neurons_per_core\": {\"value\": 4}}"} {
  loihi2.neuron_group @g attributes {size = 10, state = [{name = "v", width = 16}]} {
    loihi2.mc.yield
  }
}
