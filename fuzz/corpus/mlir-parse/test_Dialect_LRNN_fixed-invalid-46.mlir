// e_acc = weight_exp + e(x) = 9 + 12 = 21: bias_exp 21 is accepted, 22 not.
lrnn.model @bias_finer(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  %ok = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 9) bias(dense<[5]> : tensor<1xi16> exp 21) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qproject' op bias_exp = 22 is finer than the accumulator's exponent 21 (aligning it would need a rounding shift)}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 9) bias(dense<[5]> : tensor<1xi16> exp 22) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
