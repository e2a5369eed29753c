// expected-error @+1 {{!lrnn.fixed: width must be in [2, 64], got 65}}
func.func @wide(%a: tensor<4x!lrnn.fixed<65, 0>>) {
  return
}
