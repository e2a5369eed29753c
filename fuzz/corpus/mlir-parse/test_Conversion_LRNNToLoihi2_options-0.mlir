// SYSTEM: error: unknown system 'pohoiki'; known systems: oheo-gulch, kapoho-point, hala-point
// CONFIG: error: {{.*}}.missing: cannot open
lrnn.model @id(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  %y = lrnn.qrelu %u : tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}
