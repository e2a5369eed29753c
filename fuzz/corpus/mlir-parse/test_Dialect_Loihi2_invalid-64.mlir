// A delay on one block of the cycle makes it well defined, and pipelined
// mode always has one.
loihi2.program @p attributes {system = "oheo-gulch", mode = "fall-through"} {
  loihi2.neuron_group @a attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  loihi2.neuron_group @b attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  loihi2.synapse_block @ab {source = @a, target = @b, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
  loihi2.synapse_block @ba {source = @b, target = @a, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = 1}
}
