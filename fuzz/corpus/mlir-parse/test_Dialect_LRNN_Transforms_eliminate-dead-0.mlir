//
// Every model reads a tensor<3xf32>; eliminate-dead-exec.test runs each one
// before and after the pass.

// State 1 has zero B̄ rows (dense re, sparse im) and no bias: it stays zero
// and crelu(0) = 0, so it goes with its Λ̄ entries and C̃ columns. Weights
// keep their storage; sparse positions are renumbered.
lrnn.model @zero_b_row(%u: tensor<3xf32>) -> tensor<2xf32> {
  %vr, %vi = lrnn.complex_project %u re(dense<[[1.0, 0.0, 2.0], [0.0, 0.0, 0.0], [0.5, 0.5, 0.0]]> : tensor<3x3xf32>) im(#lrnn.sparse<[3, 3], nnz = 2, density = 0.2222, indices = dense<[[0, 1], [2, 2]]> : tensor<2x2xi32>, values = dense<[1.0, 0.25]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<3xf32>
  // expected-remark @+1 {{removed 1 of 3 states (1 with zero B̄ rows, 0 with zero C̃ columns)}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.9, 0.8, 0.7]> : tensor<3xf32>, dense<[0.1, 0.2, 0.3]> : tensor<3xf32>) : tensor<3xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<3xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>) im(#lrnn.sparse<[2, 3], nnz = 3, density = 0.5, indices = dense<[[0, 0], [0, 1], [1, 2]]> : tensor<3x2xi32>, values = dense<[0.5, 0.25, 1.0]> : tensor<3xf32>>) kappa(2.0) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
