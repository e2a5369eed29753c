lrnn.model @complex_project_weight_im(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op weight_im: expected a 2x3 weight, got 2x4}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x3xf32>) im(#lrnn.sparse<[2, 4], nnz = 1, density = 0.125, indices = dense<[[0, 3]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %vr : tensor<2xf32>
}
