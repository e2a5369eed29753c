// The count goes on past the first group that does not fit: @a and @b fill
// the system, @c and @d need 2 cores more.
loihi2.program @p attributes {system = "oheo-gulch", mode = "fall-through", target = "{\"format\": \"lrnn-loihi2-target/1\", \"cores_per_chip\": {\"value\": 2}, \"mesh\": {\"value\": [2, 1]}, \"neurons_per_core\": {\"value\": 4}}"} {
  loihi2.neuron_group @a attributes {size = 4, state = []} {
    loihi2.mc.yield
  }
  loihi2.neuron_group @b attributes {size = 3, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{@c does not fit system 'oheo-gulch': the program needs 4 cores, more than the 2 of the system (1 chip x 2 cores per chip); choose a larger --system}}
  loihi2.neuron_group @c attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
  loihi2.neuron_group @d attributes {size = 4, state = []} {
    loihi2.mc.yield
  }
}
