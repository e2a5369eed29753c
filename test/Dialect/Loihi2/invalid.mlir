// Every verifier rejection of the loihi2 dialect (default target description).
// RUN: lrnn-opt %s --split-input-file --verify-diagnostics

// expected-error @+1 {{unknown system 'loihi3'; known systems: oheo-gulch, kapoho-point, hala-point}}
loihi2.program @p attributes {system = "loihi3", mode = "fall-through"} {
}

// -----

// expected-error @+1 {{mode must be 'fall-through' or 'pipelined', got 'fast'}}
loihi2.program @p attributes {system = "oheo-gulch", mode = "fast"} {
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{is not allowed in a loihi2.program}}
  func.func @f() {
    return
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{size must be at least 1, got 0}}
  loihi2.input @u {size = 0, width = 8}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{width 25 is outside 1..24 (message_payload_bits)}}
  loihi2.input @u {size = 2, width = 25}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{size must be at least 1, got 0}}
  loihi2.output @y {source = @g, size = 0}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{source @g is not defined in the program}}
  loihi2.output @y {source = @g, size = 2}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 2, width = 8}
  // expected-error @+1 {{source @u must be a loihi2.neuron_group}}
  loihi2.output @y {source = @u, size = 2}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{size 3 does not match the size 2 of @g}}
  loihi2.output @y {source = @g, size = 3}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{size must be at least 1, got 0}}
  loihi2.neuron_group @g attributes {size = 0, state = []} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{ports must be within 0..256, got -1}}
  loihi2.neuron_group @g attributes {size = 1, ports = -1, state = []} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{state entry 0 must be {name = "...", width = W}}}
  loihi2.neuron_group @g attributes {size = 1, state = [{name = "v"}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{duplicate state variable 'v'}}
  loihi2.neuron_group @g attributes {size = 1, state = [{name = "v", width = 8}, {name = "v", width = 8}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{state variable 'v' has width 25, outside 2..24 (neuron_register_bits)}}
  loihi2.neuron_group @g attributes {size = 1, state = [{name = "v", width = 25}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{neuron program must not take arguments}}
  loihi2.neuron_group @g attributes {size = 1, state = []} {
  ^bb0(%a: i32):
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{neuron program must end in loihi2.mc.yield}}
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %c = loihi2.mc.const 1
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    // expected-error @+1 {{is not allowed in a neuron program (only loihi2.mc ops)}}
    %c = arith.constant 1 : i64
    loihi2.mc.send %c
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %c = loihi2.mc.const 1
    loihi2.mc.send %c
    // expected-error @+1 {{sends a second time on output 0; at most one send per output}}
    loihi2.mc.send %c
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement entry 0 must be {chip = C, core = K, first = F, count = N}}}
  loihi2.neuron_group @g attributes {size = 1, state = [], placement = [{chip = 0, core = 0, first = 0}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement entry 0: chip 1 is outside system 'oheo-gulch' (1 chips)}}
  loihi2.neuron_group @g attributes {size = 1, state = [], placement = [{chip = 1, core = 0, first = 0, count = 1}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "kapoho-point", mode = "pipelined"} {
  // expected-error @+1 {{placement entry 1: core 128 is outside 0..127 (cores_per_chip)}}
  loihi2.neuron_group @g attributes {size = 2, state = [], placement = [{chip = 7, core = 127, first = 0, count = 1}, {chip = 0, core = 128, first = 1, count = 1}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement entry 0: first -1 is negative}}
  loihi2.neuron_group @g attributes {size = 1, state = [], placement = [{chip = 0, core = 0, first = -1, count = 1}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement entry 0: count 8193 is outside 1..8192 (neurons_per_core)}}
  loihi2.neuron_group @g attributes {size = 8193, state = [], placement = [{chip = 0, core = 0, first = 0, count = 8193}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement entry 0: count 0 is outside 1..8192 (neurons_per_core)}}
  loihi2.neuron_group @g attributes {size = 1, state = [], placement = [{chip = 0, core = 0, first = 0, count = 0}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement ranges overlap at neuron 2}}
  loihi2.neuron_group @g attributes {size = 4, state = [], placement = [{chip = 0, core = 1, first = 2, count = 2}, {chip = 0, core = 0, first = 0, count = 3}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement does not cover neuron 1}}
  loihi2.neuron_group @g attributes {size = 4, state = [], placement = [{chip = 0, core = 0, first = 0, count = 1}, {chip = 0, core = 1, first = 2, count = 2}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement does not cover neuron 3}}
  loihi2.neuron_group @g attributes {size = 4, state = [], placement = [{chip = 0, core = 0, first = 0, count = 3}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement range [2, 5) extends beyond size 4}}
  loihi2.neuron_group @g attributes {size = 4, state = [], placement = [{chip = 0, core = 0, first = 0, count = 2}, {chip = 0, core = 1, first = 2, count = 3}]} {
    loihi2.mc.yield
  }
}

// -----

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

// -----

// 8192 neurons x 5 state variables x 3 bytes = 122,880 bytes, plus 2
// instructions x 4 bytes, plus a dense 2 x 8192 block (16,384 weight bytes +
// 2 x 4 routing bytes): 139,280 bytes > 131,072.
// expected-error @+1 {{chip 0 core 0 needs 139280 bytes (groups g), more than memory_bytes_per_core = 131072}}
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 2, width = 8}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0,
      weights = dense<1> : tensor<8192x2xi8>, weight_exp = 0, delay = 0}
  loihi2.neuron_group @g attributes {size = 8192,
      state = [{name = "a", width = 24}, {name = "b", width = 24}, {name = "c", width = 24}, {name = "d", width = 24}, {name = "e", width = 24}],
      placement = [{chip = 0, core = 0, first = 0, count = 8192}]} {
    %x = loihi2.mc.read_port 0
    loihi2.mc.write_state "a", %x
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{source @v is not defined in the program}}
  loihi2.synapse_block @w {source = @v, target = @g, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  loihi2.output @y {source = @g, size = 1}
  // expected-error @+1 {{source @y must be a loihi2.input or loihi2.neuron_group}}
  loihi2.synapse_block @w {source = @y, target = @g, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 1, width = 8}
  // expected-error @+1 {{target @g is not defined in the program}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 1, width = 8}
  // expected-error @+1 {{target @u must be a loihi2.neuron_group}}
  loihi2.synapse_block @w {source = @u, target = @u, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 1, width = 8}
  loihi2.neuron_group @g attributes {size = 1, ports = 2, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{port 2 is not an input port of @g (it has 2 ports)}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 2, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 1, width = 8}
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{weight_exp 8 is outside the target's weight_exponent range -8..7}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = 8, delay = 0}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 1, width = 8}
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{weight_exp -9 is outside the target's weight_exponent range -8..7}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = -9, delay = 0}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 1, width = 8}
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{delay must be within 0..1024, got -1}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = -1}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 3, width = 8}
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{weights: expected a 2x3 weight, got 3x2}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<3x2xi8>, weight_exp = 0, delay = 0}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 1, width = 8}
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{weights: 16-bit codes exceed the target's 8 bits}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<1x1xi16>, weight_exp = 0, delay = 0}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 2, width = 8}
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{weights: code -128 at (0, 1) is outside the symmetric 8-bit range ±127}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<[[1, -128]]> : tensor<1x2xi8>, weight_exp = 0, delay = 0}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 2, width = 8}
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{weights: code -128 at (1, 0) is outside the symmetric 8-bit range ±127}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0,
      weights = #lrnn.sparse<[2, 2], nnz = 1, density = 0.25, indices = dense<[[1, 0]]> : tensor<1x2xi32>, values = dense<[-128]> : tensor<1xi8>>,
      weight_exp = 0, delay = 0}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = [{name = "v", width = 8}]} {
    // expected-error @+1 {{unknown state variable 'w' (declared: v)}}
    %x = loihi2.mc.read_state "w"
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 0
    // expected-error @+1 {{unknown state variable 'v' (declared: none)}}
    loihi2.mc.write_state "v", %x
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    // expected-error @+1 {{port 1 is not an input port of the group (it has 1 ports)}}
    %x = loihi2.mc.read_port 1
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    // expected-error @+1 {{value 140737488355328 is outside the neuron arithmetic's range ±140737488355327 (neuron_alu_bits)}}
    %x = loihi2.mc.const 140737488355328
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 1
    // expected-error @+1 {{shift 0 is outside 1..48}}
    %y = loihi2.mc.shr_round %x, 0
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 1
    // expected-error @+1 {{shift 48 is outside 1..47}}
    %y = loihi2.mc.shl %x, 48
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 1
    // expected-error @+1 {{width 1 is outside 2..48}}
    %y = loihi2.mc.sat %x, 1
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 1
    // expected-error @+1 {{range_log2 8 and segment_log2 4 must satisfy 0 <= r, 0 <= k, r + 1 + k <= 12}}
    %y = loihi2.mc.lut "f" %x nodes [0, 1] range_log2 8 segment_log2 4 node_exp 15 in_exp 0 out_exp 0 width 16 acc_bits 32
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 1
    // expected-error @+1 {{expected 5 nodes (N = 4), got 3}}
    %y = loihi2.mc.lut "f" %x nodes [0, 1, 2] range_log2 1 segment_log2 0 node_exp 15 in_exp 0 out_exp 0 width 16 acc_bits 32
    loihi2.mc.yield
  }
}

