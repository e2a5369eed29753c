loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 1
    // expected-error @+1 {{range_log2 8 and segment_log2 4 must satisfy 0 <= r, 0 <= k, r + 1 + k <= 12}}
    %y = loihi2.mc.lut "f" %x nodes [0, 1] range_log2 8 segment_log2 4 node_exp 15 in_exp 0 out_exp 0 width 16 acc_bits 32
    loihi2.mc.yield
  }
}
