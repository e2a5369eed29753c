// RUN: lrnn-opt %s --split-input-file --lrnn-eliminate-dead 2>/dev/null | FileCheck %s
// RUN: lrnn-opt %s --split-input-file --lrnn-eliminate-dead --verify-diagnostics > /dev/null
//
// Every model reads a tensor<3xf32>; eliminate-dead-exec.test runs each one
// before and after the pass.

// State 1 has zero B̄ rows (dense re, sparse im) and no bias: it stays zero
// and crelu(0) = 0, so it goes with its Λ̄ entries and C̃ columns. Weights
// keep their storage; sparse positions are renumbered.
// CHECK-LABEL: lrnn.model @zero_b_row
// CHECK: %[[RE:.*]], %[[IM:.*]] = lrnn.complex_project %arg0 re(dense<{{\[\[}}1.000000e+00, 0.000000e+00, 2.000000e+00], [5.000000e-01, 5.000000e-01, 0.000000e+00]]> : tensor<2x3xf32>) im(#lrnn.sparse<[2, 3], nnz = 2, density = 0.3333, indices = dense<{{\[\[}}0, 1], [1, 2]]> : tensor<2x2xi32>, values = dense<[1.000000e+00, 2.500000e-01]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<2xf32>
// CHECK: lrnn.diag_recurrence %[[RE]], %[[IM]] lambda(dense<[0.899999976, 0.699999988]> : tensor<2xf32>, dense<[1.000000e-01, 3.000000e-01]> : tensor<2xf32>) : tensor<2xf32>
// CHECK: lrnn.crelu {{.*}} : tensor<2xf32>
// CHECK: lrnn.complex_readout {{.*}} re(dense<{{\[\[}}1.000000e+00, 3.000000e+00], [4.000000e+00, 6.000000e+00]]> : tensor<2x2xf32>) im(#lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense<{{\[\[}}0, 0], [1, 1]]> : tensor<2x2xi32>, values = dense<[5.000000e-01, 1.000000e+00]> : tensor<2xf32>>) kappa(2.000000e+00) : tensor<2xf32> -> tensor<2xf32>
lrnn.model @zero_b_row(%u: tensor<3xf32>) -> tensor<2xf32> {
  %vr, %vi = lrnn.complex_project %u re(dense<[[1.0, 0.0, 2.0], [0.0, 0.0, 0.0], [0.5, 0.5, 0.0]]> : tensor<3x3xf32>) im(#lrnn.sparse<[3, 3], nnz = 2, density = 0.2222, indices = dense<[[0, 1], [2, 2]]> : tensor<2x2xi32>, values = dense<[1.0, 0.25]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<3xf32>
  // expected-remark @+1 {{removed 1 of 3 states (1 with zero B̄ rows, 0 with zero C̃ columns)}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.9, 0.8, 0.7]> : tensor<3xf32>, dense<[0.1, 0.2, 0.3]> : tensor<3xf32>) : tensor<3xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<3xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>) im(#lrnn.sparse<[2, 3], nnz = 3, density = 0.5, indices = dense<[[0, 0], [0, 1], [1, 2]]> : tensor<3x2xi32>, values = dense<[0.5, 0.25, 1.0]> : tensor<3xf32>>) kappa(2.0) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

// Nothing is dead: state 0 has zero B̄ rows but a real bias, state 2 zero B̄
// rows but an imaginary bias (the real one absent) and Λ̄ = 0.9i, state 1 is
// an ordinary state read by C̃. No remark, no change.
// CHECK-LABEL: lrnn.model @kept
// CHECK: lrnn.diag_recurrence {{.*}} : tensor<3xf32>
// CHECK: lrnn.complex_readout {{.*}} : tensor<3xf32> -> tensor<2xf32>
lrnn.model @kept(%u: tensor<3xf32>) -> tensor<2xf32> {
  %vr, %vi = lrnn.complex_project %u re(dense<[[0.0, 0.0, 0.0], [0.5, -1.0, 0.25], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) im(dense<[[0.0, 0.0, 0.0], [0.0, 0.5, 0.0], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) bias_re(dense<[0.5, 0.0, 0.0]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %wr, %wi = lrnn.complex_project %u re(dense<0.0> : tensor<3x3xf32>) im(dense<0.0> : tensor<3x3xf32>) bias_im(dense<[0.0, 0.0, 0.25]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %sr = lrnn.add %vr, %wr : tensor<3xf32>
  %si = lrnn.add %vi, %wi : tensor<3xf32>
  %xr, %xi = lrnn.diag_recurrence %sr, %si lambda(dense<[0.5, 0.9, 0.0]> : tensor<3xf32>, dense<[0.5, -0.1, 0.9]> : tensor<3xf32>) : tensor<3xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<[[1.0, 1.0, 0.0], [0.0, 2.0, 1.0]]> : tensor<2x3xf32>) im(dense<[[0.5, 0.0, 1.0], [0.0, 0.0, 0.0]]> : tensor<2x3xf32>) kappa(1.0) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

// Column 0 of both C̃ parts is zero: state 0 is never read. State 1 has only
// its C̃_re column zero and state 2 only its C̃_im column: crelu lets the real
// part decide whether the imaginary part is kept, so both stay. State 3 has
// zero B̄ rows and zero C̃ columns: it counts as a zero B̄ row.
// CHECK-LABEL: lrnn.model @zero_c_columns
// CHECK: lrnn.complex_project %arg0 re(dense<{{\[\[}}0.000000e+00, 1.000000e+00, 0.000000e+00], [2.500000e-01, 2.500000e-01, 2.500000e-01]]> : tensor<2x3xf32>) im(dense<{{\[\[}}0.000000e+00, 0.000000e+00, -1.000000e+00], [0.000000e+00, 1.000000e+00, 0.000000e+00]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
// CHECK: lrnn.diag_recurrence {{.*}} lambda(dense<[6.000000e-01, 0.699999988]> : tensor<2xf32>, dense<[-2.000000e-01, 3.000000e-01]> : tensor<2xf32>) : tensor<2xf32>
// CHECK: lrnn.complex_readout {{.*}} re(dense<{{\[\[}}0.000000e+00, 1.000000e+00], [0.000000e+00, 2.000000e+00]]> : tensor<2x2xf32>) im(dense<{{\[\[}}1.000000e+00, 0.000000e+00], [5.000000e-01, 0.000000e+00]]> : tensor<2x2xf32>)
lrnn.model @zero_c_columns(%u: tensor<3xf32>) -> tensor<2xf32> {
  %vr, %vi = lrnn.complex_project %u re(dense<[[1.0, 0.0, 0.5], [0.0, 1.0, 0.0], [0.25, 0.25, 0.25], [0.0, 0.0, 0.0]]> : tensor<4x3xf32>) im(dense<[[0.5, 0.0, 0.0], [0.0, 0.0, -1.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]> : tensor<4x3xf32>) : tensor<3xf32> -> tensor<4xf32>
  // expected-remark @+1 {{removed 2 of 4 states (1 with zero B̄ rows, 1 with zero C̃ columns)}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6, 0.7, 0.8]> : tensor<4xf32>, dense<[0.1, -0.2, 0.3, -0.4]> : tensor<4xf32>) : tensor<4xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<4xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<[[0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 2.0, 0.0]]> : tensor<2x4xf32>) im(dense<[[0.0, 1.0, 0.0, 0.0], [0.0, 0.5, 0.0, 0.0]]> : tensor<2x4xf32>) kappa(2.0) : tensor<4xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

// Every state of the block is dead (zero B̄ rows, zero C̃ columns): its
// readout is zero, so y + D ⊙ z becomes D ⊙ z and the block goes.
// CHECK-LABEL: lrnn.model @dead_block
// CHECK: %[[H:.*]] = lrnn.project %arg0
// CHECK-NOT: lrnn.complex_project
// CHECK-NOT: lrnn.diag_recurrence
// CHECK-NOT: lrnn.crelu
// CHECK-NOT: lrnn.complex_readout
// CHECK: %[[D:.*]] = lrnn.scale %[[H]]
// CHECK-NOT: lrnn.add
// CHECK: lrnn.relu %[[D]] : tensor<3xf32>
lrnn.model @dead_block(%u: tensor<3xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<[[1.0, 0.5, 0.0], [0.0, -1.0, 0.5], [0.25, 0.0, 1.0]]> : tensor<3x3xf32>) bias(dense<[0.1, 0.2, 0.3]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %vr, %vi = lrnn.complex_project %h re(dense<[[0.0, 0.0, 0.0], [1.0, 0.0, 0.0]]> : tensor<2x3xf32>) im(dense<[[0.0, 0.0, 0.0], [0.0, 1.0, 0.0]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  // expected-remark @+1 {{removed 2 of 2 states (1 with zero B̄ rows, 1 with zero C̃ columns); the block's readout is zero, so the block is removed with them}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<2xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<[[1.0, 0.0], [0.5, 0.0], [0.0, 0.0]]> : tensor<3x2xf32>) im(dense<[[0.5, 0.0], [0.0, 0.0], [1.0, 0.0]]> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  %d = lrnn.scale %h by(dense<[1.0, 0.5, -1.0]> : tensor<3xf32>) : tensor<3xf32>
  %s = lrnn.add %y, %d : tensor<3xf32>
  %a = lrnn.relu %s : tensor<3xf32>
  %o = lrnn.project %a weight(dense<[[1.0, 1.0, 1.0], [0.5, -0.5, 0.25]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}

// -----

// Every state is dead, but the zero readout also feeds a relu: one state
// (the first) stays so that the vectors are not empty.
// CHECK-LABEL: lrnn.model @dead_block_kept
// CHECK: lrnn.complex_project %arg0 re(dense<0.000000e+00> : tensor<1x3xf32>) im(dense<0.000000e+00> : tensor<1x3xf32>) : tensor<3xf32> -> tensor<1xf32>
// CHECK: lrnn.diag_recurrence {{.*}} lambda(dense<5.000000e-01> : tensor<1xf32>, dense<1.000000e-01> : tensor<1xf32>) : tensor<1xf32>
// CHECK: lrnn.complex_readout {{.*}} re(dense<{{\[\[}}1.000000e+00], [5.000000e-01], [0.000000e+00]]> : tensor<3x1xf32>) im(dense<{{\[\[}}5.000000e-01], [0.000000e+00], [1.000000e+00]]> : tensor<3x1xf32>)
lrnn.model @dead_block_kept(%u: tensor<3xf32>) -> tensor<3xf32> {
  %vr, %vi = lrnn.complex_project %u re(dense<[[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) im(dense<[[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) : tensor<3xf32> -> tensor<3xf32>
  // expected-remark @+1 {{removed 2 of 3 states (1 with zero B̄ rows, 1 with zero C̃ columns); 1 more is dead but kept so that the vectors stay non-empty}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6, 0.7]> : tensor<3xf32>, dense<[0.1, -0.2, 0.3]> : tensor<3xf32>) : tensor<3xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<3xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<[[1.0, 0.0, 1.0], [0.5, 0.0, 0.0], [0.0, 0.0, 2.0]]> : tensor<3x3xf32>) im(dense<[[0.5, 0.0, 0.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0]]> : tensor<3x3xf32>) kappa(2.0) : tensor<3xf32> -> tensor<3xf32>
  %r = lrnn.relu %y : tensor<3xf32>
  %s = lrnn.add %r, %u : tensor<3xf32>
  lrnn.output %s : tensor<3xf32>
}

// -----

// Channel 1 of %h is unused (column 1 of both consumers is zero); channel 2
// is constant (zero weight row, bias 0.5): 0.5 * column 2 moves into the
// consumers' biases, created for the complex projection:
// [0.25 + 2 * 0.5, 0 - 4 * 0.5], re [0.5 * 1, 0], im [0.5 * -2, 0].
// CHECK-LABEL: lrnn.model @channels
// CHECK: %[[H:.*]] = lrnn.project %arg0 weight(#lrnn.sparse<[2, 3], nnz = 4, density = 0.6667, indices = dense<{{\[\[}}0, 0], [0, 2], [1, 1], [1, 2]]> : tensor<4x2xi32>, values = dense<[1.000000e+00, -5.000000e-01, 1.500000e+00, -1.000000e+00]> : tensor<4xf32>>) bias(dense<[1.250000e-01, 0.000000e+00]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
// CHECK: lrnn.project %[[H]] weight(dense<{{\[\[}}1.000000e+00, -1.000000e+00], [5.000000e-01, 2.500000e-01]]> : tensor<2x2xf32>) bias(dense<[1.250000e+00, -2.000000e+00]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
// CHECK: lrnn.complex_project %[[H]] re(dense<{{\[\[}}5.000000e-01, 0.000000e+00], [0.000000e+00, 1.000000e+00]]> : tensor<2x2xf32>) im(dense<{{\[\[}}0.000000e+00, 5.000000e-01], [1.000000e+00, 0.000000e+00]]> : tensor<2x2xf32>) bias_re(dense<[5.000000e-01, 0.000000e+00]> : tensor<2xf32>) bias_im(dense<[-1.000000e+00, 0.000000e+00]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
lrnn.model @channels(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-remark @+1 {{removed 2 of 4 channels of lrnn.project (1 unused, 1 constant)}}
  %h = lrnn.project %u weight(#lrnn.sparse<[4, 3], nnz = 6, density = 0.5, indices = dense<[[0, 0], [0, 2], [1, 0], [1, 1], [3, 1], [3, 2]]> : tensor<6x2xi32>, values = dense<[1.0, -0.5, 0.75, 0.25, 1.5, -1.0]> : tensor<6xf32>>) bias(dense<[0.125, -0.25, 0.5, 0.0]> : tensor<4xf32>) : tensor<3xf32> -> tensor<4xf32>
  %p = lrnn.project %h weight(dense<[[1.0, 0.0, 2.0, -1.0], [0.5, 0.0, -4.0, 0.25]]> : tensor<2x4xf32>) bias(dense<[0.25, 0.0]> : tensor<2xf32>) : tensor<4xf32> -> tensor<2xf32>
  %vr, %vi = lrnn.complex_project %h re(dense<[[0.5, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 1.0]]> : tensor<2x4xf32>) im(dense<[[0.0, 0.0, -2.0, 0.5], [1.0, 0.0, 0.0, 0.0]]> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.9]> : tensor<2xf32>, dense<[0.5, -0.1]> : tensor<2xf32>) : tensor<2xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<[[1.0, 0.5], [0.25, 1.0]]> : tensor<2x2xf32>) im(dense<[[0.5, 0.0], [0.0, -1.0]]> : tensor<2x2xf32>) kappa(1.0) : tensor<2xf32> -> tensor<2xf32>
  %o = lrnn.add %p, %y : tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}

// -----

// Constant channels through element-wise ops, evaluated in double as the
// interpreter does: channel 1 is relu(-0.5) = 0, gelu(0) * σ(0) = 0, then
// batchnorm(0); channel 2 is m = gelu_tanh(0.75) σ(gelu_tanh(0.75)), then
// batchnorm(m). Decoder bias = 2 bn(0) + 3 bn(m), 0.5 bn(0) + 0.25 bn(m).
// CHECK-LABEL: lrnn.model @through_activations
// CHECK: lrnn.project %arg0 weight(dense<{{\[\[}}1.000000e+00, 5.000000e-01, 0.000000e+00], [5.000000e-01, 0.000000e+00, -1.000000e+00]]> : tensor<2x3xf32>) bias(dense<[0.000000e+00, 1.250000e-01]> : tensor<2xf32>)
// CHECK: lrnn.batchnorm {{.*}} scale(dense<1.000000e+00> : tensor<2xf32>) bias(dense<0.000000e+00> : tensor<2xf32>) mean(dense<0.000000e+00> : tensor<2xf32>) var(dense<1.000000e+00> : tensor<2xf32>) epsilon(1.000000e-03) : tensor<2xf32>
// CHECK: lrnn.project {{.*}} weight(dense<{{\[\[}}1.000000e+00, 4.000000e+00], [-1.000000e+00, 1.000000e+00]]> : tensor<2x2xf32>) bias(dense<[-0.745731055, -0.145456761]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
lrnn.model @through_activations(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-remark @+1 {{removed 2 of 4 channels of lrnn.project (0 unused, 2 constant)}}
  %h = lrnn.project %u weight(dense<[[1.0, 0.5, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.5, 0.0, -1.0]]> : tensor<4x3xf32>) bias(dense<[0.0, -0.5, 0.75, 0.125]> : tensor<4xf32>) : tensor<3xf32> -> tensor<4xf32>
  %r = lrnn.relu %h : tensor<4xf32>
  %g = lrnn.gelu %r approximation(tanh) : tensor<4xf32>
  %s = lrnn.sigmoid %g : tensor<4xf32>
  %m = lrnn.mul %g, %s : tensor<4xf32>
  %n = lrnn.batchnorm %m scale(dense<[1.0, 2.0, 0.5, 1.0]> : tensor<4xf32>) bias(dense<[0.0, 0.25, -0.125, 0.0]> : tensor<4xf32>) mean(dense<[0.0, 0.5, 0.25, 0.0]> : tensor<4xf32>) var(dense<[1.0, 4.0, 2.0, 1.0]> : tensor<4xf32>) epsilon(1.0e-3) : tensor<4xf32>
  %o = lrnn.project %n weight(dense<[[1.0, 2.0, 3.0, 4.0], [-1.0, 0.5, 0.25, 1.0]]> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}

// -----

// All-zero matrices. The encoder's weight is zero, so every channel is a
// constant; one is kept (vectors are never empty) and the others are folded
// into the decoder's bias: [2 * -0.25 + 3 * 1, 1 + 0.5 * -0.25 + 0.25 * 1].
// B̄ (dense and sparse with no entry) and C̃ are zero: the block goes.
// CHECK-LABEL: lrnn.model @all_zero
// CHECK: %[[H:.*]] = lrnn.project %arg0 weight(dense<0.000000e+00> : tensor<1x3xf32>) bias(dense<5.000000e-01> : tensor<1xf32>) : tensor<3xf32> -> tensor<1xf32>
// CHECK-NOT: lrnn.diag_recurrence
// CHECK: lrnn.project %[[H]] weight(dense<{{\[\[}}1.000000e+00], [-1.000000e+00]]> : tensor<2x1xf32>) bias(dense<[2.500000e+00, 1.125000e+00]> : tensor<2xf32>) : tensor<1xf32> -> tensor<2xf32>
lrnn.model @all_zero(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-remark @+1 {{removed 2 of 3 channels of lrnn.project (0 unused, 2 constant); 1 more is dead but kept so that the vectors stay non-empty}}
  %h = lrnn.project %u weight(dense<0.0> : tensor<3x3xf32>) bias(dense<[0.5, -0.25, 1.0]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %vr, %vi = lrnn.complex_project %h re(dense<0.0> : tensor<2x3xf32>) im(#lrnn.sparse<[2, 3], nnz = 0, density = 0.0, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) : tensor<3xf32> -> tensor<2xf32>
  // expected-remark @+1 {{removed 2 of 2 states (2 with zero B̄ rows, 0 with zero C̃ columns); the block's readout is zero, so the block is removed with them}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<2xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<0.0> : tensor<3x2xf32>) im(dense<0.0> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  %s = lrnn.add %y, %h : tensor<3xf32>
  %o = lrnn.project %s weight(dense<[[1.0, 2.0, 3.0], [-1.0, 0.5, 0.25]]> : tensor<2x3xf32>) bias(dense<[0.0, 1.0]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  %q = lrnn.project %u weight(dense<[[0.5, 0.0, -0.5], [0.0, 1.0, 0.0]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  %t = lrnn.add %o, %q : tensor<2xf32>
  lrnn.output %t : tensor<2xf32>
}

// -----

// A residual channel: the encoder's row 2 is zero (bias 0.5), C̃'s row 2 and
// D[2] are zero, so y[2] = a[2] = 0, the gate g[2] = a[2] σ(...) = 0 and the
// residual sum r[2] = 0.5 whatever the gate projection computes. The channel
// goes from every vector of the stream; 0.5 times column 2 of B̄ and of the
// decoder moves into their biases (re [0.25, -0.5], im [0, 1], decoder
// [0 + 2 * 0.5, 0.5 - 0.5 * 0.5]); the gate's column 2 reads a[2] = 0.
// CHECK-LABEL: lrnn.model @residual_channel
// CHECK: %[[H:.*]] = lrnn.project %arg0 {{.*}} bias(dense<[1.250000e-01, -2.500000e-01]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
// CHECK: lrnn.complex_project %[[H]] re(dense<{{\[\[}}1.000000e+00, 0.000000e+00], [0.000000e+00, 1.000000e+00]]> : tensor<2x2xf32>) im(dense<{{\[\[}}0.000000e+00, 5.000000e-01], [2.500000e-01, 0.000000e+00]]> : tensor<2x2xf32>) bias_re(dense<[2.500000e-01, -5.000000e-01]> : tensor<2xf32>) bias_im(dense<[0.000000e+00, 1.000000e+00]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
// CHECK: lrnn.diag_recurrence {{.*}} : tensor<2xf32>
// CHECK: lrnn.complex_readout {{.*}} : tensor<2xf32> -> tensor<2xf32>
// CHECK: lrnn.scale %[[H]] by(dense<[1.000000e+00, 5.000000e-01]> : tensor<2xf32>) : tensor<2xf32>
// CHECK: lrnn.project {{.*}} weight(dense<{{\[\[}}5.000000e-01, 2.500000e-01], [-5.000000e-01, 1.000000e+00]]> : tensor<2x2xf32>) bias(dense<[0.000000e+00, 1.250000e-01]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
// CHECK: lrnn.mul {{.*}} : tensor<2xf32>
// CHECK: lrnn.add {{.*}}, %[[H]] : tensor<2xf32>
// CHECK: lrnn.project {{.*}} weight(dense<{{\[\[}}1.000000e+00, -1.000000e+00], [5.000000e-01, 2.500000e-01]]> : tensor<2x2xf32>) bias(dense<[1.000000e+00, 2.500000e-01]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
lrnn.model @residual_channel(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-remark @+1 {{removed 1 of 3 channels of lrnn.project (0 unused, 1 constant)}}
  %h = lrnn.project %u weight(dense<[[1.0, 0.5, 0.0], [0.0, -1.0, 0.5], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) bias(dense<[0.125, -0.25, 0.5]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %vr, %vi = lrnn.complex_project %h re(dense<[[1.0, 0.0, 0.5], [0.0, 1.0, -1.0]]> : tensor<2x3xf32>) im(dense<[[0.0, 0.5, 0.0], [0.25, 0.0, 2.0]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<2xf32>
  // expected-remark @+1 {{removed 1 of 3 channels of lrnn.complex_readout (0 unused, 1 constant)}}
  %y = lrnn.complex_readout %cr, %ci re(dense<[[1.0, 0.5], [0.5, -1.0], [0.0, 0.0]]> : tensor<3x2xf32>) im(dense<[[0.5, 0.0], [0.0, 0.25], [0.0, 0.0]]> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  %d = lrnn.scale %h by(dense<[1.0, 0.5, 0.0]> : tensor<3xf32>) : tensor<3xf32>
  %s = lrnn.add %y, %d : tensor<3xf32>
  %a = lrnn.relu %s : tensor<3xf32>
  // expected-remark @+1 {{removed 1 of 3 channels of lrnn.project (1 unused, 0 constant)}}
  %p = lrnn.project %a weight(dense<[[0.5, 0.25, 1.0], [-0.5, 1.0, 0.0], [1.0, 1.0, 1.0]]> : tensor<3x3xf32>) bias(dense<[0.0, 0.125, 0.25]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %sg = lrnn.sigmoid %p : tensor<3xf32>
  %g = lrnn.mul %a, %sg : tensor<3xf32>
  %r = lrnn.add %g, %h : tensor<3xf32>
  %o = lrnn.project %r weight(dense<[[1.0, -1.0, 2.0], [0.5, 0.25, -0.5]]> : tensor<2x3xf32>) bias(dense<[0.0, 0.5]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}

// -----

// After --lrnn-fuse: B̄ and D ⊙ z are pieces of one fused_project whose rows
// 1 and 3 (state 1) are zero, and the state activation is an
// lrnn.elementwise, evaluated on the constant zero. The pieces shrink.
// CHECK-LABEL: lrnn.model @fused
// CHECK: %[[F:.*]]:3 = lrnn.fused_project %arg0 weight(#lrnn.sparse<[5, 3], nnz = 7, density = 0.4667, indices = dense<{{\[\[}}0, 0], [0, 2], [1, 1], [2, 0], [3, 1], [4, 0], [4, 2]]> : tensor<7x2xi32>, values = dense<[1.000000e+00, 5.000000e-01, -1.000000e+00, 1.000000e+00, 5.000000e-01, 2.500000e-01, 2.000000e+00]> : tensor<7xf32>>) bias(dense<[0.000000e+00, 0.000000e+00, 1.250000e-01, 0.000000e+00, -1.250000e-01]> : tensor<5xf32>) sizes [1, 1, 3] : tensor<3xf32> -> tensor<1xf32>, tensor<1xf32>, tensor<3xf32>
// CHECK: lrnn.diag_recurrence %[[F]]#0, %[[F]]#1 lambda(dense<5.000000e-01> : tensor<1xf32>, dense<1.000000e-01> : tensor<1xf32>) : tensor<1xf32>
// CHECK: lrnn.elementwise({{.*}}) : tensor<1xf32>, tensor<1xf32> -> tensor<1xf32>, tensor<1xf32>
// CHECK: lrnn.complex_readout {{.*}} re(dense<{{\[\[}}1.000000e+00], [5.000000e-01], [0.000000e+00]]> : tensor<3x1xf32>) im(dense<{{\[\[}}5.000000e-01], [0.000000e+00], [1.000000e+00]]> : tensor<3x1xf32>) kappa(2.000000e+00) : tensor<1xf32> -> tensor<3xf32>
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

// -----

// @residual_channel after --lrnn-fuse: B̄ and D are one fused_project with no
// bias (D's row 2 is zero), and the gate σ(p) * a + h is computed inside an
// lrnn.elementwise, where a[2] = 0 makes the product 0 whatever p[2] is. The
// channel goes as before; the fused_project gets a bias for 0.5 * column 2.
// CHECK-LABEL: lrnn.model @residual_channel_fused
// CHECK: %[[H:.*]] = lrnn.project %arg0 {{.*}} : tensor<3xf32> -> tensor<2xf32>
// CHECK: lrnn.fused_project %[[H]] weight(dense<{{\[\[}}1.000000e+00, 0.000000e+00], [0.000000e+00, 1.000000e+00], [0.000000e+00, 5.000000e-01], [2.500000e-01, 0.000000e+00], [1.000000e+00, 0.000000e+00], [0.000000e+00, 5.000000e-01]]> : tensor<6x2xf32>) bias(dense<[2.500000e-01, -5.000000e-01, 0.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<6xf32>) sizes [2, 2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
// CHECK: lrnn.complex_readout {{.*}} : tensor<2xf32> -> tensor<2xf32>
// CHECK: lrnn.elementwise({{.*}}) : tensor<2xf32>, tensor<2xf32> -> tensor<2xf32>
// CHECK: lrnn.project {{.*}} : tensor<2xf32> -> tensor<2xf32>
// CHECK: lrnn.elementwise({{.*}}, %[[H]]) : tensor<2xf32>, tensor<2xf32>, tensor<2xf32> -> tensor<2xf32>
// CHECK: lrnn.project {{.*}} bias(dense<[1.000000e+00, 2.500000e-01]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
lrnn.model @residual_channel_fused(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-remark @+1 {{removed 1 of 3 channels of lrnn.project (0 unused, 1 constant)}}
  %h = lrnn.project %u weight(dense<[[1.0, 0.5, 0.0], [0.0, -1.0, 0.5], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) bias(dense<[0.125, -0.25, 0.5]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  // expected-remark @+1 {{removed 1 of 3 channels of lrnn.fused_project result #2 (0 unused, 1 constant)}}
  %vr, %vi, %d = lrnn.fused_project %h weight(dense<[[1.0, 0.0, 0.5], [0.0, 1.0, -1.0], [0.0, 0.5, 0.0], [0.25, 0.0, 2.0], [1.0, 0.0, 0.0], [0.0, 0.5, 0.0], [0.0, 0.0, 0.0]]> : tensor<7x3xf32>) sizes [2, 2, 3] : tensor<3xf32> -> tensor<2xf32>, tensor<2xf32>, tensor<3xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<2xf32>
  // expected-remark @+1 {{removed 1 of 3 channels of lrnn.complex_readout (0 unused, 1 constant)}}
  %y = lrnn.complex_readout %cr, %ci re(dense<[[1.0, 0.5], [0.5, -1.0], [0.0, 0.0]]> : tensor<3x2xf32>) im(dense<[[0.5, 0.0], [0.0, 0.25], [0.0, 0.0]]> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  %a = lrnn.elementwise (%y, %d) : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32> {
  ^bb0(%yy: f32, %dd: f32):
    %zero = arith.constant 0.0 : f32
    %s = arith.addf %yy, %dd : f32
    %m = arith.maximumf %s, %zero : f32
    lrnn.yield %m : f32
  }
  // expected-remark @+1 {{removed 1 of 3 channels of lrnn.project (1 unused, 0 constant)}}
  %p = lrnn.project %a weight(dense<[[0.5, 0.25, 1.0], [-0.5, 1.0, 0.0], [1.0, 1.0, 1.0]]> : tensor<3x3xf32>) bias(dense<[0.0, 0.125, 0.25]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %r = lrnn.elementwise (%a, %p, %h) : tensor<3xf32>, tensor<3xf32>, tensor<3xf32> -> tensor<3xf32> {
  ^bb0(%aa: f32, %pp: f32, %hh: f32):
    %one = arith.constant 1.0 : f32
    %n = arith.negf %pp : f32
    %e = math.exp %n : f32
    %den = arith.addf %one, %e : f32
    %sg = arith.divf %one, %den : f32
    %g = arith.mulf %aa, %sg : f32
    %sum = arith.addf %g, %hh : f32
    lrnn.yield %sum : f32
  }
  %o = lrnn.project %r weight(dense<[[1.0, -1.0, 2.0], [0.5, 0.25, -0.5]]> : tensor<2x3xf32>) bias(dense<[0.0, 0.5]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}

// -----

// The relu only fed the dead block: it goes once the block is gone.
// CHECK-LABEL: lrnn.model @dead_block_input
// CHECK-NEXT: lrnn.output %arg0 : tensor<3xf32>
lrnn.model @dead_block_input(%u: tensor<3xf32>) -> tensor<3xf32> {
  // expected-remark @+1 {{removed lrnn.relu: its result is unused}}
  %z = lrnn.relu %u : tensor<3xf32>
  %vr, %vi = lrnn.complex_project %z re(dense<0.0> : tensor<2x3xf32>) im(dense<0.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  // expected-remark @+1 {{removed 2 of 2 states (2 with zero B̄ rows, 0 with zero C̃ columns); the block's readout is zero, so the block is removed with them}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<1.0> : tensor<3x2xf32>) im(dense<1.0> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  %s = lrnn.add %y, %u : tensor<3xf32>
  lrnn.output %s : tensor<3xf32>
}

// -----

// Ops whose results nobody reads go, a recurrence included.
// CHECK-LABEL: lrnn.model @unused_ops
// CHECK-NEXT: lrnn.output %arg0 : tensor<3xf32>
lrnn.model @unused_ops(%u: tensor<3xf32>) -> tensor<3xf32> {
  // expected-remark @+1 {{removed lrnn.project: its result is unused}}
  %h = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  // expected-remark @+1 {{removed lrnn.complex_project: its results are unused}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x3xf32>) im(dense<1.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  // expected-remark @+1 {{removed lrnn.diag_recurrence: its results are unused}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  // expected-remark @+1 {{removed lrnn.relu: its result is unused}}
  %r = lrnn.relu %h : tensor<2xf32>
  lrnn.output %u : tensor<3xf32>
}
