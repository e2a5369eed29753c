// Every state of the block is dead (zero B̄ rows, zero C̃ columns): its
// readout is zero, so y + D ⊙ z becomes D ⊙ z and the block goes.
lrnn.model @dead_block(%u: tensor<3xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<[[1.0, 0.5, 0.0], [0.0, -1.0, 0.5], [0.25, 0.0, 1.0]]> : tensor<3x3xf32>) bias(dense<[0.1, 0.2, 0.3]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %vr, %vi = lrnn.complex_project %h re(dense<[[0.0, 0.0, 0.0], [1.0, 0.0, 0.0]]> : tensor<2x3xf32>) im(dense<[[0.0, 0.0, 0.0], [0.0, 1.0, 0.0]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  // expected-remark @+1 {{removed 2 of 2 states (1 with zero B̄ rows, 1 with zero C̃ columns); the block's readout is zero, so the block is removed with them}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<2xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<[[1.0, 0.0], [0.5, 0.0], [0.0, 0.0]]> : tensor<3x2xf32>) im(dense<[[0.5, 0.0], [0.0, 0.0], [1.0, 0.0]]> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  %d = lrnn.scale %h by(dense<[1.0, 0.5, -1.0]> : tensor<3xf32>) : tensor<3xf32>
  %s = lrnn.add %y, %d : tensor<3xf32>
  %a = lrnn.relu %s : tensor<3xf32>
  %o = lrnn.project %a weight(dense<[[1.0, 1.0, 1.0], [0.5, -0.5, 0.25]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}
