//===----------------------------------------------------------------------===//
// lrnn.diag_recurrence
//===----------------------------------------------------------------------===//

lrnn.model @lambda_re_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.diag_recurrence' op lambda_re: expected 2 elements, got 3}}
  %xr, %xi = lrnn.diag_recurrence %u, %u lambda(dense<0.5> : tensor<3xf32>, dense<0.5> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %xr : tensor<2xf32>
}
