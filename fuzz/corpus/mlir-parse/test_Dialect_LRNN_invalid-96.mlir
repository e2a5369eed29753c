lrnn.model @lambda_elided(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.diag_recurrence' op lambda_im: resource '__elided__' has no data (elided or missing)}}
  %xr, %xi = lrnn.diag_recurrence %u, %u lambda(dense<0.5> : tensor<2xf32>, dense_resource<__elided__> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %xr : tensor<2xf32>
}
