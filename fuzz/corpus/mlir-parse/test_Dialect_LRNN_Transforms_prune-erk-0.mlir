// --lrnn-prune scope=erk (the default): Erdős–Rényi-Kernel allocation. The
// density of a rows x cols tensor is eps * (rows + cols) / (rows * cols),
// capped at 1; eps makes the kept entries add up to (1 - s) of all entries.

// 36 entries, 18 to keep. Raw densities (r + c) / (r c): 4x4 -> 8/16,
// 2x4 -> 6/8, 1x2 -> 3/2. First round: eps = 18 / (8 + 6 + 6 + 3 + 3) =
// 18/26, and the 1x2 tensors would get 1.04 > 1: they become dense. Second
// round over the rest: eps = (18 - 2 - 2) / (8 + 6 + 6) = 0.7, so the 4x4
// keeps 0.7 * 8 = 5.6 -> 6 entries (density 0.35) and each 2x4 keeps
// 0.7 * 6 = 4.2 -> 4 (density 0.525): 6 + 4 + 4 + 2 + 2 = 18.
// expected-remark @below {{lrnn-prune scope=erk sparsity=0.5: 18 of 36 weights kept (50.0% sparse) in 5 tensors, 36 non-zero before}}
lrnn.model @capped(%u: tensor<4xf32>) -> tensor<1xf32> {
  // expected-remark @below {{pruned weight to 62.5% sparsity (6 of 16 kept, 16 non-zero before)}}
  %a = lrnn.project %u weight(dense<[[16.0, 1.0, 2.0, 3.0], [4.0, 15.0, 5.0, 6.0], [7.0, 8.0, 14.0, 9.0], [10.0, 11.0, 12.0, 13.0]]> : tensor<4x4xf32>) : tensor<4xf32> -> tensor<4xf32>
  // expected-remark @below {{pruned weight_re to 50.0% sparsity (4 of 8 kept, 8 non-zero before)}}
  // expected-remark @below {{pruned weight_im to 50.0% sparsity (4 of 8 kept, 8 non-zero before)}}
  %vr, %vi = lrnn.complex_project %a re(dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>) im(dense<[[-8.0, -7.0, -6.0, -5.0], [-4.0, -3.0, -2.0, -1.0]]> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.25]> : tensor<2xf32>, dense<[0.0, 0.125]> : tensor<2xf32>) : tensor<2xf32>
  // Capped at density 1: nothing lost, left as it was.
  // expected-remark @below {{pruned weight_re to 0.0% sparsity (2 of 2 kept, 2 non-zero before)}}
  // expected-remark @below {{pruned weight_im to 0.0% sparsity (2 of 2 kept, 2 non-zero before)}}
  %r = lrnn.complex_readout %xr, %xi re(dense<[[0.5, 0.25]]> : tensor<1x2xf32>) im(dense<[[0.125, 1.0]]> : tensor<1x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<1xf32>
  lrnn.output %r : tensor<1xf32>
}

// Three tensors of 3 entries with raw density 4/3 each: eps = 4.5 / 12, each
// quota is 1.5 entries and the total 4.5 rounds to 5. Rounding each quota
// would keep 6; the quotas are apportioned instead (largest remainder, ties
// to the earlier tensor): 2, 2, 1.
// expected-remark @below {{lrnn-prune scope=erk sparsity=0.5: 5 of 9 weights kept (44.4% sparse) in 3 tensors, 9 non-zero before}}
lrnn.model @apportioned(%u: tensor<3xf32>) -> tensor<1xf32> {
  // Two thirds full: dense.
  // expected-remark @below {{pruned weight to 33.3% sparsity (2 of 3 kept, 3 non-zero before)}}
  %a = lrnn.project %u weight(dense<[[1.0, 2.0, 3.0]]> : tensor<1x3xf32>) : tensor<3xf32> -> tensor<1xf32>
  // expected-remark @below {{pruned weight to 33.3% sparsity (2 of 3 kept, 3 non-zero before)}}
  %b = lrnn.project %a weight(dense<[[-3.0], [1.0], [3.0]]> : tensor<3x1xf32>) : tensor<1xf32> -> tensor<3xf32>
  // expected-remark @below {{pruned weight to 66.7% sparsity (1 of 3 kept, 3 non-zero before)}}
  %c = lrnn.project %b weight(dense<[[9.0, 8.0, 7.0]]> : tensor<1x3xf32>) : tensor<3xf32> -> tensor<1xf32>
  lrnn.output %c : tensor<1xf32>
}
