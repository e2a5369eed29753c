// --lrnn-prune scope=global: one magnitude threshold over all projection
// weights of a model, keeping exactly round((1 - s) * total) entries; ties
// go to the earlier tensor (program order, re before im), then the earlier
// position. (1 - 0.5625) * 16 = 7 and (1 - 0.5625) * 12 = 5.25 -> 5.

// Magnitudes in order: 5 (fused), 4 (first), 3 (first), 3 (second),
// 2 (fused), then three 1s for the last two places: the first and second
// tensors' 1s are kept, the fused weight's is not. -0.0 is a zero.
// expected-remark @below {{lrnn-prune scope=global sparsity=0.5625: 7 of 16 weights kept (56.2% sparse) in 3 tensors, 15 non-zero before}}
lrnn.model @global(%u: tensor<2xf32>) -> tensor<2xf32> {
  // 3 of 4 kept: more than half full, stays dense.
  // expected-remark @below {{pruned weight to 25.0% sparsity (3 of 4 kept, 4 non-zero before)}}
  %a = lrnn.project %u weight(dense<[[-4.0, 1.0], [0.5, 3.0]]> : tensor<2x2xf32>) bias(dense<[0.001, 0.002]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @below {{pruned weight to 50.0% sparsity (2 of 4 kept, 3 non-zero before)}}
  %b = lrnn.project %a weight(dense<[[1.0, 3.0], [0.25, -0.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @below {{pruned weight to 75.0% sparsity (2 of 8 kept, 8 non-zero before)}}
  %f0, %f1 = lrnn.fused_project %b weight(dense<[[0.1, 5.0], [0.2, 0.3], [1.0, 0.01], [2.0, 0.02]]> : tensor<4x2xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  %y = lrnn.add %f0, %f1 : tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// One threshold can empty a tensor (B̄_re) and leave another whole (B̄_im);
// real and imaginary parts compete as separate tensors. Λ̄ is untouched.
// expected-remark @below {{lrnn-prune scope=global sparsity=0.5625: 5 of 12 weights kept (58.3% sparse) in 4 tensors, 12 non-zero before}}
lrnn.model @complex(%u: tensor<2xf32>) -> tensor<1xf32> {
  // expected-remark @below {{pruned weight_re to 100.0% sparsity (0 of 4 kept, 4 non-zero before)}}
  // expected-remark @below {{pruned weight_im to 0.0% sparsity (4 of 4 kept, 4 non-zero before)}}
  %vr, %vi = lrnn.complex_project %u re(dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>) im(dense<[[8.0, 7.0], [6.0, 5.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.001, 0.5]> : tensor<2xf32>, dense<[0.0, 0.0001]> : tensor<2xf32>) : tensor<2xf32>
  // expected-remark @below {{pruned weight_re to 50.0% sparsity (1 of 2 kept, 2 non-zero before)}}
  // expected-remark @below {{pruned weight_im to 100.0% sparsity (0 of 2 kept, 2 non-zero before)}}
  %r = lrnn.complex_readout %xr, %xi re(dense<[[0.5, 9.0]]> : tensor<1x2xf32>) im(dense<[[0.1, 0.2]]> : tensor<1x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<1xf32>
  lrnn.output %r : tensor<1xf32>
}
