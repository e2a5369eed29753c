// Delays that close loops: a self-loop (delay 2) and a cycle through a
// second group (delay 3). The simulator advances several steps per pass over
// the groups; here a pass can be no longer than the shortest delay leading
// back, so 200 steps cross many such passes. Checked against an independent
// numpy model of the same recurrence:
//   y[t] = sat16(u[t] + shr_round(y[t-2], 1) - shr_round(e[t-3], 2)),
//   e[t] = y[t], shr_round(x, s) = (x + 2^(s-1)) >> s (floor).
loihi2.program @cycles attributes {system = "oheo-gulch", mode = "fall-through"} {
  loihi2.input @u {size = 1, width = 16}
  loihi2.neuron_group @acc attributes {size = 1, ports = 3, state = [],
      placement = [{chip = 0, core = 0, first = 0, count = 1}]} {
    %u = loihi2.mc.read_port 0
    %prev = loihi2.mc.read_port 1
    %echo = loihi2.mc.read_port 2
    %half = loihi2.mc.shr_round %prev, 1
    %quarter = loihi2.mc.shr_round %echo, 2
    %a = loihi2.mc.add %u, %half
    %b = loihi2.mc.sub %a, %quarter
    %y = loihi2.mc.sat %b, 16
    loihi2.mc.send %y
    loihi2.mc.yield
  }
  loihi2.neuron_group @echo attributes {size = 1, ports = 1, state = [],
      placement = [{chip = 0, core = 1, first = 0, count = 1}]} {
    %x = loihi2.mc.read_port 0
    %y = loihi2.mc.sat %x, 16
    loihi2.mc.send %y
    loihi2.mc.yield
  }
  loihi2.synapse_block @in {source = @u, target = @acc, port = 0,
      weights = dense<[[1]]> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
  loihi2.synapse_block @self {source = @acc, target = @acc, port = 1,
      weights = dense<[[1]]> : tensor<1x1xi8>, weight_exp = 0, delay = 2}
  loihi2.synapse_block @forward {source = @acc, target = @echo, port = 0,
      weights = dense<[[1]]> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
  loihi2.synapse_block @back {source = @echo, target = @acc, port = 2,
      weights = dense<[[1]]> : tensor<1x1xi8>, weight_exp = 0, delay = 3}
  loihi2.output @y {source = @echo, size = 1}
}
