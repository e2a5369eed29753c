lrnn.model @elementwise_result_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.elementwise' op inputs and results must all have 2 elements, got 'tensor<4xf32>'}}
  %e, %f = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32>, tensor<4xf32> {
  ^bb0(%x: f32):
    lrnn.yield %x, %x : f32, f32
  }
  lrnn.output %e : tensor<2xf32>
}