// -----

// expected-error @+1 {{'loihi2.mc.const' op expects parent op 'loihi2.neuron_group'}}
%x = loihi2.mc.const 1

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 1
    // expected-error @+1 {{width 25 is outside 2..24}}
    %y = loihi2.mc.lut "f" %x nodes [0, 1, 2] range_log2 0 segment_log2 0 node_exp 15 in_exp 0 out_exp 0 width 25 acc_bits 32
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 1
    // expected-error @+1 {{acc_bits 49 is outside 18..48}}
    %y = loihi2.mc.lut "f" %x nodes [0, 1, 2] range_log2 0 segment_log2 0 node_exp 15 in_exp 0 out_exp 0 width 16 acc_bits 49
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = [{name = "v", width = 24}]} {
    %v = loihi2.mc.read_state "v"
    %x = loihi2.mc.add %v, %v
    // expected-error @+1 {{payload may exceed message_payload_bits = 24 (|payload| <= 8388607 is not proven); saturate it with loihi2.mc.sat first}}
    loihi2.mc.send %x
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 8388608
    // expected-error @+1 {{payload may exceed message_payload_bits = 24}}
    loihi2.mc.send %x
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, outputs = 2, state = []} {
    %x = loihi2.mc.const 1
    // expected-error @+1 {{output 2 is not an output of the group (it has 2)}}
    loihi2.mc.send %x output 2
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{source_output 1 is not an output of @g (it has 1)}}
  loihi2.output @y {source = @g, size = 2, source_output = 1}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 2, width = 16}
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{source_output 1 is not an output of @u (it has 1)}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<2x2xi8>, weight_exp = 0, delay = 0, source_output = 1}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{params entry 0 must be {name = "...", values = dense<...> : tensor<2xiW>}}}
  loihi2.neuron_group @g attributes {size = 2, state = [], params = [{name = "b"}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{duplicate state variable or parameter 'v'}}
  loihi2.neuron_group @g attributes {size = 2, state = [{name = "v", width = 16}], params = [{name = "v", values = dense<[1, 2]> : tensor<2xi16>}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{parameter 'b'}}
  loihi2.neuron_group @g attributes {size = 2, state = [], params = [{name = "b", values = dense<[1, 2, 3]> : tensor<3xi16>}]} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 2, state = [], params = [{name = "b", values = dense<[1, 2]> : tensor<2xi16>}]} {
    // expected-error @+1 {{unknown parameter 'c' (declared: b)}}
    %c = loihi2.mc.read_param "c"
    loihi2.mc.yield
  }
}

