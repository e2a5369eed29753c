lrnn.model @elementwise_argument_count(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.elementwise' op body must take one argument per input (2), got 1}}
  %e = lrnn.elementwise (%u, %u) : tensor<2xf32>, tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    lrnn.yield %x : f32
  }
  lrnn.output %e : tensor<2xf32>
}
