// expected-error @+1 {{chip 0 core 0 receives from 3 source neurons (groups g), more than input_axons_per_core = 2}}
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined", target = "{\"format\": \"lrnn-loihi2-target/1\", \"input_axons_per_core\": {\"value\": 2}}"} {
  loihi2.input @u {size = 3, width = 16}
  loihi2.neuron_group @g attributes {size = 1, state = [], placement = [{chip = 0, core = 0, first = 0, count = 1}]} {
    loihi2.mc.yield
  }
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<1x3xi8>, weight_exp = 0, delay = 0}
}
