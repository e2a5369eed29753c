lrnn.model @readout_weight_re_inf(%u: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'lrnn.complex_readout' op weight_re: non-finite value inf at (2, 1)}}
  %y = lrnn.complex_readout %u, %u re(#lrnn.sparse<[3, 2], nnz = 1, density = 0.1667, indices = dense<[[2, 1]]> : tensor<1x2xi32>, values = dense<[0x7F800000]> : tensor<1xf32>>) im(dense<1.0> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  lrnn.output %y : tensor<3xf32>
}
