// A residual channel: the encoder's row 2 is zero (bias 0.5), C̃'s row 2 and
// D[2] are zero, so y[2] = a[2] = 0, the gate g[2] = a[2] σ(...) = 0 and the
// residual sum r[2] = 0.5 whatever the gate projection computes. The channel
// goes from every vector of the stream; 0.5 times column 2 of B̄ and of the
// decoder moves into their biases (re [0.25, -0.5], im [0, 1], decoder
// [0 + 2 * 0.5, 0.5 - 0.5 * 0.5]); the gate's column 2 reads a[2] = 0.
lrnn.model @residual_channel(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-remark @+1 {{removed 1 of 3 channels of lrnn.project (0 unused, 1 constant)}}
  %h = lrnn.project %u weight(dense<[[1.0, 0.5, 0.0], [0.0, -1.0, 0.5], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) bias(dense<[0.125, -0.25, 0.5]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %vr, %vi = lrnn.complex_project %h re(dense<[[1.0, 0.0, 0.5], [0.0, 1.0, -1.0]]> : tensor<2x3xf32>) im(dense<[[0.0, 0.5, 0.0], [0.25, 0.0, 2.0]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<2xf32>
  // expected-remark @+1 {{removed 1 of 3 channels of lrnn.complex_readout (0 unused, 1 constant)}}
  %y = lrnn.complex_readout %cr, %ci re(dense<[[1.0, 0.5], [0.5, -1.0], [0.0, 0.0]]> : tensor<3x2xf32>) im(dense<[[0.5, 0.0], [0.0, 0.25], [0.0, 0.0]]> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  %d = lrnn.scale %h by(dense<[1.0, 0.5, 0.0]> : tensor<3xf32>) : tensor<3xf32>
  %s = lrnn.add %y, %d : tensor<3xf32>
  %a = lrnn.relu %s : tensor<3xf32>
  // expected-remark @+1 {{removed 1 of 3 channels of lrnn.project (1 unused, 0 constant)}}
  %p = lrnn.project %a weight(dense<[[0.5, 0.25, 1.0], [-0.5, 1.0, 0.0], [1.0, 1.0, 1.0]]> : tensor<3x3xf32>) bias(dense<[0.0, 0.125, 0.25]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %sg = lrnn.sigmoid %p : tensor<3xf32>
  %g = lrnn.mul %a, %sg : tensor<3xf32>
  %r = lrnn.add %g, %h : tensor<3xf32>
  %o = lrnn.project %r weight(dense<[[1.0, -1.0, 2.0], [0.5, 0.25, -0.5]]> : tensor<2x3xf32>) bias(dense<[0.0, 0.5]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}
