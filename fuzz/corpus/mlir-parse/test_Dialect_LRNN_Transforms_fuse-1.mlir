// A GLU with gate and value projections of the same vector: one operator.
// D ⊙ z alone (no projection of z) stays a scale.
lrnn.model @glu_full(%u: tensor<2xf32>) -> tensor<2xf32> {
  %d = lrnn.scale %u by(dense<[1.0, 2.0]> : tensor<2xf32>) : tensor<2xf32>
  // expected-remark @+1 {{fused 2 linear ops (2 matrices, 6 non-zeros) reading one vector}}
  %g = lrnn.project %d weight(dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>) bias(dense<1.0> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  %v = lrnn.project %d weight(dense<[[0.5, 0.0], [0.0, 0.5]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{fused 2 element-wise ops}}
  %s = lrnn.sigmoid %g : tensor<2xf32>
  %m = lrnn.mul %v, %s : tensor<2xf32>
  lrnn.output %m : tensor<2xf32>
}
