lrnn.model @mul_sizes(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  %x = "test.source"() : () -> tensor<3x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qmul' op operands and result must have the same size}}
  %m = lrnn.qmul %u, %x : tensor<2x!lrnn.fixed<16, 12>>, tensor<3x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %m : tensor<2x!lrnn.fixed<16, 12>>
}

//===----------------------------------------------------------------------===//
// lrnn.qlut (§5, §8.7)
//===----------------------------------------------------------------------===//
