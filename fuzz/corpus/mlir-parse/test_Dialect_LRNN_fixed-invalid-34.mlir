lrnn.model @blob_missing(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: resource 'nowhere' has no data (elided or missing)}}
  %y = lrnn.qproject %u weight(dense_resource<nowhere> : tensor<1x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
