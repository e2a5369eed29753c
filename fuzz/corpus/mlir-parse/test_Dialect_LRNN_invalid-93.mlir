lrnn.model @lambda_re_nan(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.diag_recurrence' op lambda_re: non-finite value nan at index 1}}
  %xr, %xi = lrnn.diag_recurrence %u, %u lambda(dense<[0.5, 0x7FC00000]> : tensor<2xf32>, dense<0.5> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %xr : tensor<2xf32>
}
