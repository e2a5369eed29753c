// A hand-written program whose one neuron doubles its state every step and
// adds its input: with input 1, v_t = 2^(t+1) - 1 until the 24-bit state
// saturates at 2^23 - 1 = 8388607 (step 22), where it stays; every later
// write_state saturates (and is counted) instead of wrapping.
loihi2.program @runaway attributes {system = "oheo-gulch", mode = "fall-through"} {
  loihi2.input @u {size = 1, width = 16}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0,
      weights = dense<[[1]]> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
  loihi2.neuron_group @g attributes {size = 1,
      state = [{name = "v", width = 24}],
      placement = [{chip = 0, core = 0, first = 0, count = 1}]} {
    %in = loihi2.mc.read_port 0
    %v = loihi2.mc.read_state "v"
    %d = loihi2.mc.shl %v, 1
    %s = loihi2.mc.add %d, %in
    loihi2.mc.write_state "v", %s
    %y = loihi2.mc.read_state "v"
    loihi2.mc.send %y
    loihi2.mc.yield
  }
  loihi2.output @y {source = @g, size = 1}
}
