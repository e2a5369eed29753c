// Every state is dead, but the zero readout also feeds a relu: one state
// (the first) stays so that the vectors are not empty.
lrnn.model @dead_block_kept(%u: tensor<3xf32>) -> tensor<3xf32> {
  %vr, %vi = lrnn.complex_project %u re(dense<[[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) im(dense<[[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) : tensor<3xf32> -> tensor<3xf32>
  // expected-remark @+1 {{removed 2 of 3 states (1 with zero B̄ rows, 1 with zero C̃ columns); 1 more is dead but kept so that the vectors stay non-empty}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6, 0.7]> : tensor<3xf32>, dense<[0.1, -0.2, 0.3]> : tensor<3xf32>) : tensor<3xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<3xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<[[1.0, 0.0, 1.0], [0.5, 0.0, 0.0], [0.0, 0.0, 2.0]]> : tensor<3x3xf32>) im(dense<[[0.5, 0.0, 0.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0]]> : tensor<3x3xf32>) kappa(2.0) : tensor<3xf32> -> tensor<3xf32>
  %r = lrnn.relu %y : tensor<3xf32>
  %s = lrnn.add %r, %u : tensor<3xf32>
  lrnn.output %s : tensor<3xf32>
}
