lrnn.model @mul_24_24_a46(%u: tensor<2x!lrnn.fixed<24, 20>>) -> tensor<2x!lrnn.fixed<24, 20>> attributes {accumulator_bits = 46 : i32} {
  // expected-error @+1 {{'lrnn.qmul' op the product of 24- and 24-bit values may exceed the 46-bit accumulator}}
  %m = lrnn.qmul %u, %u : tensor<2x!lrnn.fixed<24, 20>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 20>>
  lrnn.output %m : tensor<2x!lrnn.fixed<24, 20>>
}
