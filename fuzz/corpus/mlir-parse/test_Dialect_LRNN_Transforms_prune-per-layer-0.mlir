// --lrnn-prune scope=per-layer: every projection weight on its own keeps
// round((1 - s) * size) largest-magnitude entries (ties: earlier row-major
// position). Λ̄, D, biases and batch-norm parameters are never touched.
//
// Deterministic: a second run over the same input prints the same IR.
// Idempotent: pruning a pruned model again changes nothing.

// expected-remark @below {{lrnn-prune scope=per-layer sparsity=0.5: 24 of 56 weights kept (57.1% sparse) in 9 tensors, 47 non-zero before}}
lrnn.model @per_layer(%u: tensor<4xf32>) -> tensor<2xf32> {
  // Magnitude, not value, decides; the kept values are bit-identical
  // (1.00000012 is the f32 after 1.0 and beats it); the bias is untouched.
  // expected-remark @below {{pruned weight to 50.0% sparsity (4 of 8 kept, 8 non-zero before)}}
  %p0 = lrnn.project %u weight(dense<[[1.0, -4.0, 0.5, 3.0], [-2.0, 0.25, 1.00000012, -0.125]]> : tensor<2x4xf32>) bias(dense<[0.001, 0.0]> : tensor<2xf32>) : tensor<4xf32> -> tensor<2xf32>

  // Ties: five entries of magnitude 1 compete for 3 places; the first three
  // in row-major order win.
  // expected-remark @below {{pruned weight to 50.0% sparsity (3 of 6 kept, 6 non-zero before)}}
  %p1 = lrnn.project %p0 weight(dense<[[1.0, -1.0], [1.0, -1.0], [0.5, 1.0]]> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>

  // Real and imaginary parts are pruned independently: jointly, all of re
  // would go. The constant terms stay.
  // expected-remark @below {{pruned weight_re to 50.0% sparsity (3 of 6 kept, 6 non-zero before)}}
  // expected-remark @below {{pruned weight_im to 50.0% sparsity (3 of 6 kept, 6 non-zero before)}}
  %vr, %vi = lrnn.complex_project %p1 re(dense<[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]> : tensor<2x3xf32>) im(dense<[[6.0, 5.0, 4.0], [3.0, 2.0, 1.0]]> : tensor<2x3xf32>) bias_re(dense<[0.001, 0.0]> : tensor<2xf32>) bias_im(dense<[0.0, 0.002]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>

  // Λ̄ is never pruned.
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.001, 0.5]> : tensor<2xf32>, dense<[0.0, 0.0001]> : tensor<2xf32>) : tensor<2xf32>

  // C̃: re pruned; im is all zero, so nothing is lost and it is left as it
  // was (dense).
  // expected-remark @below {{pruned weight_re to 50.0% sparsity (3 of 6 kept, 6 non-zero before)}}
  // expected-remark @below {{pruned weight_im to 100.0% sparsity (0 of 6 kept, 0 non-zero before)}}
  %r = lrnn.complex_readout %xr, %xi re(dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>) im(dense<0.0> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>

  // D and batch-norm parameters are never pruned.
  %s = lrnn.scale %r by(dense<[0.001, 0.0, 0.002]> : tensor<3xf32>) bias(dense<[0.0, 0.003, 0.0]> : tensor<3xf32>) : tensor<3xf32>
  %n = lrnn.batchnorm %s scale(dense<[0.001, 1.0, 0.0]> : tensor<3xf32>) bias(dense<[0.0, 0.001, 0.0]> : tensor<3xf32>) mean(dense<[0.0, 0.001, 0.0]> : tensor<3xf32>) var(dense<[1.0, 0.001, 1.0]> : tensor<3xf32>) epsilon(1.0e-5) : tensor<3xf32>

  // A sparse weight of density 1.0 in, pruned, half full, sparse out.
  // expected-remark @below {{pruned weight to 50.0% sparsity (3 of 6 kept, 6 non-zero before)}}
  %p2 = lrnn.project %n weight(#lrnn.sparse<[2, 3], nnz = 6, density = 1.0, indices = dense<[[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]]> : tensor<6x2xi32>, values = dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>>) : tensor<3xf32> -> tensor<2xf32>

  // Already-zero entries count as the smallest: 2 places, 1 non-zero, so
  // nothing is lost and the weight is left exactly as it was.
  // expected-remark @below {{pruned weight to 75.0% sparsity (1 of 4 kept, 1 non-zero before)}}
  %p3 = lrnn.project %p2 weight(dense<[[0.0, 7.0], [0.0, 0.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>

  // A fused weight is one tensor: its first piece is pruned away entirely.
  // expected-remark @below {{pruned weight to 50.0% sparsity (4 of 8 kept, 8 non-zero before)}}
  %f0, %f1 = lrnn.fused_project %p3 weight(dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]> : tensor<4x2xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  %y = lrnn.add %f0, %f1 : tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
