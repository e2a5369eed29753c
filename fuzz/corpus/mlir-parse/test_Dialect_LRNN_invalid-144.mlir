lrnn.model @elementwise_tensor_arith(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'arith.constant' op must compute on f32 scalars in an lrnn.elementwise body, got 'tensor<2xf32>'}}
    %t = arith.constant dense<1.0> : tensor<2xf32>
    lrnn.yield %x : f32
  }
  lrnn.output %e : tensor<2xf32>
}
