// lrnn.fused_project splits W x + b into pieces; lrnn.elementwise runs its
// scalar body on every element; complex_project and scale add their constant
// terms.

// x = [2, -1, 0] and y = [1, 3, -0.5] + 1 = [2, 4, 0.5]:
//   x < y ? x * y : x / y                 -> [1, -4, 0]
//   max(x, y) - min(x, y)                 -> [0, 5, 0.5]
//   sqrt(y), in float32                   -> [1.41421354, 2, 0.707106769]
// Re(v) of v = (1 + 0.5i) x + (0.25 - 1i), then 2 v_re + 0.5 (scale):
//   v_re = x + 0.25 = [2.25, -0.75, 0.25] -> [5, -1, 1]

lrnn.model @fused(%u: tensor<6xf32>) -> tensor<12xf32> {
  %x, %y = lrnn.fused_project %u weight(#lrnn.sparse<[6, 6], nnz = 6, density = 0.1667, indices = dense<[[0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5]]> : tensor<6x2xi32>, values = dense<1.0> : tensor<6xf32>>) bias(dense<[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]> : tensor<6xf32>) sizes [3, 3] : tensor<6xf32> -> tensor<3xf32>, tensor<3xf32>
  %e1, %e2, %e3 = lrnn.elementwise (%x, %y) : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>, tensor<3xf32>, tensor<3xf32> {
  ^bb0(%a: f32, %b: f32):
    %lt = arith.cmpf olt, %a, %b : f32
    %prod = arith.mulf %a, %b : f32
    %quot = arith.divf %a, %b : f32
    %sel = arith.select %lt, %prod, %quot : f32
    %max = arith.maximumf %a, %b : f32
    %min = arith.minimumf %a, %b : f32
    %diff = arith.subf %max, %min : f32
    %root = math.sqrt %b : f32
    lrnn.yield %sel, %diff, %root : f32, f32, f32
  }
  %vr, %vi = lrnn.complex_project %x re(dense<[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]> : tensor<3x3xf32>) im(dense<[[0.5, 0.0, 0.0], [0.0, 0.5, 0.0], [0.0, 0.0, 0.5]]> : tensor<3x3xf32>) bias_re(dense<0.25> : tensor<3xf32>) bias_im(dense<-1.0> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %s = lrnn.scale %vr by(dense<2.0> : tensor<3xf32>) bias(dense<0.5> : tensor<3xf32>) : tensor<3xf32>
  %p0 = lrnn.project %e1 weight(#lrnn.sparse<[12, 3], nnz = 3, density = 0.0833, indices = dense<[[0, 0], [1, 1], [2, 2]]> : tensor<3x2xi32>, values = dense<1.0> : tensor<3xf32>>) : tensor<3xf32> -> tensor<12xf32>
  %p1 = lrnn.project %e2 weight(#lrnn.sparse<[12, 3], nnz = 3, density = 0.0833, indices = dense<[[3, 0], [4, 1], [5, 2]]> : tensor<3x2xi32>, values = dense<1.0> : tensor<3xf32>>) : tensor<3xf32> -> tensor<12xf32>
  %p2 = lrnn.project %e3 weight(#lrnn.sparse<[12, 3], nnz = 3, density = 0.0833, indices = dense<[[6, 0], [7, 1], [8, 2]]> : tensor<3x2xi32>, values = dense<1.0> : tensor<3xf32>>) : tensor<3xf32> -> tensor<12xf32>
  %p3 = lrnn.project %s weight(#lrnn.sparse<[12, 3], nnz = 3, density = 0.0833, indices = dense<[[9, 0], [10, 1], [11, 2]]> : tensor<3x2xi32>, values = dense<1.0> : tensor<3xf32>>) : tensor<3xf32> -> tensor<12xf32>
  %q0 = lrnn.add %p0, %p1 : tensor<12xf32>
  %q1 = lrnn.add %p2, %p3 : tensor<12xf32>
  %o = lrnn.add %q0, %q1 : tensor<12xf32>
  lrnn.output %o : tensor<12xf32>
}
