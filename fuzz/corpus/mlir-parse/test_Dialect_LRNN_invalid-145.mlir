lrnn.model @elementwise_f64_constant(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'arith.constant' op must compute on f32 scalars in an lrnn.elementwise body, got 'f64'}}
    %c = arith.constant 1.0 : f64
    lrnn.yield %x : f32
  }
  lrnn.output %e : tensor<2xf32>
}
