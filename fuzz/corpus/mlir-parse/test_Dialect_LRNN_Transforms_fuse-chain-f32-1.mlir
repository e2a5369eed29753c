lrnn.model @underflow(%u: tensor<2xf32>) -> tensor<2xf32> {
  %a = lrnn.project %u weight(dense<[[1.0e-30, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{kept separate from the preceding lrnn.project: product weight entry (0, 0) = 1e-60 underflows f32}}
  %b = lrnn.project %a weight(dense<[[1.0e-30, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}
