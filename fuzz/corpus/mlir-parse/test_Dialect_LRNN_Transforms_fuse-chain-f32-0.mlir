// Multiplying out two projections stores the product (and the folded bias)
// as f32. When an entry would overflow to inf (invalid IR) or a non-zero
// entry would round to zero or to a subnormal (a silent change), the
// projections stay apart, with a remark naming the entry.

lrnn.model @overflow(%u: tensor<2xf32>) -> tensor<2xf32> {
  %a = lrnn.project %u weight(dense<[[1.0e30, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{kept separate from the preceding lrnn.project: product weight entry (0, 0) = 1e+60 overflows f32}}
  %b = lrnn.project %a weight(dense<[[1.0e30, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}
