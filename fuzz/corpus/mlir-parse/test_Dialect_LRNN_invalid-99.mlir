//===----------------------------------------------------------------------===//
// lrnn.crelu
//===----------------------------------------------------------------------===//

lrnn.model @crelu_types(%u: tensor<2xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<1.0> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  // expected-error @+1 {{'lrnn.crelu' op requires the same type for all operands and results}}
  %cr, %ci = "lrnn.crelu"(%u, %h) : (tensor<2xf32>, tensor<3xf32>) -> (tensor<2xf32>, tensor<2xf32>)
  lrnn.output %cr : tensor<2xf32>
}
