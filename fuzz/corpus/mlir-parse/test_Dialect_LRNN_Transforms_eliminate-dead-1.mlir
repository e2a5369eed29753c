// Nothing is dead: state 0 has zero B̄ rows but a real bias, state 2 zero B̄
// rows but an imaginary bias (the real one absent) and Λ̄ = 0.9i, state 1 is
// an ordinary state read by C̃. No remark, no change.
lrnn.model @kept(%u: tensor<3xf32>) -> tensor<2xf32> {
  %vr, %vi = lrnn.complex_project %u re(dense<[[0.0, 0.0, 0.0], [0.5, -1.0, 0.25], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) im(dense<[[0.0, 0.0, 0.0], [0.0, 0.5, 0.0], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) bias_re(dense<[0.5, 0.0, 0.0]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %wr, %wi = lrnn.complex_project %u re(dense<0.0> : tensor<3x3xf32>) im(dense<0.0> : tensor<3x3xf32>) bias_im(dense<[0.0, 0.0, 0.25]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %sr = lrnn.add %vr, %wr : tensor<3xf32>
  %si = lrnn.add %vi, %wi : tensor<3xf32>
  %xr, %xi = lrnn.diag_recurrence %sr, %si lambda(dense<[0.5, 0.9, 0.0]> : tensor<3xf32>, dense<[0.5, -0.1, 0.9]> : tensor<3xf32>) : tensor<3xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<[[1.0, 1.0, 0.0], [0.0, 2.0, 1.0]]> : tensor<2x3xf32>) im(dense<[[0.5, 0.0, 1.0], [0.0, 0.0, 0.0]]> : tensor<2x3xf32>) kappa(1.0) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
