// Only operands of equal width and exponent with A <= w can overflow: for
// w = A = 24 at exponent 20, e_m = 19 and each aligned operand reaches
// rescale(M(24), 1) = 2^22, together 2^23 = 2^(A-1).
lrnn.model @add_equal_exponents(%u: tensor<2x!lrnn.fixed<24, 20>>) -> tensor<2x!lrnn.fixed<24, 20>> attributes {accumulator_bits = 24 : i32} {
  // expected-error @+1 {{'lrnn.qadd' op the sum may exceed the 24-bit accumulator (exponents 20 and 20)}}
  %a = lrnn.qadd %u, %u : tensor<2x!lrnn.fixed<24, 20>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 20>>
  lrnn.output %a : tensor<2x!lrnn.fixed<24, 20>>
}
