lrnn.model @add_types(%u: tensor<2xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<1.0> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  // expected-error @+1 {{'lrnn.add' op requires the same type for all operands and results}}
  %s = "lrnn.add"(%u, %h) : (tensor<2xf32>, tensor<3xf32>) -> tensor<2xf32>
  lrnn.output %s : tensor<2xf32>
}
