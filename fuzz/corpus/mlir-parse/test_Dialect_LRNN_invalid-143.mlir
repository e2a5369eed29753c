func.func @elementwise_captures_scalar(%a: tensor<2xf32>, %s: f32) -> tensor<2xf32> {
  // expected-note @+1 {{required by region isolation constraints}}
  %e = lrnn.elementwise (%a) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'arith.mulf' op using value defined outside the region}}
    %y = arith.mulf %x, %s : f32
    lrnn.yield %y : f32
  }
  return %e : tensor<2xf32>
}
