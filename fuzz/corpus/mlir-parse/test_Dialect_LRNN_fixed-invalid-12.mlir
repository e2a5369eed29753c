func.func @q_op_outside_model(%x: tensor<2x!lrnn.fixed<16, 12>>) {
  // expected-error @+1 {{'lrnn.qrelu' op expects parent op 'lrnn.model'}}
  %r = lrnn.qrelu %x : tensor<2x!lrnn.fixed<16, 12>>
  return
}
