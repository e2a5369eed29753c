// --loihi2-resource-report: the per-core table, totals and traffic bound of
// a placed program, the group table of an unplaced one, and groups left
// unplaced; then the same programs placed by --loihi2-place.
// RUN: lrnn-opt %s --loihi2-resource-report -o /dev/null | FileCheck %s
// RUN: lrnn-opt %s --loihi2-place --loihi2-resource-report -o /dev/null | FileCheck %s --check-prefix=PLACED
// The IR is unchanged.
// RUN: lrnn-opt %s -o %t.before.mlir
// RUN: lrnn-opt %s --loihi2-resource-report -o %t.after.mlir > /dev/null
// RUN: diff %t.before.mlir %t.after.mlir

// The target: 2 cores per chip (a 2 x 1 core mesh), 4 neurons and 1000 bytes
// per core, otherwise the defaults (3 bytes per register, 4 per instruction,
// 1 per dense synapse, 3 per sparse synapse, 4 per input axon); kapoho-point
// is 8 chips in a 2 x 4 chip mesh, 16 cores.
//
// @a (3 neurons, 1 register, 4 instructions: read_port, write_state, sat,
// send) on chip 0 core 0, fed by the dense 3 x 2 block @w1:
//   3 * 3 + 4 * 4 + (3 * 2 * 1 + 2 * 4) = 9 + 16 + 14 = 39 bytes (3.9%),
//   6 synapses (a dense block stores every entry), 2 input axons.
// @b (2 neurons, same program) fed by the sparse @w2 (b0 <- a0;
// b1 <- a1, a2), split over chip 0 core 1 and chip 1 core 0:
//   b0: 3 + 16 + (1 * 3 + 1 * 4) = 26 bytes, 1 synapse, 1 input axon;
//   b1: 3 + 16 + (2 * 3 + 2 * 4) = 33 bytes, 2 synapses, 2 input axons.
// Output routes: a0 -> core of b0, a1 and a2 -> core of b1 (3 on core 0);
// b0 and b1 -> the host output (1 each).
// Mesh positions (snake order): chip 0 core 0 at 0,0, chip 0 core 1 at 1,0,
// chip 1 (the chip mesh's second column) core 0 at 2,0. The host sits at
// chip 0 core 0.
// Traffic if every neuron sends: a0 -> 1,0: 1 hop; a1, a2 -> 2,0: 2 hops and
// 1 chip crossing each; b0 -> host: 1 hop; b1 -> host: 2 hops, 1 crossing;
// @u -> @a at 0,0: 0. Total 1 + 2 + 2 + 1 + 2 = 8 hops, 3 crossings.

// CHECK-LABEL: loihi2 resource report: @net
// CHECK-NEXT: system: kapoho-point, 8 chips (2 x 4 chip mesh), 2 cores per chip (2 x 1 core mesh)
// CHECK-NEXT: mode: fall-through
// CHECK-NEXT: cores used: 3 of 16; chips used: 2 of 8
// CHECK-EMPTY:
// CHECK-NEXT: chip  core  x,y  neurons  memory bytes  memory %  synapses  input axons  output routes  groups
// CHECK-NEXT:    0     0  0,0        3            39      3.9%         6            2              3  a
// CHECK-NEXT:    0     1  1,0        1            26      2.6%         1            1              1  b
// CHECK-NEXT:    1     0  2,0        1            33      3.3%         2            2              1  b
// CHECK-EMPTY:
// CHECK-NEXT: totals:
// CHECK-NEXT:   cores used: 3
// CHECK-NEXT:   neurons: 5
// CHECK-NEXT:   synapses: 9
// CHECK-NEXT:   largest core memory: 39 bytes (3.9% of memory_bytes_per_core = 1000), chip 0 core 0
// CHECK-NEXT:   mesh hops per step (every neuron sending, an upper bound): 8
// CHECK-NEXT:   chip crossings per step (every neuron sending, an upper bound): 3
// CHECK-NEXT:   (the real traffic depends on activity, since neurons with a zero output send nothing; the simulator measures it)

// Placed by --loihi2-place: @a (3 neurons, 39 bytes) on core 0; @b whole
// (2 neurons; 6 + 16 + 3 * 3 + 3 * 4 = 43 bytes, 3 synapses from 3 source
// neurons) does not fit next to it (5 > 4 neurons) and goes to core 1 of
// the same chip. Traffic: a0, a1, a2 -> 1,0: 3 hops; b0, b1 -> host: 2
// hops; no chip crossing.

