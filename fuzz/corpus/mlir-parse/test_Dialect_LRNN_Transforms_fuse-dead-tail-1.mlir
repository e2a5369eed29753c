// A dead chain next to a live one: only the live one is fused.
lrnn.model @dead_and_live(%u: tensor<2xf32>) -> tensor<2xf32> {
  %g = lrnn.gelu %u approximation(erf) : tensor<2xf32>
  %d = lrnn.add %g, %g : tensor<2xf32>
  // expected-remark @+1 {{fused 2 element-wise ops}}
  %r = lrnn.relu %u : tensor<2xf32>
  %s = lrnn.sigmoid %r : tensor<2xf32>
  lrnn.output %s : tensor<2xf32>
}
