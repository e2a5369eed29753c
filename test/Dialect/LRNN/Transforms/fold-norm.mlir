// RUN: lrnn-opt %s --lrnn-fold-norm --verify-diagnostics | FileCheck %s
//
// Hand-computed folds. The batchnorms are chosen so that a = scale /
// sqrt(var + eps) and c = bias - mean * a are exact binary fractions, so
// every folded value is exact and printed in full.

// Pre-norm: z = norm(u) feeds B̄ (complex_project) and D (scale); both absorb
// it and the batchnorm disappears. sqrt(var + eps) = [2, 1, 4], so
// a = [1, 1, 0.125] and c = [0.5 - 1, 0 + 2, 1 - 0.5] = [-0.5, 2, 0.5].
// B̄_re c = [-0.5 + 4 + 0, 0 - 2 + 2] = [3.5, 0],
// B̄_im c = [-0.25 + 0 - 1, -0.5 + 2 + 0.5] = [-1.25, 2],
// D a = [1, -0.5, 0.25], D c = [-0.5, -1, 1].
// CHECK-LABEL: lrnn.model @pre_norm
// CHECK-NOT: lrnn.batchnorm
// CHECK: %[[RE:[^ ]*]], %[[IM:[^ ]*]] = lrnn.complex_project %arg0
// CHECK-SAME: re(dense<{{\[\[}}1.000000e+00, 2.000000e+00, 0.000000e+00], [0.000000e+00, -1.000000e+00, 5.000000e-01]]> : tensor<2x3xf32>)
// CHECK-SAME: im(dense<{{\[\[}}5.000000e-01, 0.000000e+00, -2.500000e-01], [1.000000e+00, 1.000000e+00, 1.250000e-01]]> : tensor<2x3xf32>)
// CHECK-SAME: bias_re(dense<[3.500000e+00, 0.000000e+00]> : tensor<2xf32>)
// CHECK-SAME: bias_im(dense<[-1.250000e+00, 2.000000e+00]> : tensor<2xf32>)
// CHECK: lrnn.diag_recurrence %[[RE]], %[[IM]]
// CHECK: lrnn.scale %arg0 by(dense<[1.000000e+00, -5.000000e-01, 2.500000e-01]> : tensor<3xf32>) bias(dense<[-5.000000e-01, -1.000000e+00, 1.000000e+00]> : tensor<3xf32>) : tensor<3xf32>
// CHECK-NOT: lrnn.batchnorm
// CHECK: lrnn.output
lrnn.model @pre_norm(%u: tensor<3xf32>) -> tensor<3xf32> {
  // expected-remark @below {{folded lrnn.batchnorm into 2 users}}
  %z = lrnn.batchnorm %u scale(dense<[2.0, 1.0, 0.5]> : tensor<3xf32>) bias(dense<[0.5, 0.0, 1.0]> : tensor<3xf32>) mean(dense<[1.0, -2.0, 4.0]> : tensor<3xf32>) var(dense<[3.0, 0.0, 15.0]> : tensor<3xf32>) epsilon(1.0) : tensor<3xf32>
  %vr, %vi = lrnn.complex_project %z re(dense<[[1.0, 2.0, 0.0], [0.0, -1.0, 4.0]]> : tensor<2x3xf32>) im(dense<[[0.5, 0.0, -2.0], [1.0, 1.0, 1.0]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, -0.25]> : tensor<2xf32>, dense<[0.25, 0.5]> : tensor<2xf32>) : tensor<2xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<[[1.0, 0.0], [0.5, 1.0], [0.0, -1.0]]> : tensor<3x2xf32>) im(dense<[[0.0, 1.0], [0.25, 0.0], [1.0, 1.0]]> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  %d = lrnn.scale %z by(dense<[1.0, -0.5, 2.0]> : tensor<3xf32>) : tensor<3xf32>
  %o = lrnn.add %y, %d : tensor<3xf32>
  lrnn.output %o : tensor<3xf32>
}

