//===----------------------------------------------------------------------===//
// lrnn.output
//===----------------------------------------------------------------------===//

lrnn.model @output_size(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.output' op output of type 'tensor<3xf32>' does not match the model's output type 'tensor<2xf32>'}}
  lrnn.output %u : tensor<3xf32>
}
