// x_t = lambda x_{t-1} + v_t from the zero state, for lambda = 0.5 and
// lambda = i, on the input 1, 0, 0, 0, 2: the impulse response halves, or
// turns by a quarter, every step, and the last input adds to what is left.

// Each row: [Re x0, Re x1, Im x0, Im x1].

lrnn.model @recurrence(%u: tensor<1xf32>) -> tensor<4xf32> {
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x1xf32>) im(dense<0.0> : tensor<2x1xf32>) : tensor<1xf32> -> tensor<2xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.0]> : tensor<2xf32>, dense<[0.0, 1.0]> : tensor<2xf32>) : tensor<2xf32>
  // kappa * (C_re x_re - C_im x_im) with C_im = -[0; I] puts Im x below Re x.
  %y = lrnn.complex_readout %xr, %xi re(dense<[[1.0, 0.0], [0.0, 1.0], [0.0, 0.0], [0.0, 0.0]]> : tensor<4x2xf32>) im(dense<[[0.0, 0.0], [0.0, 0.0], [-1.0, 0.0], [0.0, -1.0]]> : tensor<4x2xf32>) kappa(1.0) : tensor<2xf32> -> tensor<4xf32>
  lrnn.output %y : tensor<4xf32>
}
