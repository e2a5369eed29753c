// qcomplex_readout: both matrices sum into one accumulator. 2 + 2 = 4 weights
// of magnitude 1 give 131068 < 2^17; 2 + 3 give 163835.
lrnn.model @readout_both_matrices(%x: tensor<2x!lrnn.fixed<16, 10>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 18 : i32} {
  %ok = lrnn.qcomplex_readout %x, %x re(dense<[[1, -1]]> : tensor<1x2xi8>) im(dense<[[-1, 1]]> : tensor<1x2xi8>) exp 0 : tensor<2x!lrnn.fixed<16, 10>> -> tensor<1x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qcomplex_readout' op weight: row 0 may reach 163835, beyond the 18-bit accumulator (lower the weight exponent)}}
  %y = lrnn.qcomplex_readout %x, %x re(dense<[[1, -1]]> : tensor<1x2xi8>) im(#lrnn.sparse<[1, 2], nnz = 1, density = 0.5, indices = dense<[[0, 1]]> : tensor<1x2xi32>, values = dense<[-3]> : tensor<1xi8>>) exp 0 : tensor<2x!lrnn.fixed<16, 10>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
