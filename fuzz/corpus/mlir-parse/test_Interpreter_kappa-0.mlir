// complex_readout computes kappa * (C_re re - C_im im).

// y = 2 * ([u0 + u1, u1] - [u1, 0]) = [2 u0, 2 u1]; z = -0.5 * y + 3 * ([0, y0] - 0)
//   = [-u0, 6 u0 - u1].

lrnn.model @kappa(%u: tensor<2xf32>) -> tensor<2xf32> {
  %y = lrnn.complex_readout %u, %u re(dense<[[1.0, 1.0], [0.0, 1.0]]> : tensor<2x2xf32>) im(dense<[[0.0, 1.0], [0.0, 0.0]]> : tensor<2x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<2xf32>
  %a = lrnn.complex_readout %y, %y re(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) im(dense<0.0> : tensor<2x2xf32>) kappa(-0.5) : tensor<2xf32> -> tensor<2xf32>
  %b = lrnn.complex_readout %y, %y re(#lrnn.sparse<[2, 2], nnz = 1, density = 0.25, indices = dense<[[1, 0]]> : tensor<1x2xi32>, values = dense<1.0> : tensor<1xf32>>) im(#lrnn.sparse<[2, 2], nnz = 0, density = 0.0, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) kappa(3.0) : tensor<2xf32> -> tensor<2xf32>
  %z = lrnn.add %a, %b : tensor<2xf32>
  lrnn.output %z : tensor<2xf32>
}