// -----

// expected-error @+1 {{has a cycle of synapse blocks without delay in fall-through mode: @a -> @b -> @a (give one block a delay)}}
loihi2.program @p attributes {system = "oheo-gulch", mode = "fall-through"} {
  loihi2.neuron_group @a attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  loihi2.neuron_group @b attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  loihi2.synapse_block @ab {source = @a, target = @b, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
  loihi2.synapse_block @ba {source = @b, target = @a, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
}

// -----

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

// -----

// expected-error @+1 {{has an invalid target description: target: weight_bits.value: 17 is out of range 1..16}}
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined", target = "{\"format\": \"lrnn-loihi2-target/1\", \"weight_bits\": {\"value\": 17}}"} {
}

// -----

// An embedded description replaces the built-in one: 4 neurons per core.
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined", target = "{\"format\": \"lrnn-loihi2-target/1\", \"neurons_per_core\": {\"value\": 4}}"} {
  // expected-error @+1 {{placement entry 0: count 6 is outside 1..4 (neurons_per_core)}}
  loihi2.neuron_group @g attributes {size = 6, state = [], placement = [{chip = 0, core = 0, first = 0, count = 6}]} {
    loihi2.mc.yield
  }
}

// -----

// expected-error @+1 {{chip 0 core 0 receives from 3 source neurons (groups g), more than input_axons_per_core = 2}}
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined", target = "{\"format\": \"lrnn-loihi2-target/1\", \"input_axons_per_core\": {\"value\": 2}}"} {
  loihi2.input @u {size = 3, width = 16}
  loihi2.neuron_group @g attributes {size = 1, state = [], placement = [{chip = 0, core = 0, first = 0, count = 1}]} {
    loihi2.mc.yield
  }
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<1x3xi8>, weight_exp = 0, delay = 0}
}

// -----

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

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined", target = "{\"format\": \"lrnn-loihi2-target/1\", \"max_fan_in_per_neuron\": {\"value\": 2}}"} {
  loihi2.input @u {size = 3, width = 16}
  // expected-error @+1 {{neuron 1 has a fan-in of 3 synapses, more than max_fan_in_per_neuron = 2}}
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = #lrnn.sparse<[2, 3], nnz = 5, density = 0.8333, indices = dense<[[0, 0], [0, 1], [1, 0], [1, 1], [1, 2]]> : tensor<5x2xi32>, values = dense<[1, 1, 1, 1, 1]> : tensor<5xi8>>, weight_exp = 0, delay = 0}
}

// -----

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

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{size 1048577 is more than system 'oheo-gulch' holds (1048576 neurons)}}
  loihi2.neuron_group @g attributes {size = 1048577, state = []} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 5000, width = 16}
  loihi2.neuron_group @g attributes {size = 1000000, state = []} {
    loihi2.mc.yield
  }
  // A splat is checked without being expanded.
  // expected-error @+1 {{is dense with 5000 inputs: every neuron of @g would have a fan-in of 5000 synapses, more than max_fan_in_per_neuron = 4096}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<1000000x5000xi8>, weight_exp = 0, delay = 0}
}
