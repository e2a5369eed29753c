loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    // expected-error @+1 {{port 1 is not an input port of the group (it has 1 ports)}}
    %x = loihi2.mc.read_port 1
    loihi2.mc.yield
  }
}
