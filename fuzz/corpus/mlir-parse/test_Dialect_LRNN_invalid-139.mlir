lrnn.model @elementwise_argument_type(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.elementwise' op body arguments must be f32, got 'f64'}}
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f64):
    %y = arith.truncf %x : f64 to f32
    lrnn.yield %y : f32
  }
  lrnn.output %e : tensor<2xf32>
}
