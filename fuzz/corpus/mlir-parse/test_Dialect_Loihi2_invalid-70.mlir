// A synapse block verified before a group whose size is misspelled: the
// group's own error, no crash.
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 2, width = 16}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<2x2xi8>, weight_exp = 0, delay = 0}
  // expected-error @+1 {{requires attribute 'size'}}
  loihi2.neuron_group @g attributes {sise = 2, state = []} {
    loihi2.mc.yield
  }
}
