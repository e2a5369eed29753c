// Folding batchnorms changes what a model computes by at most one f32
// rounding per folded value: the outputs before and after agree to 1e-6.
// The pre-norm (with a zero scale, into a sparse and a dense B̄ and into D
// with a bias) and the norm in front of a fused projection fold; the norm in
// front of a relu stays. The zero scale of channel 1 drops the sparse entry
// (1, 1) of B̄_re (6 non-zeros become 5) and zeroes column 1 of the dense
// B̄_im.
//
//
// Folding again changes nothing: the remaining batchnorm still cannot fold.
// AGAIN: remark: lrnn.batchnorm not folded: its result is used by 'lrnn.relu', which cannot absorb it


lrnn.model @exec(%u: tensor<3xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<[[0.5, -0.25, 0.75], [-0.5, 0.375, 0.125], [0.25, 0.5, -0.625], [-0.875, 0.125, 0.25]]> : tensor<4x3xf32>) bias(dense<[0.125, -0.25, 0.5, 0.0]> : tensor<4xf32>) : tensor<3xf32> -> tensor<4xf32>
  // expected-remark @below {{folded lrnn.batchnorm into 2 users}}
  %z = lrnn.batchnorm %h scale(dense<[1.25, 0.0, 0.8, 1.1]> : tensor<4xf32>) bias(dense<[0.1, 0.3, -0.2, 0.05]> : tensor<4xf32>) mean(dense<[0.2, -0.1, 0.35, 0.0]> : tensor<4xf32>) var(dense<[0.7, 1.3, 0.45, 2.1]> : tensor<4xf32>) epsilon(1.0e-3) : tensor<4xf32>
  %vr, %vi = lrnn.complex_project %z re(#lrnn.sparse<[3, 4], nnz = 6, density = 0.5, indices = dense<[[0, 0], [0, 2], [1, 1], [1, 3], [2, 0], [2, 2]]> : tensor<6x2xi32>, values = dense<[0.3, -0.7, 0.55, 0.45, 0.2, 0.6]> : tensor<6xf32>>) im(dense<[[0.1, 0.4, -0.3, 0.0], [-0.2, 0.3, 0.5, 0.1], [0.6, -0.1, 0.0, 0.25]]> : tensor<3x4xf32>) : tensor<4xf32> -> tensor<3xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.9, 0.5, -0.3]> : tensor<3xf32>, dense<[0.2, -0.6, 0.7]> : tensor<3xf32>) : tensor<3xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<[[0.5, -0.2, 0.3], [0.1, 0.4, 0.0], [-0.3, 0.2, 0.6], [0.25, 0.0, -0.45]]> : tensor<4x3xf32>) im(dense<[[0.0, 0.3, -0.1], [0.2, 0.0, 0.5], [0.15, -0.4, 0.0], [0.3, 0.1, 0.2]]> : tensor<4x3xf32>) kappa(2.0) : tensor<3xf32> -> tensor<4xf32>
  %d = lrnn.scale %z by(dense<[0.9, -0.4, 1.2, 0.3]> : tensor<4xf32>) bias(dense<[0.05, 0.0, -0.1, 0.2]> : tensor<4xf32>) : tensor<4xf32>
  %s = lrnn.add %y, %d : tensor<4xf32>
  %a = lrnn.gelu %s approximation(tanh) : tensor<4xf32>
  %r = lrnn.add %a, %h : tensor<4xf32>
  // expected-remark @below {{folded lrnn.batchnorm into 1 user}}
  %n = lrnn.batchnorm %r scale(dense<[0.9, 1.3, 0.7, 1.05]> : tensor<4xf32>) bias(dense<[-0.1, 0.2, 0.0, 0.15]> : tensor<4xf32>) mean(dense<[0.3, 0.1, -0.2, 0.4]> : tensor<4xf32>) var(dense<[0.5, 1.5, 0.8, 0.2]> : tensor<4xf32>) epsilon(1.0e-5) : tensor<4xf32>
  %p, %q = lrnn.fused_project %n weight(#lrnn.sparse<[4, 4], nnz = 7, density = 0.4375, indices = dense<[[0, 0], [0, 3], [1, 1], [2, 0], [2, 2], [3, 1], [3, 3]]> : tensor<7x2xi32>, values = dense<[0.6, -0.3, 0.8, 0.4, -0.5, 0.25, 0.7]> : tensor<7xf32>>) bias(dense<[0.1, 0.0, -0.2, 0.05]> : tensor<4xf32>) sizes [2, 2] : tensor<4xf32> -> tensor<2xf32>, tensor<2xf32>
  %g = lrnn.sigmoid %q : tensor<2xf32>
  %m = lrnn.mul %p, %g : tensor<2xf32>
  // expected-remark @below {{lrnn.batchnorm not folded: its result is used by 'lrnn.relu', which cannot absorb it}}
  %k = lrnn.batchnorm %m scale(dense<[1.1, 0.9]> : tensor<2xf32>) bias(dense<[0.05, -0.05]> : tensor<2xf32>) mean(dense<[0.1, -0.1]> : tensor<2xf32>) var(dense<[0.3, 0.6]> : tensor<2xf32>) epsilon(1.0e-5) : tensor<2xf32>
  %kr = lrnn.relu %k : tensor<2xf32>
  %o = lrnn.project %kr weight(dense<[[0.7, -0.4], [0.3, 0.9]]> : tensor<2x2xf32>) bias(dense<[0.1, -0.1]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}
