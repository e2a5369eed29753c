// The lowering of integer lrnn models to Loihi 2 programs: projections become
// synapse blocks of the 8-bit codes (exponent 0) into new groups whose
// microcode adds the aligned bias and narrows once (docs/fixed-point.md §4.1:
// e_acc = e_W + e_x, bias shifted left by e_acc - e_b, result shifted right by
// e_acc - e_y, saturated to 16 bits); element-wise ops become microcode of
// the latest group holding an operand, other operands arriving through
// identity blocks. Execution on the simulator is checked bit for bit by
// test/e2e/fixed-interpreter.test.
// RUN: lrnn-opt %s --split-input-file --lrnn-to-loihi2 | FileCheck %s --check-prefixes=CHECK,FT
// RUN: lrnn-opt %s --split-input-file --lrnn-to-loihi2=mode=pipelined | FileCheck %s --check-prefixes=CHECK,PIPE

// CHECK-LABEL: loihi2.program @project
// FT-SAME: mode = "fall-through", system = "oheo-gulch"
// PIPE-SAME: mode = "pipelined", system = "oheo-gulch"
// CHECK: loihi2.input @input {exp = 12 : i64, size = 2 : i64, width = 16 : i64}
// y = narrow(W u + 100 · 2^(21 - 12), 21 - 13): e_acc = 9 + 12 = 21; then relu.
// CHECK: loihi2.neuron_group @g0 attributes {params = [{name = "bias", values = dense<100> : tensor<1xi16>}], size = 1 : i64,
// FT-NOT: start
// PIPE-SAME: start = 1 : i64
// CHECK-NEXT: %[[P:.*]] = loihi2.mc.read_port 0
// CHECK-NEXT: %[[B:.*]] = loihi2.mc.read_param "bias"
// CHECK-NEXT: %[[BS:.*]] = loihi2.mc.shl %[[B]], 9
// CHECK-NEXT: %[[A:.*]] = loihi2.mc.add %[[P]], %[[BS]]
// CHECK-NEXT: %[[R:.*]] = loihi2.mc.shr_round %[[A]], 8
// CHECK-NEXT: %[[Y:.*]] = loihi2.mc.sat %[[R]], 16
// CHECK-NEXT: %[[RELU:.*]] = loihi2.mc.relu %[[Y]]
// CHECK-NEXT: loihi2.mc.send %[[RELU]]
// CHECK-NEXT: loihi2.mc.yield
// CHECK: loihi2.synapse_block @g0.w {delay = 0 : i64, port = 0 : i64, source = @input, target = @g0, weight_exp = 0 : i64, weights = dense<{{\[\[}}12, -3]]> : tensor<1x2xi8>}
// h = narrow(W u, 19 - 10) without bias.
// CHECK: loihi2.neuron_group @g1 attributes {size = 3 : i64,
// CHECK-NEXT: %[[P:.*]] = loihi2.mc.read_port 0
// CHECK-NEXT: %[[R:.*]] = loihi2.mc.shr_round %[[P]], 9
// CHECK-NEXT: %[[H:.*]] = loihi2.mc.sat %[[R]], 16
// CHECK-NEXT: loihi2.mc.send %[[H]]
// The sparse projection of h (e_acc = 16, an i8 bias at exponent 3) and the
// sum with relu(y) from @g0, which arrives on port 1 through an identity block.
// CHECK: loihi2.neuron_group @g2 attributes {params = [{name = "bias", values = dense<-7> : tensor<1xi8>}], ports = 2 : i64, size = 1 : i64,
// PIPE-SAME: start = 2 : i64
// CHECK-NEXT: %[[P:.*]] = loihi2.mc.read_port 0
// CHECK-NEXT: %[[B:.*]] = loihi2.mc.read_param "bias"
// CHECK-NEXT: %[[BS:.*]] = loihi2.mc.shl %[[B]], 13
// CHECK-NEXT: %[[A:.*]] = loihi2.mc.add %[[P]], %[[BS]]
// CHECK-NEXT: %[[R:.*]] = loihi2.mc.shr_round %[[A]], 3
// CHECK-NEXT: %[[S:.*]] = loihi2.mc.sat %[[R]], 16
// CHECK-NEXT: %[[Q:.*]] = loihi2.mc.read_port 1
// CHECK-NEXT: %[[QS:.*]] = loihi2.mc.sat %[[Q]], 16
// CHECK-NEXT: %[[Z:.*]] = loihi2.mc.add %[[QS]], %[[S]]
// CHECK-NEXT: %[[ZS:.*]] = loihi2.mc.sat %[[Z]], 16
// CHECK-NEXT: loihi2.mc.send %[[ZS]]
// CHECK: loihi2.synapse_block @g2.w {delay = 0 : i64, port = 0 : i64, source = @g1, target = @g2
// CHECK: loihi2.synapse_block @g2.route1 {delay = 0 : i64, port = 1 : i64, source = @g0, target = @g2, weight_exp = 0 : i64, weights = #lrnn.sparse<[1, 1], nnz = 1, density = 1.0000, indices = dense<0> : tensor<1x2xi32>, values = dense<1> : tensor<1xi8>>}
// Fall-through: the output in the same step; pipelined: two hops later.
// FT: loihi2.output @output {exp = 13 : i64, size = 1 : i64, source = @g2}
// PIPE: loihi2.output @output {exp = 13 : i64, latency = 2 : i64, size = 1 : i64, source = @g2}
lrnn.model @project(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 13>> attributes {accumulator_bits = 32 : i32} {
  %y = lrnn.qproject %u weight(dense<[[12, -3]]> : tensor<1x2xi8> exp 9) bias(dense<[100]> : tensor<1xi16> exp 12) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 13>>
  %h = lrnn.qproject %u weight(dense<[[1, 2], [3, 4], [-5, 127]]> : tensor<3x2xi8> exp 7) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<3x!lrnn.fixed<16, 10>>
  %s = lrnn.qproject %h weight(#lrnn.sparse<[1, 3], nnz = 2, density = 0.6667, indices = dense<[[0, 0], [0, 2]]> : tensor<2x2xi32>, values = dense<[-127, 5]> : tensor<2xi8>> exp 6) bias(dense<[-7]> : tensor<1xi8> exp 3) : tensor<3x!lrnn.fixed<16, 10>> -> tensor<1x!lrnn.fixed<16, 13>>
  %r = lrnn.qrelu %y : tensor<1x!lrnn.fixed<16, 13>>
  %z = lrnn.qadd %r, %s : tensor<1x!lrnn.fixed<16, 13>>, tensor<1x!lrnn.fixed<16, 13>> -> tensor<1x!lrnn.fixed<16, 13>>
  lrnn.output %z : tensor<1x!lrnn.fixed<16, 13>>
}

// -----

// An S5 block: the complex projection, recurrence and crelu in one group
// (two ports, two outputs: real and imaginary parts), the readout with
// W_re and -W_im summed in one port, then two scales in the same group.
// CHECK-LABEL: loihi2.program @ssm
// CHECK: loihi2.neuron_group @g0 attributes {outputs = 2 : i64, params = [{name = "bias_re", values = dense<[1, -2]> : tensor<2xi16>}, {name = "bias_im", values = dense<[-32767, 32767]> : tensor<2xi16>}, {name = "lambda_re", values = dense<[30000, -12000]> : tensor<2xi16>}, {name = "lambda_im", values = dense<[1000, 20000]> : tensor<2xi16>}], ports = 2 : i64, size = 2 : i64,
// CHECK-SAME: state = [{name = "x_re", width = 16 : i64}, {name = "x_im", width = 16 : i64}]
// v_re: e_acc = 8 + 12 = 20, bias at 15 (<< 5), narrow to 14 (>> 6).
// CHECK-NEXT: %[[P0:.*]] = loihi2.mc.read_port 0
// CHECK-NEXT: %[[BR:.*]] = loihi2.mc.read_param "bias_re"
// CHECK-NEXT: %[[BRS:.*]] = loihi2.mc.shl %[[BR]], 5
// CHECK-NEXT: %[[AR:.*]] = loihi2.mc.add %[[P0]], %[[BRS]]
// CHECK-NEXT: %[[RR:.*]] = loihi2.mc.shr_round %[[AR]], 6
// CHECK-NEXT: %[[VR:.*]] = loihi2.mc.sat %[[RR]], 16
// v_im: e_acc = 9 + 12 = 21, bias at 14 (<< 7), narrow to 14 (>> 7).
// CHECK-NEXT: %[[P1:.*]] = loihi2.mc.read_port 1
// CHECK-NEXT: %[[BI:.*]] = loihi2.mc.read_param "bias_im"
// CHECK-NEXT: %[[BIS:.*]] = loihi2.mc.shl %[[BI]], 7
// CHECK-NEXT: %[[AI:.*]] = loihi2.mc.add %[[P1]], %[[BIS]]
// CHECK-NEXT: %[[RI:.*]] = loihi2.mc.shr_round %[[AI]], 7
// CHECK-NEXT: %[[VI:.*]] = loihi2.mc.sat %[[RI]], 16
// §4.4: each product rescaled by e_L = 15, the input aligned 14 -> 13.
// CHECK-NEXT: %[[LR:.*]] = loihi2.mc.read_param "lambda_re"
// CHECK-NEXT: %[[LI:.*]] = loihi2.mc.read_param "lambda_im"
// CHECK-NEXT: %[[XR:.*]] = loihi2.mc.read_state "x_re"
// CHECK-NEXT: %[[XI:.*]] = loihi2.mc.read_state "x_im"
// CHECK-NEXT: %[[UR:.*]] = loihi2.mc.shr_round %[[VR]], 1
// CHECK-NEXT: %[[UI:.*]] = loihi2.mc.shr_round %[[VI]], 1
// CHECK-NEXT: %[[M1:.*]] = loihi2.mc.mul %[[LI]], %[[XI]]
// CHECK-NEXT: %[[S1:.*]] = loihi2.mc.shr_round %[[M1]], 15
// CHECK-NEXT: %[[M2:.*]] = loihi2.mc.mul %[[LR]], %[[XR]]
// CHECK-NEXT: %[[S2:.*]] = loihi2.mc.shr_round %[[M2]], 15
// CHECK-NEXT: %[[D:.*]] = loihi2.mc.sub %[[S2]], %[[S1]]
// CHECK-NEXT: %[[RE:.*]] = loihi2.mc.add %[[D]], %[[UR]]
// CHECK-NEXT: %[[M3:.*]] = loihi2.mc.mul %[[LI]], %[[XR]]
// CHECK-NEXT: %[[S3:.*]] = loihi2.mc.shr_round %[[M3]], 15
// CHECK-NEXT: %[[M4:.*]] = loihi2.mc.mul %[[LR]], %[[XI]]
// CHECK-NEXT: %[[S4:.*]] = loihi2.mc.shr_round %[[M4]], 15
// CHECK-NEXT: %[[SU:.*]] = loihi2.mc.add %[[S4]], %[[S3]]
// CHECK-NEXT: %[[IM:.*]] = loihi2.mc.add %[[SU]], %[[UI]]
// CHECK-NEXT: %[[NR:.*]] = loihi2.mc.sat %[[RE]], 16
// CHECK-NEXT: %[[NI:.*]] = loihi2.mc.sat %[[IM]], 16
// CHECK-NEXT: loihi2.mc.write_state "x_re", %[[NR]]
// CHECK-NEXT: loihi2.mc.write_state "x_im", %[[NI]]
// crelu (§4.6): keep where re > 0, or re == 0 and im > 0.
// CHECK-NEXT: %[[Z:.*]] = loihi2.mc.const 0
// CHECK-NEXT: %[[GT:.*]] = loihi2.mc.cmp_gt %[[NR]], %[[Z]]
// CHECK-NEXT: %[[EQ:.*]] = loihi2.mc.cmp_eq %[[NR]], %[[Z]]
// CHECK-NEXT: %[[IGT:.*]] = loihi2.mc.cmp_gt %[[NI]], %[[Z]]
// CHECK-NEXT: %[[BOTH:.*]] = loihi2.mc.mul %[[EQ]], %[[IGT]]
// CHECK-NEXT: %[[KEEP:.*]] = loihi2.mc.add %[[GT]], %[[BOTH]]
// CHECK-NEXT: %[[CR:.*]] = loihi2.mc.select %[[KEEP]], %[[NR]], %[[Z]]
// CHECK-NEXT: %[[CI:.*]] = loihi2.mc.select %[[KEEP]], %[[NI]], %[[Z]]
// CHECK-NEXT: loihi2.mc.send %[[CR]]
// CHECK-NEXT: loihi2.mc.send %[[CI]] output 1
// CHECK: loihi2.synapse_block @g0.re {delay = 0 : i64, port = 0 : i64, source = @input, target = @g0, weight_exp = 0 : i64, weights = dense<{{\[\[}}1, -2, 3, -4], [5, 6, 7, 8]]> : tensor<2x4xi8>}
// CHECK: loihi2.synapse_block @g0.im {delay = 0 : i64, port = 1 : i64, source = @input, target = @g0
// The readout (e_W 7 + e_x 13 - e_y 11 = 9), then D ⊙ y + c twice.
// CHECK: loihi2.neuron_group @g1 attributes {params = [{name = "factor", values = dense<[64, -32]> : tensor<2xi8>}, {name = "scale_bias", values = dense<[5, 0]> : tensor<2xi16>}, {name = "factor1", values = dense<[1, 2]> : tensor<2xi8>}], size = 2 : i64,
// CHECK-NEXT: %[[P:.*]] = loihi2.mc.read_port 0
// CHECK-NEXT: %[[R:.*]] = loihi2.mc.shr_round %[[P]], 9
// CHECK-NEXT: %[[Y:.*]] = loihi2.mc.sat %[[R]], 16
// CHECK-NEXT: %[[F:.*]] = loihi2.mc.read_param "factor"
// CHECK-NEXT: %[[FY:.*]] = loihi2.mc.mul %[[F]], %[[Y]]
// CHECK-NEXT: %[[C:.*]] = loihi2.mc.read_param "scale_bias"
// CHECK-NEXT: %[[CS:.*]] = loihi2.mc.shl %[[C]], 7
// CHECK-NEXT: %[[A:.*]] = loihi2.mc.add %[[FY]], %[[CS]]
// CHECK-NEXT: %[[R2:.*]] = loihi2.mc.shr_round %[[A]], 6
// CHECK-NEXT: %[[D:.*]] = loihi2.mc.sat %[[R2]], 16
// CHECK-NEXT: %[[F1:.*]] = loihi2.mc.read_param "factor1"
// CHECK-NEXT: %[[E:.*]] = loihi2.mc.mul %[[F1]], %[[D]]
// CHECK-NEXT: %[[ES:.*]] = loihi2.mc.sat %[[E]], 16
// CHECK-NEXT: loihi2.mc.send %[[ES]]
// CHECK: loihi2.synapse_block @g1.re {delay = 0 : i64, port = 0 : i64, source = @g0, target = @g1, weight_exp = 0 : i64, weights = dense<{{\[\[}}64, -64], [1, 0]]> : tensor<2x2xi8>}
// CHECK: loihi2.synapse_block @g1.im {delay = 0 : i64, port = 0 : i64, source = @g0, source_output = 1 : i64, target = @g1, weight_exp = 0 : i64, weights = #lrnn.sparse<[2, 2], nnz = 1, density = 0.2500, indices = dense<1> : tensor<1x2xi32>, values = dense<3> : tensor<1xi8>>}
// PIPE: loihi2.output @output {exp = 11 : i64, latency = 2 : i64, size = 2 : i64, source = @g1}
lrnn.model @ssm(%u: tensor<4x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 11>> attributes {accumulator_bits = 32 : i32} {
  %vr, %vi = lrnn.qcomplex_project %u re(dense<[[1, -2, 3, -4], [5, 6, 7, 8]]> : tensor<2x4xi8> exp 8) im(#lrnn.sparse<[2, 4], nnz = 3, density = 0.375, indices = dense<[[0, 1], [1, 0], [1, 3]]> : tensor<3x2xi32>, values = dense<[9, -10, 127]> : tensor<3xi8>> exp 9) bias_re(dense<[1, -2]> : tensor<2xi16> exp 15) bias_im(dense<[-32767, 32767]> : tensor<2xi16> exp 14) : tensor<4x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 14>>
  %xr, %xi = lrnn.qdiag_recurrence %vr, %vi lambda(dense<[30000, -12000]> : tensor<2xi16>, dense<[1000, 20000]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 14>> -> tensor<2x!lrnn.fixed<16, 13>>
  %cr, %ci = lrnn.qcrelu %xr, %xi : tensor<2x!lrnn.fixed<16, 13>>
  %y = lrnn.qcomplex_readout %cr, %ci re(dense<[[64, -64], [1, 0]]> : tensor<2x2xi8>) im(#lrnn.sparse<[2, 2], nnz = 1, density = 0.25, indices = dense<[[1, 1]]> : tensor<1x2xi32>, values = dense<[-3]> : tensor<1xi8>>) exp 7 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 11>>
  %d = lrnn.qscale %y factor(dense<[64, -32]> : tensor<2xi8> exp 6) bias(dense<[5, 0]> : tensor<2xi16> exp 10) : tensor<2x!lrnn.fixed<16, 11>> -> tensor<2x!lrnn.fixed<16, 11>>
  %e = lrnn.qscale %d factor(dense<[1, 2]> : tensor<2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 11>> -> tensor<2x!lrnn.fixed<16, 11>>
  lrnn.output %e : tensor<2x!lrnn.fixed<16, 11>>
}

// -----

// Pipelined mode: a skip connection over two hops gets a delay of one step
// so that the sum sees the same token on both operands.
// PIPE-LABEL: loihi2.program @skip
// PIPE: loihi2.synapse_block @g2.route1 {delay = 1 : i64, port = 1 : i64, source = @g0, target = @g2
// PIPE: loihi2.output @output {exp = 10 : i64, latency = 3 : i64, size = 3 : i64, source = @g2}
// FT-LABEL: loihi2.program @skip
// FT: loihi2.synapse_block @g2.route1 {delay = 0 : i64, port = 1 : i64, source = @g0, target = @g2
lrnn.model @skip(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<3x!lrnn.fixed<16, 10>> attributes {accumulator_bits = 32 : i32} {
  %a = lrnn.qproject %u weight(dense<[[1, 2], [3, 4], [-5, 127]]> : tensor<3x2xi8> exp 7) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<3x!lrnn.fixed<16, 10>>
  %b = lrnn.qproject %a weight(dense<[[1, 0, 0], [0, 1, 0], [0, 0, 1]]> : tensor<3x3xi8> exp 6) : tensor<3x!lrnn.fixed<16, 10>> -> tensor<3x!lrnn.fixed<16, 10>>
  %c = lrnn.qproject %b weight(dense<[[1, 0, 0], [0, 1, 0], [0, 0, 1]]> : tensor<3x3xi8> exp 6) : tensor<3x!lrnn.fixed<16, 10>> -> tensor<3x!lrnn.fixed<16, 10>>
  %d = lrnn.qadd %c, %a : tensor<3x!lrnn.fixed<16, 10>>, tensor<3x!lrnn.fixed<16, 10>> -> tensor<3x!lrnn.fixed<16, 10>>
  lrnn.output %d : tensor<3x!lrnn.fixed<16, 10>>
}
