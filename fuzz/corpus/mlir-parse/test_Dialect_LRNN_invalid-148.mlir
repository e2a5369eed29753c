lrnn.model @elementwise_yield_count(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e, %f = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'lrnn.yield' op yields 1 values for 2 results}}
    lrnn.yield %x : f32
  }
  lrnn.output %e : tensor<2xf32>
}
