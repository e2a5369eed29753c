// gelu with the exact erf form and with the tanh approximation, at 1, -1, 0
// and 3 (outputs rounded to float32):
//   erf:  0.5 x (1 + erf(x / sqrt(2)))
//   tanh: 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))


lrnn.model @gelu(%u: tensor<4xf32>) -> tensor<8xf32> {
  %e = lrnn.gelu %u approximation(erf) : tensor<4xf32>
  %t = lrnn.gelu %u approximation(tanh) : tensor<4xf32>
  %top = lrnn.project %e weight(#lrnn.sparse<[8, 4], nnz = 4, density = 0.125, indices = dense<[[0, 0], [1, 1], [2, 2], [3, 3]]> : tensor<4x2xi32>, values = dense<1.0> : tensor<4xf32>>) : tensor<4xf32> -> tensor<8xf32>
  %bottom = lrnn.project %t weight(#lrnn.sparse<[8, 4], nnz = 4, density = 0.125, indices = dense<[[4, 0], [5, 1], [6, 2], [7, 3]]> : tensor<4x2xi32>, values = dense<1.0> : tensor<4xf32>>) : tensor<4xf32> -> tensor<8xf32>
  %y = lrnn.add %top, %bottom : tensor<8xf32>
  lrnn.output %y : tensor<8xf32>
}
