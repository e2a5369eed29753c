// Round trip of the loihi2 dialect: a host input feeds a placed neuron group
// through a sparse synapse block; the group's neuron program computes
// relu(v) with v = round(3/4 v) + input (a leaky integrator with state);
// its spikes reach the host output and, through a dense block with a
// delay, a second group that exercises the rest of the microcode.

loihi2.program @relu_net attributes {system = "oheo-gulch", mode = "fall-through"} {
  loihi2.input @u {size = 3, width = 16}
  loihi2.synapse_block @w_in {source = @u, target = @g, port = 0,
      weights = #lrnn.sparse<[4, 3], nnz = 3, density = 0.25,
                             indices = dense<[[0, 0], [1, 2], [3, 1]]> : tensor<3x2xi32>,
                             values = dense<[64, -127, 5]> : tensor<3xi8>>,
      weight_exp = -2, delay = 0}
  loihi2.neuron_group @g attributes {size = 4,
      state = [{name = "v", width = 24}],
      placement = [{chip = 0, core = 0, first = 0, count = 2},
                   {chip = 0, core = 1, first = 2, count = 2}]} {
    %in = loihi2.mc.read_port 0
    %v = loihi2.mc.read_state "v"
    %c = loihi2.mc.const 3
    %p = loihi2.mc.mul %v, %c
    %r = loihi2.mc.shr_round %p, 2
    %s = loihi2.mc.add %r, %in
    loihi2.mc.write_state "v", %s
    %y = loihi2.mc.relu %s
    %t = loihi2.mc.sat %y, 16
    loihi2.mc.send %t
    loihi2.mc.yield
  }
  loihi2.output @y {source = @g, size = 4}
}

loihi2.program @all_ops attributes {system = "kapoho-point", mode = "pipelined"} {
  loihi2.neuron_group @a attributes {size = 2, state = []} {
    %x = loihi2.mc.read_port 0
    %xs = loihi2.mc.sat %x, 24
    loihi2.mc.send %xs
    loihi2.mc.yield
  }
  loihi2.synapse_block @skip {source = @a, target = @b, port = 1,
      weights = dense<[[1, -127], [0, 127]]> : tensor<2x2xi8>,
      weight_exp = 7, delay = 2}
  loihi2.neuron_group @b attributes {size = 2, ports = 2,
      state = [{name = "m", width = 8}, {name = "n", width = 2}],
      placement = [{chip = 7, core = 127, first = 0, count = 2}]} {
    %p0 = loihi2.mc.read_port 0
    %p1 = loihi2.mc.read_port 1
    %d = loihi2.mc.sub %p0, %p1
    %lo = loihi2.mc.min %d, %p1
    %hi = loihi2.mc.max %lo, %p0
    %sh = loihi2.mc.shl %hi, 23
    %st = loihi2.mc.sat %sh, 8
    %gt = loihi2.mc.cmp_gt %st, %p0
    %eq = loihi2.mc.cmp_eq %st, %p1
    %sel = loihi2.mc.select %gt, %st, %eq
    %sg = loihi2.mc.lut "sigmoid" %sel nodes [0, 8192, 16384] range_log2 0 segment_log2 0 node_exp 14 in_exp 10 out_exp 12 width 16 acc_bits 32
    %ge = loihi2.mc.lut "gelu" %sg nodes [0, 0, 4096] range_log2 0 segment_log2 0 node_exp 12 in_exp 12 out_exp 12 width 16 acc_bits 32 above_identity
    loihi2.mc.write_state "m", %ge
    %neg = loihi2.mc.const -8388607
    %z = loihi2.mc.shr_round %neg, 24
    loihi2.mc.write_state "n", %z
    loihi2.mc.yield
  }
}

// Outputs, parameters, exponents, latency and an embedded target description.
loihi2.program @two_outputs attributes {system = "oheo-gulch", mode = "pipelined", target = "{\"format\": \"lrnn-loihi2-target/1\", \"neurons_per_core\": {\"value\": 16}}"} {
  loihi2.input @u {size = 2, width = 16, exp = 12}
  loihi2.neuron_group @g attributes {size = 2, outputs = 2, state = [],
      params = [{name = "b", values = dense<[3, -4]> : tensor<2xi16>}]} {
    %b = loihi2.mc.read_param "b"
    %x = loihi2.mc.read_port 0
    %s = loihi2.mc.add %x, %b
    %t = loihi2.mc.sat %s, 16
    loihi2.mc.send %t
    loihi2.mc.send %b output 1
    loihi2.mc.yield
  }
  loihi2.synapse_block @in {source = @u, target = @g, port = 0, weights = dense<1> : tensor<2x2xi8>, weight_exp = 0, delay = 0}
  loihi2.synapse_block @back {source = @g, source_output = 1, target = @g, port = 0, weights = dense<1> : tensor<2x2xi8>, weight_exp = 0, delay = 1}
  loihi2.output @y {source = @g, source_output = 1, size = 2, exp = 10, latency = 1}
}
