// A small valid Loihi 2 program for the program-file tests: a host input
// feeds a placed neuron group through a sparse synapse block; the group's
// spikes reach a second group through a dense block held as a
// dense_resource blob (so the file must carry the blob) and the host output.
loihi2.program @net attributes {system = "oheo-gulch", mode = "fall-through"} {
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
  loihi2.synapse_block @w_gh {source = @g, target = @h, port = 0,
      weights = dense_resource<w_gh> : tensor<2x4xi8>,
      weight_exp = 1, delay = 1}
  loihi2.synapse_block @w_skip {source = @u, target = @h, port = 0,
      weights = dense<[[1, 0, -1], [0, 2, 0]]> : tensor<2x3xi8>,
      weight_exp = 0, delay = 100000000}
  loihi2.neuron_group @h attributes {size = 2, state = [],
      placement = [{chip = 0, core = 2, first = 0, count = 2}]} {
    %x = loihi2.mc.read_port 0
    %z = loihi2.mc.sat %x, 16
    loihi2.mc.send %z
    loihi2.mc.yield
  }
  loihi2.output @y {source = @g, size = 4}
}

{-#
  dialect_resources: {
    builtin: {
      w_gh: "0x0100000001FF0203FD7F8104"
    }
  }
#-}
