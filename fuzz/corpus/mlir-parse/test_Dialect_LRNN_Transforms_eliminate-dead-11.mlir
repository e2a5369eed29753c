// The relu only fed the dead block: it goes once the block is gone.
lrnn.model @dead_block_input(%u: tensor<3xf32>) -> tensor<3xf32> {
  // expected-remark @+1 {{removed lrnn.relu: its result is unused}}
  %z = lrnn.relu %u : tensor<3xf32>
  %vr, %vi = lrnn.complex_project %z re(dense<0.0> : tensor<2x3xf32>) im(dense<0.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  // expected-remark @+1 {{removed 2 of 2 states (2 with zero B̄ rows, 0 with zero C̃ columns); the block's readout is zero, so the block is removed with them}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<1.0> : tensor<3x2xf32>) im(dense<1.0> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  %s = lrnn.add %y, %u : tensor<3xf32>
  lrnn.output %s : tensor<3xf32>
}
