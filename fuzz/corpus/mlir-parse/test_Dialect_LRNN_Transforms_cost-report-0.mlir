// The cost report of small models whose every number can be counted by hand
// (the rules are in docs/cost-model.md).
//
//
// An analysis: the IR is unchanged.
//
// The JSON form: every key and value of one op, the totals and the weights.
// JSON: json ok

lrnn.model @tiny(%u: tensor<3xf32>) -> tensor<2xf32> {
  // Dense storage with 5 non-zeros of 12 (and 2 in the bias): CSR would take
  // 5 * (4 + 2) + 4 * (4 + 1) = 50 bytes > 48, so it stays dense.
  %h = lrnn.project %u weight(dense<[[1.0, 0.0, 2.0], [0.0, 3.0, 4.0], [0.0, 0.0, 0.0], [5.0, 0.0, 0.0]]> : tensor<4x3xf32>) bias(dense<[0.0, 1.0, 0.0, 2.0]> : tensor<4xf32>) : tensor<3xf32> -> tensor<4xf32> loc("encoder")
  // One comparison per element.
  %r = lrnn.relu %h : tensor<4xf32> loc("encoder")
  // Four vectors of 4; one MAC per element, none where scale is 0; the
  // non-zeros are 3 (scale) + 0 (bias) + 1 (mean) + 4 (var).
  %n = lrnn.batchnorm %r scale(dense<[1.0, 0.0, 2.0, 1.0]> : tensor<4xf32>) bias(dense<0.0> : tensor<4xf32>) mean(dense<[0.0, 1.0, 0.0, 0.0]> : tensor<4xf32>) var(dense<1.0> : tensor<4xf32>) epsilon(1.0e-5) : tensor<4xf32> loc("layers.0.norm")
  // Two 2x4 matrices: re sparse with 2 non-zeros (CSR 2 * 6 + 4 * 3 = 24 <
  // 32), im dense with 3 (CSR 3 * 6 + 12 = 30 < 32).
  %vr, %vi = lrnn.complex_project %n re(#lrnn.sparse<[2, 4], nnz = 2, density = 0.25, indices = dense<[[0, 0], [1, 3]]> : tensor<2x2xi32>, values = dense<[1.0, -1.0]> : tensor<2xf32>>) im(dense<[[0.0, 0.5, 0.0, 0.0], [0.5, 0.0, 0.0, 0.25]]> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32> loc("layers.0.ssm.B")
  // 2 states: 4 MACs each (8); λ_re = 0 for the second state skips 2 of them.
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.0]> : tensor<2xf32>, dense<[0.25, 0.5]> : tensor<2xf32>) : tensor<2xf32> loc("layers.0.ssm.lambda")
  // One lexicographic test per complex element.
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<2xf32> loc("layers.0.ssm")
  // Two 4x2 matrices; κ costs nothing. re: 4 non-zeros (CSR 44 > 32, dense);
  // im: 1 (CSR 6 + 20 = 26).
  %y = lrnn.complex_readout %cr, %ci re(dense<[[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]]> : tensor<4x2xf32>) im(#lrnn.sparse<[4, 2], nnz = 1, density = 0.125, indices = dense<[[2, 1]]> : tensor<1x2xi32>, values = dense<0.5> : tensor<1xf32>>) kappa(2.0) : tensor<2xf32> -> tensor<4xf32> loc("layers.0.ssm.C")
  %d = lrnn.scale %n by(dense<[1.0, 0.0, 1.0, 1.0]> : tensor<4xf32>) : tensor<4xf32> loc("layers.0.ssm.D")
  %s = lrnn.add %y, %d : tensor<4xf32> loc("layers.0.ssm")
  // Non-linear functions count apart from MACs.
  %g = lrnn.gelu %s approximation(tanh) : tensor<4xf32> loc("layers.0.activation")
  %sg = lrnn.sigmoid %g : tensor<4xf32> loc("layers.0.glu")
  // A product of two activations: one MAC per element, never skipped.
  %m = lrnn.mul %g, %sg : tensor<4xf32> loc("layers.0.glu")
  // Sparse 2x4 with 1 non-zero and no bias: CSR 6 + 4 * 3 = 18 bytes.
  %o = lrnn.project %m weight(#lrnn.sparse<[2, 4], nnz = 1, density = 0.125, indices = dense<[[1, 2]]> : tensor<1x2xi32>, values = dense<2.0> : tensor<1xf32>>) : tensor<4xf32> -> tensor<2xf32> loc("decoder")
  lrnn.output %o : tensor<2xf32>
}

lrnn.model @fused(%u: tensor<2xf32>) -> tensor<2xf32> {
  // One stacked 4x2 matrix with 3 non-zeros (CSR 3 * 6 + 4 * 5 = 38 > 32)
  // and a bias of 4 with 2 non-zeros.
  %a, %b = lrnn.fused_project %u weight(#lrnn.sparse<[4, 2], nnz = 3, density = 0.375, indices = dense<[[0, 0], [1, 1], [3, 0]]> : tensor<3x2xi32>, values = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>>) bias(dense<[0.0, 0.0, 1.0, 1.0]> : tensor<4xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32> loc(fused["layers.0.ssm.B", "layers.0.ssm.D"])
  // Per element: 3 multiplies (max * y of two activations, x * 2 with a
  // constant, y * 0 with a zero constant: skipped), 1 add, 3 other (max,
  // cmpf, select), 3 non-linear (tanh, exp, divf); 2 elements. Constants of
  // the body are not parameters.
  %e = lrnn.elementwise (%a, %b) : tensor<2xf32>, tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32, %y: f32):
    %c0 = arith.constant 0.0 : f32
    %c2 = arith.constant 2.0 : f32
    %max = arith.maximumf %x, %c0 : f32
    %p = arith.mulf %max, %y : f32
    %q = arith.mulf %x, %c2 : f32
    %z = arith.mulf %y, %c0 : f32
    %sum = arith.addf %p, %q : f32
    %t = math.tanh %sum : f32
    %ez = math.exp %z : f32
    %div = arith.divf %t, %ez : f32
    %pos = arith.cmpf ogt, %x, %c0 : f32
    %sel = arith.select %pos, %div, %x : f32
    lrnn.yield %sel : f32
  } loc("layers.0.glu")
  lrnn.output %e : tensor<2xf32>
}
