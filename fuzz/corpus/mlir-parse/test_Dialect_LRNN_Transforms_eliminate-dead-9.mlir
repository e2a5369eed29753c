// After --lrnn-fuse: B̄ and D ⊙ z are pieces of one fused_project whose rows
// 1 and 3 (state 1) are zero, and the state activation is an
// lrnn.elementwise, evaluated on the constant zero. The pieces shrink.
lrnn.model @fused(%u: tensor<3xf32>) -> tensor<3xf32> {
  %re, %im, %d = lrnn.fused_project %u weight(#lrnn.sparse<[7, 3], nnz = 7, density = 0.3333, indices = dense<[[0, 0], [0, 2], [2, 1], [4, 0], [5, 1], [6, 0], [6, 2]]> : tensor<7x2xi32>, values = dense<[1.0, 0.5, -1.0, 1.0, 0.5, 0.25, 2.0]> : tensor<7xf32>>) bias(dense<[0.0, 0.0, 0.0, 0.0, 0.125, 0.0, -0.125]> : tensor<7xf32>) sizes [2, 2, 3] : tensor<3xf32> -> tensor<2xf32>, tensor<2xf32>, tensor<3xf32>
  // expected-remark @+1 {{removed 1 of 2 states (1 with zero B̄ rows, 0 with zero C̃ columns)}}
  %xr, %xi = lrnn.diag_recurrence %re, %im lambda(dense<[0.5, 0.6]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  %ar, %ai = lrnn.elementwise (%xr, %xi) : tensor<2xf32>, tensor<2xf32> -> tensor<2xf32>, tensor<2xf32> {
  ^bb0(%a: f32, %b: f32):
    %zero = arith.constant 0.0 : f32
    %ma = arith.maximumf %a, %zero : f32
    %mb = arith.maximumf %b, %zero : f32
    lrnn.yield %ma, %mb : f32, f32
  }
  %y = lrnn.complex_readout %ar, %ai re(dense<[[1.0, 0.5], [0.5, -1.0], [0.0, 1.0]]> : tensor<3x2xf32>) im(dense<[[0.5, 0.0], [0.0, 0.25], [1.0, 0.0]]> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  %e = lrnn.elementwise (%y, %d) : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32> {
  ^bb0(%a: f32, %b: f32):
    %s = arith.addf %a, %b : f32
    lrnn.yield %s : f32
  }
  lrnn.output %e : tensor<3xf32>
}
