lrnn.model @recurrence_types(%u: tensor<2xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<1.0> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  // expected-error @+1 {{'lrnn.diag_recurrence' op requires the same type for all operands and results}}
  %xr, %xi = "lrnn.diag_recurrence"(%u, %h) <{lambda_re = dense<0.5> : tensor<2xf32>, lambda_im = dense<0.5> : tensor<2xf32>}> : (tensor<2xf32>, tensor<3xf32>) -> (tensor<2xf32>, tensor<2xf32>)
  lrnn.output %xr : tensor<2xf32>
}
