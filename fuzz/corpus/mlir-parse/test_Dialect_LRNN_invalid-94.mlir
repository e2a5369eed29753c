lrnn.model @lambda_im_minus_inf(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.diag_recurrence' op lambda_im: non-finite value -inf at index 0}}
  %xr, %xi = lrnn.diag_recurrence %u, %u lambda(dense<0.5> : tensor<2xf32>, dense<[0xFF800000, 0.1]> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %xr : tensor<2xf32>
}
