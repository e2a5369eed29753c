lrnn.model @weight_i64(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: expected codes of type i8, i16 or i32, got 'i64'}}
  %y = lrnn.qproject %u weight(dense<[[1, 2]]> : tensor<1x2xi64> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
