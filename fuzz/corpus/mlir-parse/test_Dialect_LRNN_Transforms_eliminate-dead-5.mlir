// Channel 1 of %h is unused (column 1 of both consumers is zero); channel 2
// is constant (zero weight row, bias 0.5): 0.5 * column 2 moves into the
// consumers' biases, created for the complex projection:
// [0.25 + 2 * 0.5, 0 - 4 * 0.5], re [0.5 * 1, 0], im [0.5 * -2, 0].
lrnn.model @channels(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-remark @+1 {{removed 2 of 4 channels of lrnn.project (1 unused, 1 constant)}}
  %h = lrnn.project %u weight(#lrnn.sparse<[4, 3], nnz = 6, density = 0.5, indices = dense<[[0, 0], [0, 2], [1, 0], [1, 1], [3, 1], [3, 2]]> : tensor<6x2xi32>, values = dense<[1.0, -0.5, 0.75, 0.25, 1.5, -1.0]> : tensor<6xf32>>) bias(dense<[0.125, -0.25, 0.5, 0.0]> : tensor<4xf32>) : tensor<3xf32> -> tensor<4xf32>
  %p = lrnn.project %h weight(dense<[[1.0, 0.0, 2.0, -1.0], [0.5, 0.0, -4.0, 0.25]]> : tensor<2x4xf32>) bias(dense<[0.25, 0.0]> : tensor<2xf32>) : tensor<4xf32> -> tensor<2xf32>
  %vr, %vi = lrnn.complex_project %h re(dense<[[0.5, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 1.0]]> : tensor<2x4xf32>) im(dense<[[0.0, 0.0, -2.0, 0.5], [1.0, 0.0, 0.0, 0.0]]> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.9]> : tensor<2xf32>, dense<[0.5, -0.1]> : tensor<2xf32>) : tensor<2xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<[[1.0, 0.5], [0.25, 1.0]]> : tensor<2x2xf32>) im(dense<[[0.5, 0.0], [0.0, -1.0]]> : tensor<2x2xf32>) kappa(1.0) : tensor<2xf32> -> tensor<2xf32>
  %o = lrnn.add %p, %y : tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}
