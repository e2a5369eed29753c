// crelu keeps element k when re > 0, or re == 0 and im > 0 (also for
// re == -0.0), and zeroes both parts otherwise.

// Columns: (1, -2) kept, (-1, 3) dropped, (0, 2) kept, (0, 0) dropped,
// (0, -1) dropped, (-0, 1) kept, (2.5, 0) kept, (1e-30, -4) kept.

// The input is [re; im]; the output [re'; im'].
lrnn.model @crelu(%u: tensor<16xf32>) -> tensor<16xf32> {
  %re = lrnn.project %u weight(#lrnn.sparse<[8, 16], nnz = 8, density = 0.0625, indices = dense<[[0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6], [7, 7]]> : tensor<8x2xi32>, values = dense<1.0> : tensor<8xf32>>) : tensor<16xf32> -> tensor<8xf32>
  %im = lrnn.project %u weight(#lrnn.sparse<[8, 16], nnz = 8, density = 0.0625, indices = dense<[[0, 8], [1, 9], [2, 10], [3, 11], [4, 12], [5, 13], [6, 14], [7, 15]]> : tensor<8x2xi32>, values = dense<1.0> : tensor<8xf32>>) : tensor<16xf32> -> tensor<8xf32>
  %cr, %ci = lrnn.crelu %re, %im : tensor<8xf32>
  %top = lrnn.project %cr weight(#lrnn.sparse<[16, 8], nnz = 8, density = 0.0625, indices = dense<[[0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6], [7, 7]]> : tensor<8x2xi32>, values = dense<1.0> : tensor<8xf32>>) : tensor<8xf32> -> tensor<16xf32>
  %bottom = lrnn.project %ci weight(#lrnn.sparse<[16, 8], nnz = 8, density = 0.0625, indices = dense<[[8, 0], [9, 1], [10, 2], [11, 3], [12, 4], [13, 5], [14, 6], [15, 7]]> : tensor<8x2xi32>, values = dense<1.0> : tensor<8xf32>>) : tensor<8xf32> -> tensor<16xf32>
  %y = lrnn.add %top, %bottom : tensor<16xf32>
  lrnn.output %y : tensor<16xf32>
}
