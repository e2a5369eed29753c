// The fixed-point element type parses, prints and round-trips; its verifier
// bounds width and exponent.

func.func @fixed(%a: tensor<4x!lrnn.fixed<16, 12>>, %b: tensor<8x!lrnn.fixed<8, -3>>, %c: tensor<2x!lrnn.fixed<24, 0>>) {
  return
}
