func.func @recurrence_outside_model(%a: tensor<2xf32>) {
  // expected-error @+1 {{'lrnn.diag_recurrence' op expects parent op 'lrnn.model'}}
  %xr, %xi = lrnn.diag_recurrence %a, %a lambda(dense<0.5> : tensor<2xf32>, dense<0.5> : tensor<2xf32>) : tensor<2xf32>
  return
}
