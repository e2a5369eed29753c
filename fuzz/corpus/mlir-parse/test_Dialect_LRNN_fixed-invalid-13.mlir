lrnn.model @float_operand(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.qrelu' op operand #0 must be non-empty 1-D static tensor of !lrnn.fixed, but got 'tensor<2xf32>'}}
  %r = lrnn.qrelu %u : tensor<2xf32>
  lrnn.output %r : tensor<2xf32>
}

//===----------------------------------------------------------------------===//
// Exponent attributes: within [-128, 127]
//===----------------------------------------------------------------------===//
