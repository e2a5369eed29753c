// The folded bias B a + b overflows (and, below, underflows) while the
// product of the weights fits.
lrnn.model @bias_overflow(%u: tensor<2xf32>) -> tensor<2xf32> {
  %a = lrnn.project %u weight(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) bias(dense<[1.0, 1.0e30]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{kept separate from the preceding lrnn.project: folded bias entry 1 = 1e+39 overflows f32}}
  %b = lrnn.project %a weight(dense<[[1.0, 0.0], [0.0, 1.0e9]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}
