// expected-error @+1 {{chip 0 core 0 sends 3 routes (neuron, destination core) (groups a), more than output_axons_per_core = 2}}
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined", target = "{\"format\": \"lrnn-loihi2-target/1\", \"output_axons_per_core\": {\"value\": 2}}"} {
  loihi2.neuron_group @a attributes {size = 3, state = [], placement = [{chip = 0, core = 0, first = 0, count = 3}]} {
    loihi2.mc.yield
  }
  loihi2.neuron_group @b attributes {size = 1, state = [], placement = [{chip = 0, core = 1, first = 0, count = 1}]} {
    loihi2.mc.yield
  }
  loihi2.synapse_block @w {source = @a, target = @b, port = 0, weights = dense<1> : tensor<1x3xi8>, weight_exp = 0, delay = 0}
}
