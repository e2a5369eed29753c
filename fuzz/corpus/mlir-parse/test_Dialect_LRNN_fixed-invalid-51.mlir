lrnn.model @bias_im_without_exp(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_project' op weight_im: a bias needs an exponent and an exponent needs a bias}}
  %r, %i = "lrnn.qcomplex_project"(%u) <{weight_re = dense<1> : tensor<1x2xi8>, weight_re_exp = 0 : si32, weight_im = dense<1> : tensor<1x2xi8>, weight_im_exp = 0 : si32, bias_im = dense<[1]> : tensor<1xi16>}> : (tensor<2x!lrnn.fixed<16, 12>>) -> (tensor<1x!lrnn.fixed<16, 12>>, tensor<1x!lrnn.fixed<16, 12>>)
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 12>>
}

//===----------------------------------------------------------------------===//
// Accumulator rows (§8.2): Σ_k |q_W[r,k]| · M(w_in) + |q_b[r]| · 2^(e_acc - e_b) < 2^(A-1)
//===----------------------------------------------------------------------===//