// Existing constant terms are added to: a = [2, 0.5], c = [1, 0].
// bias_re = 0.5 + B̄_re c = 1.5; B̄_im c = 0, so the absent bias_im stays
// absent. D a = [8, 1], D c + bias = [4.25, 0.5].
// CHECK-LABEL: lrnn.model @existing_bias
// CHECK-NOT: lrnn.batchnorm
// CHECK: lrnn.complex_project %arg0 re(dense<{{\[\[}}2.000000e+00, 5.000000e-01]]> : tensor<1x2xf32>) im(dense<{{\[\[}}0.000000e+00, 1.500000e+00]]> : tensor<1x2xf32>) bias_re(dense<1.500000e+00> : tensor<1xf32>) : tensor<2xf32> -> tensor<1xf32>
// CHECK: lrnn.scale %arg0 by(dense<[8.000000e+00, 1.000000e+00]> : tensor<2xf32>) bias(dense<[4.250000e+00, 5.000000e-01]> : tensor<2xf32>) : tensor<2xf32>
lrnn.model @existing_bias(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-remark @below {{folded lrnn.batchnorm into 2 users}}
  %z = lrnn.batchnorm %u scale(dense<[1.0, 1.0]> : tensor<2xf32>) bias(dense<[1.0, 0.0]> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<[0.25, 4.0]> : tensor<2xf32>) epsilon(0.0) : tensor<2xf32>
  %vr, %vi = lrnn.complex_project %z re(dense<[[1.0, 1.0]]> : tensor<1x2xf32>) im(dense<[[0.0, 3.0]]> : tensor<1x2xf32>) bias_re(dense<0.5> : tensor<1xf32>) : tensor<2xf32> -> tensor<1xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<0.5> : tensor<1xf32>, dense<0.25> : tensor<1xf32>) : tensor<1xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<[[1.0], [0.5]]> : tensor<2x1xf32>) im(dense<[[0.0], [1.0]]> : tensor<2x1xf32>) kappa(1.0) : tensor<1xf32> -> tensor<2xf32>
  %d = lrnn.scale %z by(dense<[4.0, 2.0]> : tensor<2xf32>) bias(dense<[0.25, 0.5]> : tensor<2xf32>) : tensor<2xf32>
  %o = lrnn.add %y, %d : tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}

