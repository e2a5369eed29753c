// One S5 block: B̄ (real and imaginary) and D ⊙ z read the same vector and
// become one stacked operator; the tail becomes two element-wise loops (the
// GLU projection sits between them).
lrnn.model @block(%u: tensor<3xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<[[1.0, 0.0, 2.0], [0.0, 0.5, 0.0], [1.0, 1.0, 1.0], [0.0, 0.0, -1.0]]> : tensor<4x3xf32>) bias(dense<0.5> : tensor<4xf32>) : tensor<3xf32> -> tensor<4xf32>
  %r = lrnn.relu %h : tensor<4xf32>
  // expected-remark @+1 {{fused 2 linear ops (3 matrices, 14 non-zeros) reading one vector}}
  %vr, %vi = lrnn.complex_project %r re(#lrnn.sparse<[2, 4], nnz = 2, density = 0.25, indices = dense<[[0, 1], [1, 3]]> : tensor<2x2xi32>, values = dense<[0.5, -1.0]> : tensor<2xf32>>) im(dense<0.25> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.9, 0.5]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  // A lone element-wise op stays as it is.
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<2xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<1.0> : tensor<4x2xf32>) im(dense<0.5> : tensor<4x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<4xf32>
  %d = lrnn.scale %r by(dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>) : tensor<4xf32>
  // expected-remark @+1 {{fused 2 element-wise ops}}
  %s = lrnn.add %y, %d : tensor<4xf32>
  %a = lrnn.relu %s : tensor<4xf32>
  %p = lrnn.project %a weight(dense<[[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, -1.0]]> : tensor<4x4xf32>) bias(dense<0.1> : tensor<4xf32>) : tensor<4xf32> -> tensor<4xf32>
  // expected-remark @+1 {{fused 4 element-wise ops}}
  %sg = lrnn.sigmoid %p : tensor<4xf32>
  %m = lrnn.mul %a, %sg : tensor<4xf32>
  %res = lrnn.add %m, %r : tensor<4xf32>
  %rr = lrnn.relu %res : tensor<4xf32>
  %o = lrnn.project %rr weight(dense<1.0> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}
