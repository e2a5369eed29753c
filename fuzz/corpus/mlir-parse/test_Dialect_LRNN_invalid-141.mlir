lrnn.model @elementwise_lrnn_op_not_allowed(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'lrnn.elementwise' op is not allowed in an lrnn.elementwise body}}
    %n = "lrnn.elementwise"() ({
      %c = arith.constant 1.0 : f32
      lrnn.yield %c : f32
    }) : () -> tensor<2xf32>
    lrnn.yield %x : f32
  }
  lrnn.output %e : tensor<2xf32>
}