// Post-norm followed by the residual relu: the relu cannot absorb an affine
// map, so the batchnorm stays.
// CHECK-LABEL: lrnn.model @post_norm_relu
// CHECK: %[[N:.*]] = lrnn.batchnorm
// CHECK: lrnn.relu %[[N]]
lrnn.model @post_norm_relu(%u: tensor<2xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<[[1.0, 2.0], [-1.0, 0.5]]> : tensor<2x2xf32>) bias(dense<0.25> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  %g = lrnn.gelu %h approximation(tanh) : tensor<2xf32>
  %s = lrnn.add %g, %h : tensor<2xf32>
  // expected-remark @below {{lrnn.batchnorm not folded: its result is used by 'lrnn.relu', which cannot absorb it}}
  %n = lrnn.batchnorm %s scale(dense<[2.0, 1.0]> : tensor<2xf32>) bias(dense<[0.5, 0.0]> : tensor<2xf32>) mean(dense<[1.0, -2.0]> : tensor<2xf32>) var(dense<[3.0, 0.0]> : tensor<2xf32>) epsilon(1.0) : tensor<2xf32>
  %r = lrnn.relu %n : tensor<2xf32>
  %o = lrnn.project %r weight(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}

// Post-norm without the residual relu feeding the next layer: B̄ and D could
// absorb it, but the next residual add uses it too, so it stays (and the
// projections keep their weights).
// CHECK-LABEL: lrnn.model @post_norm_residual
// CHECK: %[[N:.*]] = lrnn.batchnorm
// CHECK: lrnn.complex_project %[[N]] re(dense<{{\[\[}}1.000000e+00, 2.000000e+00]]> : tensor<1x2xf32>) im(dense<{{\[\[}}5.000000e-01, 0.000000e+00]]> : tensor<1x2xf32>) :
// CHECK: lrnn.scale %[[N]] by(dense<[1.000000e+00, -5.000000e-01]> : tensor<2xf32>) :
// CHECK: lrnn.add %{{.*}}, %[[N]]
lrnn.model @post_norm_residual(%u: tensor<2xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<[[1.0, 2.0], [-1.0, 0.5]]> : tensor<2x2xf32>) bias(dense<0.25> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  %g = lrnn.gelu %h approximation(tanh) : tensor<2xf32>
  %s = lrnn.add %g, %h : tensor<2xf32>
  // expected-remark @below {{lrnn.batchnorm not folded: its result is used by 'lrnn.add', which cannot absorb it}}
  %n = lrnn.batchnorm %s scale(dense<[2.0, 1.0]> : tensor<2xf32>) bias(dense<[0.5, 0.0]> : tensor<2xf32>) mean(dense<[1.0, -2.0]> : tensor<2xf32>) var(dense<[3.0, 0.0]> : tensor<2xf32>) epsilon(1.0) : tensor<2xf32>
  %vr, %vi = lrnn.complex_project %n re(dense<[[1.0, 2.0]]> : tensor<1x2xf32>) im(dense<[[0.5, 0.0]]> : tensor<1x2xf32>) : tensor<2xf32> -> tensor<1xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<0.5> : tensor<1xf32>, dense<0.25> : tensor<1xf32>) : tensor<1xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<[[1.0], [0.5]]> : tensor<2x1xf32>) im(dense<[[0.0], [1.0]]> : tensor<2x1xf32>) kappa(1.0) : tensor<1xf32> -> tensor<2xf32>
  %d = lrnn.scale %n by(dense<[1.0, -0.5]> : tensor<2xf32>) : tensor<2xf32>
  %a = lrnn.add %y, %d : tensor<2xf32>
  %r = lrnn.relu %a : tensor<2xf32>
  %h2 = lrnn.add %r, %n : tensor<2xf32>
  %o = lrnn.project %h2 weight(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}

