// expected-error @+1 {{!lrnn.fixed: exponent must be in [-128, 127], got 200}}
func.func @exponent(%a: tensor<4x!lrnn.fixed<16, 200>>) {
  return
}
