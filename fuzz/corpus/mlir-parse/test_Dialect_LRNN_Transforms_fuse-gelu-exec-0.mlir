// Fused gelu (erf and tanh forms) against lrnn.gelu in the interpreter, on
// x in [-12, 12] in steps of 1/1024, element by element: the relative error
// must stay below 1e-6 also in the tails, where 1 + erf(.) and 1 + tanh(.)
// nearly cancel and amplify any error of the constants (with the constants
// rounded to f32 it was about 7e-4 there).
// REL: max relative error ok

lrnn.model @gelu(%u: tensor<4xf32>) -> tensor<8xf32> {
  // Doubling is exact, so the relative error of each gelu reaches the output.
  %e = lrnn.gelu %u approximation(erf) : tensor<4xf32>
  %e2 = lrnn.add %e, %e : tensor<4xf32>
  %t = lrnn.gelu %u approximation(tanh) : tensor<4xf32>
  %t2 = lrnn.add %t, %t : tensor<4xf32>
  %top = lrnn.project %e2 weight(#lrnn.sparse<[8, 4], nnz = 4, density = 0.125, indices = dense<[[0, 0], [1, 1], [2, 2], [3, 3]]> : tensor<4x2xi32>, values = dense<1.0> : tensor<4xf32>>) : tensor<4xf32> -> tensor<8xf32>
  %bottom = lrnn.project %t2 weight(#lrnn.sparse<[8, 4], nnz = 4, density = 0.125, indices = dense<[[4, 0], [5, 1], [6, 2], [7, 3]]> : tensor<4x2xi32>, values = dense<1.0> : tensor<4xf32>>) : tensor<4xf32> -> tensor<8xf32>
  %y = lrnn.add %top, %bottom : tensor<8xf32>
  lrnn.output %y : tensor<8xf32>
}
