func.func @output_outside_model(%a: tensor<2xf32>) {
  // expected-error @+1 {{'lrnn.output' op expects parent op 'lrnn.model'}}
  lrnn.output %a : tensor<2xf32>
}
