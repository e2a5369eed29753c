// 1e-20 * 1e-20 = 1e-40 is not zero in f32 but subnormal.
lrnn.model @subnormal(%u: tensor<2xf32>) -> tensor<2xf32> {
  %a = lrnn.project %u weight(dense<[[1.0, 0.0], [0.0, 1.0e-20]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{kept separate from the preceding lrnn.project: product weight entry (1, 1) = 1e-40 underflows f32}}
  %b = lrnn.project %a weight(dense<[[1.0, 0.0], [0.0, 1.0e-20]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}
