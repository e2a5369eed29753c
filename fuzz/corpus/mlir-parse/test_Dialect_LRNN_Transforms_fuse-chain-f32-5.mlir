// A complex projection after a projection: the imaginary part overflows.
lrnn.model @complex_overflow(%u: tensor<1xf32>) -> tensor<1xf32> {
  // The complex projection alone becomes a stacked operator of [re; im].
  %a = lrnn.project %u weight(dense<1.0e20> : tensor<1x1xf32>) : tensor<1xf32> -> tensor<1xf32>
  // expected-remark @+2 {{kept separate from the preceding lrnn.project: product weight_im entry (0, 0) = -1e+40 overflows f32}}
  // expected-remark @+1 {{fused 1 linear ops (2 matrices, 2 non-zeros) reading one vector}}
  %vr, %vi = lrnn.complex_project %a re(dense<1.0> : tensor<1x1xf32>) im(dense<-1.0e20> : tensor<1x1xf32>) : tensor<1xf32> -> tensor<1xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<0.5> : tensor<1xf32>, dense<0.0> : tensor<1xf32>) : tensor<1xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<1.0> : tensor<1x1xf32>) im(dense<1.0> : tensor<1x1xf32>) kappa(1.0) : tensor<1xf32> -> tensor<1xf32>
  lrnn.output %y : tensor<1xf32>
}
