lrnn.model @lambda_im_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.diag_recurrence' op lambda_im: expected 2 elements, got 1}}
  %xr, %xi = lrnn.diag_recurrence %u, %u lambda(dense<0.5> : tensor<2xf32>, dense<0.5> : tensor<1xf32>) : tensor<2xf32>
  lrnn.output %xr : tensor<2xf32>
}