// PLACED-LABEL: loihi2 resource report: @net
// PLACED: cores used: 2 of 16; chips used: 1 of 8
// PLACED-EMPTY:
// PLACED-NEXT: chip  core  x,y  neurons  memory bytes  memory %  synapses  input axons  output routes  groups
// PLACED-NEXT:    0     0  0,0        3            39      3.9%         6            2              3  a
// PLACED-NEXT:    0     1  1,0        2            43      4.3%         3            3              2  b
// PLACED: largest core memory: 43 bytes (4.3% of memory_bytes_per_core = 1000), chip 0 core 1
// PLACED-NEXT: mesh hops per step (every neuron sending, an upper bound): 5
// PLACED-NEXT: chip crossings per step (every neuron sending, an upper bound): 0
loihi2.program @net attributes {system = "kapoho-point", mode = "fall-through", target = "{\"format\": \"lrnn-loihi2-target/1\", \"cores_per_chip\": {\"value\": 2}, \"mesh\": {\"value\": [2, 1]}, \"neurons_per_core\": {\"value\": 4}, \"memory_bytes_per_core\": {\"value\": 1000}}"} {
  loihi2.input @u {size = 2, width = 16}
  loihi2.synapse_block @w1 {source = @u, target = @a, port = 0, weights = dense<[[1, 0], [0, 1], [1, 1]]> : tensor<3x2xi8>, weight_exp = 0, delay = 0}
  loihi2.neuron_group @a attributes {size = 3, state = [{name = "v", width = 16}], placement = [{chip = 0, core = 0, first = 0, count = 3}]} {
    %i = loihi2.mc.read_port 0
    loihi2.mc.write_state "v", %i
    %s = loihi2.mc.sat %i, 16
    loihi2.mc.send %s
    loihi2.mc.yield
  }
  loihi2.synapse_block @w2 {source = @a, target = @b, port = 0, weights = #lrnn.sparse<[2, 3], nnz = 3, density = 0.5, indices = dense<[[0, 0], [1, 1], [1, 2]]> : tensor<3x2xi32>, values = dense<[1, 2, 3]> : tensor<3xi8>>, weight_exp = 0, delay = 0}
  loihi2.neuron_group @b attributes {size = 2, state = [{name = "v", width = 16}], placement = [{chip = 0, core = 1, first = 0, count = 1}, {chip = 1, core = 0, first = 1, count = 1}]} {
    %i = loihi2.mc.read_port 0
    loihi2.mc.write_state "v", %i
    %s = loihi2.mc.sat %i, 16
    loihi2.mc.send %s
    loihi2.mc.yield
  }
  loihi2.output @y {source = @b, size = 2}
}

// Unplaced: one row per group, its cost if whole on one core: @a as above
// (39 bytes, 6 synapses, 2 input axons), @b 43 bytes, 3 synapses, 3 input
// axons (see above).

// CHECK-LABEL: loihi2 resource report: @net_unplaced
// CHECK-NEXT: system: oheo-gulch, 1 chip (1 x 1 chip mesh), 2 cores per chip (2 x 1 core mesh)
// CHECK-NEXT: mode: pipelined
// CHECK-NEXT: cores used: none (the program is not placed; run --loihi2-place for per-core usage)
// CHECK-EMPTY:
// CHECK-NEXT: group  neurons  registers  instructions  synapses  bytes if on one core  input axons if on one core
// CHECK-NEXT: a            3          1             4         6                    39                           2
// CHECK-NEXT: b            2          1             4         3                    43                           3
// CHECK-EMPTY:
// CHECK-NEXT: totals:
// CHECK-NEXT:   groups: 2
// CHECK-NEXT:   neurons: 5
// CHECK-NEXT:   synapses: 9

// PLACED-LABEL: loihi2 resource report: @net_unplaced
// PLACED: cores used: 2 of 2; chips used: 1 of 1
// PLACED: mesh hops per step (every neuron sending, an upper bound): 5
loihi2.program @net_unplaced attributes {system = "oheo-gulch", mode = "pipelined", target = "{\"format\": \"lrnn-loihi2-target/1\", \"cores_per_chip\": {\"value\": 2}, \"mesh\": {\"value\": [2, 1]}, \"neurons_per_core\": {\"value\": 4}, \"memory_bytes_per_core\": {\"value\": 1000}}"} {
  loihi2.input @u {size = 2, width = 16}
  loihi2.synapse_block @w1 {source = @u, target = @a, port = 0, weights = dense<[[1, 0], [0, 1], [1, 1]]> : tensor<3x2xi8>, weight_exp = 0, delay = 0}
  loihi2.neuron_group @a attributes {size = 3, state = [{name = "v", width = 16}]} {
    %i = loihi2.mc.read_port 0
    loihi2.mc.write_state "v", %i
    %s = loihi2.mc.sat %i, 16
    loihi2.mc.send %s
    loihi2.mc.yield
  }
  loihi2.synapse_block @w2 {source = @a, target = @b, port = 0, weights = #lrnn.sparse<[2, 3], nnz = 3, density = 0.5, indices = dense<[[0, 0], [1, 1], [1, 2]]> : tensor<3x2xi32>, values = dense<[1, 2, 3]> : tensor<3xi8>>, weight_exp = 0, delay = 0}
  loihi2.neuron_group @b attributes {size = 2, state = [{name = "v", width = 16}]} {
    %i = loihi2.mc.read_port 0
    loihi2.mc.write_state "v", %i
    %s = loihi2.mc.sat %i, 16
    loihi2.mc.send %s
    loihi2.mc.yield
  }
  loihi2.output @y {source = @b, size = 2}
}

// Partly placed (default target): @a is on core 0, @b is not; only @a is
// counted (no registers, no instructions: 0 bytes) and messages to an
// unplaced group are not counted: 0 hops.

// CHECK-LABEL: loihi2 resource report: @partial
// CHECK: cores used: 1 of 128; chips used: 1 of 1
// CHECK-EMPTY:
// CHECK-NEXT: chip  core  x,y  neurons  memory bytes  memory %  synapses  input axons  output routes  groups
// CHECK-NEXT:    0     0  0,0        3             0      0.0%         0            0              0  a
// CHECK-NEXT: not placed (not counted): b
// CHECK: mesh hops per step (every neuron sending, an upper bound): 0
loihi2.program @partial attributes {system = "oheo-gulch", mode = "fall-through"} {
  loihi2.neuron_group @a attributes {size = 3, state = [], placement = [{chip = 0, core = 0, first = 0, count = 3}]} {
    loihi2.mc.yield
  }
  loihi2.synapse_block @w {source = @a, target = @b, port = 0, weights = dense<1> : tensor<2x3xi8>, weight_exp = 0, delay = 0}
  loihi2.neuron_group @b attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
}
