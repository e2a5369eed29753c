// Two groups packed onto one core exceed its neurons.
// expected-error @+1 {{chip 0 core 5 holds 10000 neurons (groups a, b), more than neurons_per_core = 8192}}
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @a attributes {size = 5000, state = [], placement = [{chip = 0, core = 5, first = 0, count = 5000}]} {
    loihi2.mc.yield
  }
  loihi2.neuron_group @b attributes {size = 5000, state = [], placement = [{chip = 0, core = 5, first = 0, count = 5000}]} {
    loihi2.mc.yield
  }
}
