lrnn.model @elementwise_sizes(%u: tensor<2xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<1.0> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  // expected-error @+1 {{'lrnn.elementwise' op inputs and results must all have 2 elements, got 'tensor<3xf32>'}}
  %e = lrnn.elementwise (%u, %h) : tensor<2xf32>, tensor<3xf32> -> tensor<2xf32> {
  ^bb0(%x: f32, %y: f32):
    lrnn.yield %x : f32
  }
  lrnn.output %e : tensor<2xf32>
}
