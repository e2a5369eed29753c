lrnn.model @elementwise_op_not_allowed(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'math.log' op is not allowed in an lrnn.elementwise body}}
    %y = math.log %x : f32
    lrnn.yield %y : f32
  }
  lrnn.output %e : tensor<2xf32>
}
