lrnn.model @scale_result_size(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<3x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qscale' op result must have the input's 2 elements}}
  %y = lrnn.qscale %u factor(dense<[1, 2, 3]> : tensor<3xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<3x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<3x!lrnn.fixed<16, 12>>
}

//===----------------------------------------------------------------------===//
// Bias codes (i8/i16, symmetric) and exponents (never finer than the
// accumulator)
//===----------------------------------------------------------------------===//
