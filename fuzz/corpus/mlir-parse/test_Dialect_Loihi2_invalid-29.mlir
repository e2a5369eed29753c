// 8192 neurons x 5 state variables x 3 bytes = 122,880 bytes, plus 2
// instructions x 4 bytes, plus a dense 2 x 8192 block (16,384 weight bytes +
// 2 x 4 routing bytes): 139,280 bytes > 131,072.
// expected-error @+1 {{chip 0 core 0 needs 139280 bytes (groups g), more than memory_bytes_per_core = 131072}}
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 2, width = 8}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0,
      weights = dense<1> : tensor<8192x2xi8>, weight_exp = 0, delay = 0}
  loihi2.neuron_group @g attributes {size = 8192,
      state = [{name = "a", width = 24}, {name = "b", width = 24}, {name = "c", width = 24}, {name = "d", width = 24}, {name = "e", width = 24}],
      placement = [{chip = 0, core = 0, first = 0, count = 8192}]} {
    %x = loihi2.mc.read_port 0
    loihi2.mc.write_state "a", %x
    loihi2.mc.yield
  }
}
