// relu, sigmoid, scale, add and mul, element by element.

// relu:
// sigmoid: 1/2 at 0, 1 / (1 + e^-2), 1 / (1 + e^2), 1 within float32 at 20.
// scale by (1, -1, 0.5, 0, 4), then add the input:
// mul of relu and input (relu(-2) * -2 = -0.0, made +0.0 by the stacking
// projection, whose sums start from +0.0):

lrnn.model @elementwise(%u: tensor<5xf32>) -> tensor<20xf32> {
  %r = lrnn.relu %u : tensor<5xf32>
  %s = lrnn.sigmoid %u : tensor<5xf32>
  %d = lrnn.scale %u by(dense<[1.0, -1.0, 0.5, 0.0, 4.0]> : tensor<5xf32>) : tensor<5xf32>
  %a = lrnn.add %d, %u : tensor<5xf32>
  %m = lrnn.mul %r, %u : tensor<5xf32>
  // Stack [r; s; a; m] with four placements.
  %p0 = lrnn.project %r weight(#lrnn.sparse<[20, 5], nnz = 5, density = 0.05, indices = dense<[[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]> : tensor<5x2xi32>, values = dense<1.0> : tensor<5xf32>>) : tensor<5xf32> -> tensor<20xf32>
  %p1 = lrnn.project %s weight(#lrnn.sparse<[20, 5], nnz = 5, density = 0.05, indices = dense<[[5, 0], [6, 1], [7, 2], [8, 3], [9, 4]]> : tensor<5x2xi32>, values = dense<1.0> : tensor<5xf32>>) : tensor<5xf32> -> tensor<20xf32>
  %p2 = lrnn.project %a weight(#lrnn.sparse<[20, 5], nnz = 5, density = 0.05, indices = dense<[[10, 0], [11, 1], [12, 2], [13, 3], [14, 4]]> : tensor<5x2xi32>, values = dense<1.0> : tensor<5xf32>>) : tensor<5xf32> -> tensor<20xf32>
  %p3 = lrnn.project %m weight(#lrnn.sparse<[20, 5], nnz = 5, density = 0.05, indices = dense<[[15, 0], [16, 1], [17, 2], [18, 3], [19, 4]]> : tensor<5x2xi32>, values = dense<1.0> : tensor<5xf32>>) : tensor<5xf32> -> tensor<20xf32>
  %q0 = lrnn.add %p0, %p1 : tensor<20xf32>
  %q1 = lrnn.add %p2, %p3 : tensor<20xf32>
  %y = lrnn.add %q0, %q1 : tensor<20xf32>
  lrnn.output %y : tensor<20xf32>
}
