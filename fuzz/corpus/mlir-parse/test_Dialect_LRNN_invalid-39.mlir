//===----------------------------------------------------------------------===//
// lrnn.project: bias
//===----------------------------------------------------------------------===//

lrnn.model @bias_size(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op bias: expected 2 elements, got 3}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) bias(dense<0.5> : tensor<3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
