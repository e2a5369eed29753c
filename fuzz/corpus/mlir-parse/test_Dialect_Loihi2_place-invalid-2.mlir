// One chip of 2 cores of 4 neurons: @a takes core 0, @b [0, 4) core 1 and
// @b [4, 6) would need a third core.
loihi2.program @p attributes {system = "oheo-gulch", mode = "fall-through", target = "{\"format\": \"lrnn-loihi2-target/1\", \"cores_per_chip\": {\"value\": 2}, \"mesh\": {\"value\": [2, 1]}, \"neurons_per_core\": {\"value\": 4}}"} {
  loihi2.neuron_group @a attributes {size = 4, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{@b does not fit system 'oheo-gulch': the program needs 3 cores, more than the 2 of the system (1 chip x 2 cores per chip); choose a larger --system}}
  loihi2.neuron_group @b attributes {size = 6, state = []} {
    loihi2.mc.yield
  }
}
