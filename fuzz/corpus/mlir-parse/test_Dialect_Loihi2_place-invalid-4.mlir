// 2 output axons per core. The three neurons of @a are packed with @b on
// core 0 and each sends to @b's core: 3 routes. Only the verifier, run on
// the placed program, sees it.
// expected-error @+1 {{chip 0 core 0 sends 3 routes (neuron, destination core) (groups a, b), more than output_axons_per_core = 2}}
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined", target = "{\"format\": \"lrnn-loihi2-target/1\", \"output_axons_per_core\": {\"value\": 2}}"} {
  loihi2.neuron_group @a attributes {size = 3, state = []} {
    loihi2.mc.yield
  }
  loihi2.neuron_group @b attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  loihi2.synapse_block @w {source = @a, target = @b, port = 0, weights = dense<1> : tensor<1x3xi8>, weight_exp = 0, delay = 0}
}
