// Multiplying out two projections gives the product a bias only when a
// factor had one: (B (A x + a)) + b has the bias B a + b, and without a or b
// no bias at all (not an explicit zero vector).

lrnn.model @no_bias(%u: tensor<2xf32>) -> tensor<2xf32> {
  %a = lrnn.project %u weight(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{multiplied out with the preceding lrnn.project}}
  %b = lrnn.project %a weight(dense<[[2.0, 0.0], [0.0, 3.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}
