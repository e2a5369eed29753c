// A complex projection after a projection: B̄ W with the bias carried (then
// stacked into one operator: B̄_re W and B̄_im W read the same vector).
lrnn.model @chain_complex(%u: tensor<2xf32>) -> tensor<1xf32> {
  %a = lrnn.project %u weight(dense<[[1.0, 1.0]]> : tensor<1x2xf32>) bias(dense<0.5> : tensor<1xf32>) : tensor<2xf32> -> tensor<1xf32>
  // expected-remark @+2 {{multiplied out with the preceding lrnn.project}}
  // expected-remark @+1 {{fused 1 linear ops (2 matrices, 4 non-zeros) reading one vector}}
  %vr, %vi = lrnn.complex_project %a re(dense<1.0> : tensor<1x1xf32>) im(dense<2.0> : tensor<1x1xf32>) : tensor<1xf32> -> tensor<1xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<0.5> : tensor<1xf32>, dense<0.0> : tensor<1xf32>) : tensor<1xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<1.0> : tensor<1x1xf32>) im(dense<1.0> : tensor<1x1xf32>) kappa(1.0) : tensor<1xf32> -> tensor<1xf32>
  lrnn.output %y : tensor<1xf32>
}
