// The body sees its arguments only: it is isolated from above.
lrnn.model @elementwise_captures_tensor(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-note @+1 {{required by region isolation constraints}}
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'lrnn.relu' op using value defined outside the region}}
    %r = lrnn.relu %u : tensor<2xf32>
    lrnn.yield %x : f32
  }
  lrnn.output %e : tensor<2xf32>
}
