// RUN: lrnn-opt %s --split-input-file --lrnn-fuse 2>/dev/null | FileCheck %s
// RUN: lrnn-opt %s --split-input-file --lrnn-fuse --verify-diagnostics > /dev/null

// One S5 block: B̄ (real and imaginary) and D ⊙ z read the same vector and
// become one stacked operator; the tail becomes two element-wise loops (the
// GLU projection sits between them).
// CHECK-LABEL: lrnn.model @block
lrnn.model @block(%u: tensor<3xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<[[1.0, 0.0, 2.0], [0.0, 0.5, 0.0], [1.0, 1.0, 1.0], [0.0, 0.0, -1.0]]> : tensor<4x3xf32>) bias(dense<0.5> : tensor<4xf32>) : tensor<3xf32> -> tensor<4xf32>
  // CHECK: %[[H:.*]] = lrnn.relu
  %r = lrnn.relu %h : tensor<4xf32>
  // CHECK: %[[F:.*]]:3 = lrnn.fused_project %[[H]] weight(#lrnn.sparse<[8, 4], nnz = 14, density = 0.4375, indices = dense<{{\[\[}}0, 1], [1, 3], [2, 0], [2, 1], [2, 2], [2, 3], [3, 0], [3, 1], [3, 2], [3, 3], [4, 0], [5, 1], [6, 2], [7, 3]]> : tensor<14x2xi32>, values = dense<[5.000000e-01, -1.000000e+00, 2.500000e-01, 2.500000e-01, 2.500000e-01, 2.500000e-01, 2.500000e-01, 2.500000e-01, 2.500000e-01, 2.500000e-01, 1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<14xf32>>) sizes [2, 2, 4] : tensor<4xf32> -> tensor<2xf32>, tensor<2xf32>, tensor<4xf32>
  // expected-remark @+1 {{fused 2 linear ops (3 matrices, 14 non-zeros) reading one vector}}
  %vr, %vi = lrnn.complex_project %r re(#lrnn.sparse<[2, 4], nnz = 2, density = 0.25, indices = dense<[[0, 1], [1, 3]]> : tensor<2x2xi32>, values = dense<[0.5, -1.0]> : tensor<2xf32>>) im(dense<0.25> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  // CHECK: lrnn.diag_recurrence %[[F]]#0, %[[F]]#1
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.9, 0.5]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  // A lone element-wise op stays as it is.
  // CHECK: lrnn.crelu
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<2xf32>
  // CHECK: %[[Y:.*]] = lrnn.complex_readout
  %y = lrnn.complex_readout %cr, %ci re(dense<1.0> : tensor<4x2xf32>) im(dense<0.5> : tensor<4x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<4xf32>
  %d = lrnn.scale %r by(dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>) : tensor<4xf32>
  // CHECK: %[[A:.*]] = lrnn.elementwise(%[[Y]], %[[F]]#2) : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32> {
  // CHECK-NEXT: ^bb0(%[[Y1:.*]]: f32, %[[D1:.*]]: f32):
  // CHECK-NEXT: %[[S1:.*]] = arith.addf %[[Y1]], %[[D1]] : f32
  // CHECK-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
  // CHECK-NEXT: %[[R1:.*]] = arith.maximumf %[[S1]], %[[Z]] : f32
  // CHECK-NEXT: lrnn.yield %[[R1]] : f32
  // expected-remark @+1 {{fused 2 element-wise ops}}
  %s = lrnn.add %y, %d : tensor<4xf32>
  %a = lrnn.relu %s : tensor<4xf32>
  // CHECK: %[[P:.*]] = lrnn.project %[[A]]
  %p = lrnn.project %a weight(dense<[[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, -1.0]]> : tensor<4x4xf32>) bias(dense<0.1> : tensor<4xf32>) : tensor<4xf32> -> tensor<4xf32>
  // CHECK: %[[T:.*]] = lrnn.elementwise(%[[P]], %[[A]], %[[H]]) : tensor<4xf32>, tensor<4xf32>, tensor<4xf32> -> tensor<4xf32> {
  // CHECK: math.exp
  // CHECK: arith.divf
  // CHECK: arith.mulf
  // CHECK: arith.addf
  // CHECK: arith.maximumf
  // CHECK: lrnn.project %[[T]]
  // expected-remark @+1 {{fused 4 element-wise ops}}
  %sg = lrnn.sigmoid %p : tensor<4xf32>
  %m = lrnn.mul %a, %sg : tensor<4xf32>
  %res = lrnn.add %m, %r : tensor<4xf32>
  %rr = lrnn.relu %res : tensor<4xf32>
  %o = lrnn.project %rr weight(dense<1.0> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}

// -----

// A GLU with gate and value projections of the same vector: one operator.
// D ⊙ z alone (no projection of z) stays a scale.
// CHECK-LABEL: lrnn.model @glu_full
lrnn.model @glu_full(%u: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK: lrnn.scale
  %d = lrnn.scale %u by(dense<[1.0, 2.0]> : tensor<2xf32>) : tensor<2xf32>
  // CHECK: %[[GV:.*]]:2 = lrnn.fused_project %{{.*}} weight(dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00], [5.000000e-01, 0.000000e+00], [0.000000e+00, 5.000000e-01]]> : tensor<4x2xf32>) bias(dense<[1.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<4xf32>) sizes [2, 2]
  // expected-remark @+1 {{fused 2 linear ops (2 matrices, 6 non-zeros) reading one vector}}
  %g = lrnn.project %d weight(dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>) bias(dense<1.0> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  %v = lrnn.project %d weight(dense<[[0.5, 0.0], [0.0, 0.5]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // CHECK: lrnn.elementwise(%[[GV]]#0, %[[GV]]#1)
  // expected-remark @+1 {{fused 2 element-wise ops}}
  %s = lrnn.sigmoid %g : tensor<2xf32>
  %m = lrnn.mul %v, %s : tensor<2xf32>
  lrnn.output %m : tensor<2xf32>
}

// -----

// Two projections with nothing between them: multiplied out when the
// product has no more non-zeros than both factors (a diagonal times a sparse
// matrix), kept apart otherwise (a column times a row: a dense product).
// CHECK-LABEL: lrnn.model @chain_fused
lrnn.model @chain_fused(%u: tensor<3xf32>) -> tensor<3xf32> {
  // CHECK-NEXT: %[[P:.*]] = lrnn.project %arg0 weight(#lrnn.sparse<[3, 3], nnz = 2, density = 0.2222, indices = dense<{{\[\[}}0, 0], [1, 2]]> : tensor<2x2xi32>, values = dense<[2.000000e+00, 6.000000e+00]> : tensor<2xf32>>) bias(dense<[3.000000e+00, 1.000000e+00, 1.000000e+00]> : tensor<3xf32>)
  // CHECK-NEXT: lrnn.output %[[P]]
  %a = lrnn.project %u weight(dense<[[1.0, 0.0, 0.0], [0.0, 0.0, 2.0], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) bias(dense<[1.0, 0.0, 0.0]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  // expected-remark @+1 {{multiplied out with the preceding lrnn.project: nnz(product) = 2 <= nnz(A) + nnz(B) = 4}}
  %b = lrnn.project %a weight(dense<[[2.0, 0.0, 0.0], [0.0, 3.0, 0.0], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) bias(dense<1.0> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  lrnn.output %b : tensor<3xf32>
}

// -----

// CHECK-LABEL: lrnn.model @chain_kept
lrnn.model @chain_kept(%u: tensor<3xf32>) -> tensor<3xf32> {
  // CHECK: lrnn.project %arg0
  // CHECK: lrnn.project
  %a = lrnn.project %u weight(dense<[[1.0, 1.0, 1.0]]> : tensor<1x3xf32>) : tensor<3xf32> -> tensor<1xf32>
  // expected-remark @+1 {{kept separate from the preceding lrnn.project: nnz(product) = 9 > nnz(A) + nnz(B) = 6}}
  %b = lrnn.project %a weight(dense<[[1.0], [2.0], [3.0]]> : tensor<3x1xf32>) : tensor<1xf32> -> tensor<3xf32>
  lrnn.output %b : tensor<3xf32>
}

// -----

// A complex projection after a projection: B̄ W with the bias carried (then
// stacked into one operator: B̄_re W and B̄_im W read the same vector).
// CHECK-LABEL: lrnn.model @chain_complex
lrnn.model @chain_complex(%u: tensor<2xf32>) -> tensor<1xf32> {
  // CHECK-NEXT: %{{.*}}:2 = lrnn.fused_project %arg0 weight(dense<{{\[\[}}1.000000e+00, 1.000000e+00], [2.000000e+00, 2.000000e+00]]> : tensor<2x2xf32>) bias(dense<[5.000000e-01, 1.000000e+00]> : tensor<2xf32>) sizes [1, 1]
  %a = lrnn.project %u weight(dense<[[1.0, 1.0]]> : tensor<1x2xf32>) bias(dense<0.5> : tensor<1xf32>) : tensor<2xf32> -> tensor<1xf32>
  // expected-remark @+2 {{multiplied out with the preceding lrnn.project}}
  // expected-remark @+1 {{fused 1 linear ops (2 matrices, 4 non-zeros) reading one vector}}
  %vr, %vi = lrnn.complex_project %a re(dense<1.0> : tensor<1x1xf32>) im(dense<2.0> : tensor<1x1xf32>) : tensor<1xf32> -> tensor<1xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<0.5> : tensor<1xf32>, dense<0.0> : tensor<1xf32>) : tensor<1xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<1.0> : tensor<1x1xf32>) im(dense<1.0> : tensor<1x1xf32>) kappa(1.0) : tensor<1xf32> -> tensor<1xf32>
  lrnn.output %y : tensor<1xf32>
}
