lrnn.model @fused_no_result(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.fused_project' op must have at least one result}}
  "lrnn.fused_project"(%u) <{weight = dense<1.0> : tensor<2x2xf32>, sizes = array<i64>}> : (tensor<2xf32>) -> ()
  lrnn.output %u : tensor<2xf32>
}
