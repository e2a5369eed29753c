// Only the first factor has a bias: it is carried through B.
lrnn.model @first_bias(%u: tensor<2xf32>) -> tensor<2xf32> {
  %a = lrnn.project %u weight(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) bias(dense<[1.0, 2.0]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{multiplied out with the preceding lrnn.project}}
  %b = lrnn.project %a weight(dense<[[2.0, 0.0], [0.0, 3.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}
