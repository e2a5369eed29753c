//===----------------------------------------------------------------------===//
// lrnn.project: weight shape, element type and values
//===----------------------------------------------------------------------===//

lrnn.model @weight_rows(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected a 2x3 weight, got 4x3}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<4x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
