// A = 18, 2^17 = 131072. Row [3, -1] at 16-bit input: 4 · 32767 = 131068;
// e_acc = 5 + 12 = 17, bias at exponent 16 shifted by 1: bias 1 adds 2
// (131070, accepted), bias 2 adds 4 (131072 = 2^17, rejected).
lrnn.model @project_edge_a18(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 18 : i32} {
  %ok = lrnn.qproject %u weight(dense<[[3, -1]]> : tensor<1x2xi8> exp 5) bias(dense<[-1]> : tensor<1xi16> exp 16) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qproject' op weight: row 0 may reach 131072, beyond the 18-bit accumulator (lower the weight exponent)}}
  %y = lrnn.qproject %u weight(dense<[[3, -1]]> : tensor<1x2xi8> exp 5) bias(dense<[-2]> : tensor<1xi16> exp 16) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
