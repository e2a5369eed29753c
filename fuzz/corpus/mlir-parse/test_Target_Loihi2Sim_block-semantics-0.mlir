// Synapse block semantics the lowering never produces (it uses exponent 0 and
// no explicit delays): a negative weight exponent rounds each block's sum half
// up before the port adds it, a positive one scales exactly, and a delay of
// one step in fall-through mode delivers the previous step's input.
//
// step 0: row 0: (3*5 + 1*2 + 2) >> 2 = 4 (17/4 = 4.25); row 1: (-5*5 + 2*2 + 2) >> 2 = -5 (-5.25)
// step 1: row 0: (-9 + 7 + 2) >> 2 = 0, plus 8*5 = 40; row 1: (15 + 14 + 2) >> 2 = 7, plus 8*2 = 16
// step 2: zero input; the delayed block gives 8*(-3) and 8*7
loihi2.program @blocks attributes {system = "oheo-gulch", mode = "fall-through"} {
  loihi2.input @u {size = 2, width = 16}
  loihi2.neuron_group @g attributes {size = 2, ports = 2, state = [],
      placement = [{chip = 0, core = 0, first = 0, count = 2}]} {
    %a = loihi2.mc.read_port 0
    %b = loihi2.mc.read_port 1
    %s = loihi2.mc.add %a, %b
    %y = loihi2.mc.sat %s, 24
    loihi2.mc.send %y
    loihi2.mc.yield
  }
  loihi2.synapse_block @rounded {source = @u, target = @g, port = 0,
      weights = dense<[[3, 1], [-5, 2]]> : tensor<2x2xi8>, weight_exp = -2, delay = 0}
  loihi2.synapse_block @delayed {source = @u, target = @g, port = 1,
      weights = dense<[[1, 0], [0, 1]]> : tensor<2x2xi8>, weight_exp = 3, delay = 1}
  loihi2.output @y {source = @g, size = 2}
}
