// All-zero matrices. The encoder's weight is zero, so every channel is a
// constant; one is kept (vectors are never empty) and the others are folded
// into the decoder's bias: [2 * -0.25 + 3 * 1, 1 + 0.5 * -0.25 + 0.25 * 1].
// B̄ (dense and sparse with no entry) and C̃ are zero: the block goes.
lrnn.model @all_zero(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-remark @+1 {{removed 2 of 3 channels of lrnn.project (0 unused, 2 constant); 1 more is dead but kept so that the vectors stay non-empty}}
  %h = lrnn.project %u weight(dense<0.0> : tensor<3x3xf32>) bias(dense<[0.5, -0.25, 1.0]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %vr, %vi = lrnn.complex_project %h re(dense<0.0> : tensor<2x3xf32>) im(#lrnn.sparse<[2, 3], nnz = 0, density = 0.0, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) : tensor<3xf32> -> tensor<2xf32>
  // expected-remark @+1 {{removed 2 of 2 states (2 with zero B̄ rows, 0 with zero C̃ columns); the block's readout is zero, so the block is removed with them}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<2xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<0.0> : tensor<3x2xf32>) im(dense<0.0> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  %s = lrnn.add %y, %h : tensor<3xf32>
  %o = lrnn.project %s weight(dense<[[1.0, 2.0, 3.0], [-1.0, 0.5, 0.25]]> : tensor<2x3xf32>) bias(dense<[0.0, 1.0]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  %q = lrnn.project %u weight(dense<[[0.5, 0.0, -0.5], [0.0, 1.0, 0.0]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  %t = lrnn.add %o, %q : tensor<2xf32>
  lrnn.output %t : tensor<2xf32>
}
