lrnn.model @weight_f32(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: expected codes of type i8, i16 or i32, got 'f32'}}
  %y = lrnn.qproject %u weight(dense<[[1.0, 2.0]]> : tensor<1x2xf32> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
