// Codes in a blob are checked too: 0x0C, 0x80 = 12, -128.
lrnn.model @blob_minus_128(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: code -128 at (0, 1) is outside the symmetric 8-bit range ±127}}
  %y = lrnn.qproject %u weight(dense_resource<w> : tensor<1x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
{-#
  dialect_resources: {
    builtin: {
      w: "0x010000000C80"
    }
  }
#-}
