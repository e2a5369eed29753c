// expected-error @+1 {{!lrnn.fixed: width must be in [2, 64], got 1}}
func.func @narrow(%a: tensor<4x!lrnn.fixed<1, 0>>) {
  return
}
