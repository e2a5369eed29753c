//===----------------------------------------------------------------------===//
// #lrnn.sparse positions and values (checked by the op that uses it)
//===----------------------------------------------------------------------===//

lrnn.model @sparse_row_out_of_range(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: sparse position (2, 0) is out of range for a 2x3 matrix}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 2, density = 0.3333, indices = dense<[[0, 1], [2, 0]]> : tensor<2x2xi32>, values = dense<[1.0, 2.0]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
