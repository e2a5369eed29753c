lrnn.model @bias_inf(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op bias: non-finite value inf at index 0}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) bias(dense<[0x7F800000, 1.0]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