// The post-norm of the last layer (no residual relu) feeds only the decoder:
// a = [1, 1, 0.125], c = [-0.5, 2, 0.5]; W c = [-0.5 + 0 + 1, 0.5 + 1 + 0] =
// [0.5, 1.5] is added to the bias [1, -1].
// CHECK-LABEL: lrnn.model @post_norm_decoder
// CHECK-NOT: lrnn.batchnorm
// CHECK: %[[S:.*]] = lrnn.add
// CHECK-NEXT: lrnn.project %[[S]] weight(dense<{{\[\[}}1.000000e+00, 0.000000e+00, 2.500000e-01], [-1.000000e+00, 5.000000e-01, 0.000000e+00]]> : tensor<2x3xf32>) bias(dense<[1.500000e+00, 5.000000e-01]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
lrnn.model @post_norm_decoder(%u: tensor<3xf32>) -> tensor<2xf32> {
  %g = lrnn.gelu %u approximation(erf) : tensor<3xf32>
  %s = lrnn.add %g, %u : tensor<3xf32>
  // expected-remark @below {{folded lrnn.batchnorm into 1 user}}
  %n = lrnn.batchnorm %s scale(dense<[2.0, 1.0, 0.5]> : tensor<3xf32>) bias(dense<[0.5, 0.0, 1.0]> : tensor<3xf32>) mean(dense<[1.0, -2.0, 4.0]> : tensor<3xf32>) var(dense<[3.0, 0.0, 15.0]> : tensor<3xf32>) epsilon(1.0) : tensor<3xf32>
  %o = lrnn.project %n weight(dense<[[1.0, 0.0, 2.0], [-1.0, 0.5, 0.0]]> : tensor<2x3xf32>) bias(dense<[1.0, -1.0]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}

// A zero scale makes channel 1 constant: a = [1, 0, 2], c = [-1, 3, -2].
// Sparse storage drops the entries of column 1 (4 non-zeros become 2, and the
// weight stays sparse although it was more than half full); a dense weight
// stays dense with zeros. W c: [-1 + 6, -3 - 1] = [5, -4] (the absent bias
// appears), [-2 + 12 + 2] = [12]; the scale becomes a = [1, 0, 2] and c.
// CHECK-LABEL: lrnn.model @zero_scale
// CHECK-NOT: lrnn.batchnorm
// CHECK: lrnn.project %arg0 weight(#lrnn.sparse<[2, 3], nnz = 2, density = 0.3333, indices = dense<{{\[\[}}0, 0], [1, 2]]> : tensor<2x2xi32>, values = dense<1.000000e+00> : tensor<2xf32>>) bias(dense<[5.000000e+00, -4.000000e+00]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
// CHECK: lrnn.project %arg0 weight(dense<{{\[\[}}2.000000e+00, 0.000000e+00, -2.000000e+00]]> : tensor<1x3xf32>) bias(dense<1.200000e+01> : tensor<1xf32>) : tensor<3xf32> -> tensor<1xf32>
// CHECK: lrnn.scale %arg0 by(dense<[1.000000e+00, 0.000000e+00, 2.000000e+00]> : tensor<3xf32>) bias(dense<[-1.000000e+00, 3.000000e+00, -2.000000e+00]> : tensor<3xf32>) : tensor<3xf32>
lrnn.model @zero_scale(%u: tensor<3xf32>) -> tensor<3xf32> {
  // expected-remark @below {{folded lrnn.batchnorm into 3 users}}
  %n = lrnn.batchnorm %u scale(dense<[1.0, 0.0, 2.0]> : tensor<3xf32>) bias(dense<[0.0, 3.0, 0.0]> : tensor<3xf32>) mean(dense<1.0> : tensor<3xf32>) var(dense<0.0> : tensor<3xf32>) epsilon(1.0) : tensor<3xf32>
  %p = lrnn.project %n weight(#lrnn.sparse<[2, 3], nnz = 4, density = 0.6667, indices = dense<[[0, 0], [0, 1], [1, 1], [1, 2]]> : tensor<4x2xi32>, values = dense<[1.0, 2.0, -1.0, 0.5]> : tensor<4xf32>>) : tensor<3xf32> -> tensor<2xf32>
  %q = lrnn.project %n weight(dense<[[2.0, 4.0, -1.0]]> : tensor<1x3xf32>) : tensor<3xf32> -> tensor<1xf32>
  %s = lrnn.scale %n by(dense<1.0> : tensor<3xf32>) : tensor<3xf32>
  %o = lrnn.project %p weight(dense<[[1.0, 1.0], [0.0, 1.0], [1.0, 0.0]]> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  %w = lrnn.project %q weight(dense<[[1.0], [2.0], [3.0]]> : tensor<3x1xf32>) : tensor<1xf32> -> tensor<3xf32>
  %ow = lrnn.add %o, %w : tensor<3xf32>
  %r = lrnn.add %ow, %s : tensor<3xf32>
  lrnn.output %r : tensor<3xf32>
}

// Sparse weights keep their pattern when no scale is zero: a = [2, 0.5, -1,
// 4], c = 0, so no constant term appears either.
// CHECK-LABEL: lrnn.model @sparse
// CHECK-NOT: lrnn.batchnorm
// CHECK: lrnn.complex_project %arg0 re(#lrnn.sparse<[2, 4], nnz = 5, density = 0.6250, indices = dense<{{\[\[}}0, 0], [0, 2], [1, 1], [1, 2], [1, 3]]> : tensor<5x2xi32>, values = dense<[2.000000e+00, 1.000000e+00, 2.500000e-01, -3.000000e+00, 4.000000e+00]> : tensor<5xf32>>) im(#lrnn.sparse<[2, 4], nnz = 1, density = 0.1250, indices = dense<{{\[\[}}1, 3]]> : tensor<1x2xi32>, values = dense<-2.000000e+00> : tensor<1xf32>>) : tensor<4xf32> -> tensor<2xf32>
// CHECK: lrnn.scale %arg0 by(dense<[2.000000e+00, 5.000000e-01, -1.000000e+00, 4.000000e+00]> : tensor<4xf32>) : tensor<4xf32>
lrnn.model @sparse(%u: tensor<4xf32>) -> tensor<4xf32> {
  // expected-remark @below {{folded lrnn.batchnorm into 2 users}}
  %z = lrnn.batchnorm %u scale(dense<[2.0, 1.0, -0.5, 4.0]> : tensor<4xf32>) bias(dense<0.0> : tensor<4xf32>) mean(dense<0.0> : tensor<4xf32>) var(dense<[1.0, 4.0, 0.25, 1.0]> : tensor<4xf32>) epsilon(0.0) : tensor<4xf32>
  %vr, %vi = lrnn.complex_project %z re(#lrnn.sparse<[2, 4], nnz = 5, density = 0.625, indices = dense<[[0, 0], [0, 2], [1, 1], [1, 2], [1, 3]]> : tensor<5x2xi32>, values = dense<[1.0, -1.0, 0.5, 3.0, 1.0]> : tensor<5xf32>>) im(#lrnn.sparse<[2, 4], nnz = 1, density = 0.125, indices = dense<[[1, 3]]> : tensor<1x2xi32>, values = dense<-0.5> : tensor<1xf32>>) : tensor<4xf32> -> tensor<2xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, -0.25]> : tensor<2xf32>, dense<[0.25, 0.5]> : tensor<2xf32>) : tensor<2xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<[[1.0, 0.0], [0.5, 1.0], [0.0, -1.0], [1.0, 1.0]]> : tensor<4x2xf32>) im(dense<[[0.0, 1.0], [0.25, 0.0], [1.0, 1.0], [0.0, 0.0]]> : tensor<4x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<4xf32>
  %d = lrnn.scale %z by(dense<1.0> : tensor<4xf32>) : tensor<4xf32>
  %o = lrnn.add %y, %d : tensor<4xf32>
  lrnn.output %o : tensor<4xf32>
}

// A batchnorm feeding a fused projection (B̄_re, B̄_im and D stacked, as
// --lrnn-fuse makes them): a = [1, 0.5], c = [1, -1], W c = [-1, -4, -1].
// CHECK-LABEL: lrnn.model @fused
// CHECK-NOT: lrnn.batchnorm
// CHECK: lrnn.fused_project %arg0 weight(dense<{{\[\[}}1.000000e+00, 1.000000e+00], [0.000000e+00, 2.000000e+00], [-1.000000e+00, 0.000000e+00]]> : tensor<3x2xf32>) bias(dense<[-1.000000e+00, -4.000000e+00, -1.000000e+00]> : tensor<3xf32>) sizes [2, 1] : tensor<2xf32> -> tensor<2xf32>, tensor<1xf32>
lrnn.model @fused(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-remark @below {{folded lrnn.batchnorm into 1 user}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<[1.0, 0.0]> : tensor<2xf32>) mean(dense<[0.0, 2.0]> : tensor<2xf32>) var(dense<[0.0, 3.0]> : tensor<2xf32>) epsilon(1.0) : tensor<2xf32>
  %p, %q = lrnn.fused_project %n weight(dense<[[1.0, 2.0], [0.0, 4.0], [-1.0, 0.0]]> : tensor<3x2xf32>) sizes [2, 1] : tensor<2xf32> -> tensor<2xf32>, tensor<1xf32>
  %g = lrnn.sigmoid %p : tensor<2xf32>
  %o = lrnn.project %q weight(dense<[[1.0], [-1.0]]> : tensor<2x1xf32>) : tensor<1xf32> -> tensor<2xf32>
  %m = lrnn.mul %g, %o : tensor<2xf32>
  lrnn.output %m : tensor<2xf32>
}

// Two batchnorms in a row: the second folds into the projection first, then
// the first one does. a1 = [2, 1], c1 = [1, -1]; a2 = [0.5, 2], c2 = [0, 1];
// W a2 a1 = [[1, 2]], bias 0.25 + W (a2 c1 + c2) = 0.25 + 0.5 + (-2 + 1) =
// -0.25.
// CHECK-LABEL: lrnn.model @chain
// CHECK-NOT: lrnn.batchnorm
// CHECK: lrnn.project %arg0 weight(dense<{{\[\[}}1.000000e+00, 2.000000e+00]]> : tensor<1x2xf32>) bias(dense<-2.500000e-01> : tensor<1xf32>) : tensor<2xf32> -> tensor<1xf32>
lrnn.model @chain(%u: tensor<2xf32>) -> tensor<1xf32> {
  // expected-remark @below {{folded lrnn.batchnorm into 1 user}}
  %n1 = lrnn.batchnorm %u scale(dense<[2.0, 1.0]> : tensor<2xf32>) bias(dense<[1.0, -1.0]> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(0.0) : tensor<2xf32>
  // expected-remark @below {{folded lrnn.batchnorm into 1 user}}
  %n2 = lrnn.batchnorm %n1 scale(dense<[0.5, 2.0]> : tensor<2xf32>) bias(dense<[0.0, 1.0]> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(0.0) : tensor<2xf32>
  %o = lrnn.project %n2 weight(dense<[[1.0, 1.0]]> : tensor<1x2xf32>) bias(dense<0.25> : tensor<1xf32>) : tensor<2xf32> -> tensor<1xf32>
  lrnn.output %o : tensor<1xf32>
}

// One user that cannot absorb is enough to keep the batchnorm; every such
// user is named once, in program order.
// CHECK-LABEL: lrnn.model @mixed_users
// CHECK: %[[N:.*]] = lrnn.batchnorm
// CHECK: lrnn.project %[[N]] weight(dense<1.000000e+00> : tensor<1x2xf32>) :
lrnn.model @mixed_users(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-remark @below {{lrnn.batchnorm not folded: its result is used by 'lrnn.sigmoid', 'lrnn.mul', 'lrnn.output', which cannot absorb it}}
  %n = lrnn.batchnorm %u scale(dense<[2.0, 1.0]> : tensor<2xf32>) bias(dense<[1.0, -1.0]> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(0.0) : tensor<2xf32>
  %p = lrnn.project %n weight(dense<[[1.0, 1.0]]> : tensor<1x2xf32>) : tensor<2xf32> -> tensor<1xf32>
  %g = lrnn.sigmoid %n : tensor<2xf32>
  %m = lrnn.mul %g, %n : tensor<2xf32>
  %x = lrnn.mul %m, %n : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// An unused batchnorm is simply removed.
// CHECK-LABEL: lrnn.model @unused
// CHECK-NOT: lrnn.batchnorm
// CHECK: lrnn.output %arg0
lrnn.model @unused(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-remark @below {{removed lrnn.batchnorm: its result is unused}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(0.0) : tensor<2xf32>
  lrnn.output %u : tensor<2xf32>
}

// A fold whose values would not fit in f32 is not done: a = 1e30 / sqrt(1e-30)
// = 1e45 times the weight 1 overflows. The projection is left untouched.
// CHECK-LABEL: lrnn.model @overflow
// CHECK: %[[N:.*]] = lrnn.batchnorm
// CHECK: lrnn.scale %[[N]] by(dense<1.000000e+00> : tensor<1xf32>) :
// CHECK: lrnn.project %[[N]] weight(dense<1.000000e+00> : tensor<1x1xf32>) :
lrnn.model @overflow(%u: tensor<1xf32>) -> tensor<1xf32> {
  // expected-remark @below {{lrnn.batchnorm not folded: folding into 'lrnn.scale' would make factor overflow f32}}
  %n = lrnn.batchnorm %u scale(dense<1.0e+30> : tensor<1xf32>) bias(dense<0.0> : tensor<1xf32>) mean(dense<0.0> : tensor<1xf32>) var(dense<0.0> : tensor<1xf32>) epsilon(1.0e-30) : tensor<1xf32>
  %s = lrnn.scale %n by(dense<1.0> : tensor<1xf32>) : tensor<1xf32>
  %p = lrnn.project %n weight(dense<1.0> : tensor<1x1xf32>) : tensor<1xf32> -> tensor<1xf32>
  %o = lrnn.add %s, %p : tensor<1xf32>
  lrnn.output %o : tensor<1xf32>
}
