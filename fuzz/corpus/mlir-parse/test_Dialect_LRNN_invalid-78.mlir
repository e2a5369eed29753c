// Printed densities have four decimals: 0.1666 is off by more than half a unit
// of the last place from 1/6.
lrnn.model @sparse_density_rounding(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: density = 1.666000e-01 disagrees with nnz / (rows * cols) = 1.666667e-01}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1666, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
