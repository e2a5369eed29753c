// An S5 block: the complex projection, recurrence and crelu in one group
// (two ports, two outputs: real and imaginary parts), the readout with
// W_re and -W_im summed in one port, then two scales in the same group.
// v_re: e_acc = 8 + 12 = 20, bias at 15 (<< 5), narrow to 14 (>> 6).
// v_im: e_acc = 9 + 12 = 21, bias at 14 (<< 7), narrow to 14 (>> 7).
// §4.4: each product rescaled by e_L = 15, the input aligned 14 -> 13.
// crelu (§4.6): keep where re > 0, or re == 0 and im > 0.
// The readout (e_W 7 + e_x 13 - e_y 11 = 9), then D ⊙ y + c twice.
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
