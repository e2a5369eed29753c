//===----------------------------------------------------------------------===//
// lrnn.complex_readout
//===----------------------------------------------------------------------===//

lrnn.model @readout_kappa_nan(%u: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'lrnn.complex_readout' op kappa must be finite}}
  %y = lrnn.complex_readout %u, %u re(dense<1.0> : tensor<3x2xf32>) im(dense<1.0> : tensor<3x2xf32>) kappa(0x7FC00000) : tensor<2xf32> -> tensor<3xf32>
  lrnn.output %y : tensor<3xf32>
}
