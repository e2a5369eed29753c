lrnn.model @elementwise_i1_constant(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'arith.constant' op must be a finite f32 constant in an lrnn.elementwise body}}
    %c = arith.constant true
    %y = arith.select %c, %x, %x : f32
    lrnn.yield %y : f32
  }
  lrnn.output %e : tensor<2xf32>
}
