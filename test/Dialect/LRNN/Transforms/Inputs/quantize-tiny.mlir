// A float model with every quantisable op, for quantize.mlir.
lrnn.model @tiny(%u: tensor<2xf32>) -> tensor<1xf32> {
  %h = lrnn.project %u weight(dense<[[0.5, -0.25], [1.0, 0.125]]> : tensor<2x2xf32>) bias(dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  %r = lrnn.relu %h : tensor<2xf32>
  %s = lrnn.sigmoid %r : tensor<2xf32>
  %m = lrnn.mul %r, %s : tensor<2xf32>
  %vr, %vi = lrnn.complex_project %m re(dense<[[0.5, 0.25]]> : tensor<1x2xf32>) im(dense<[[-0.125, 0.0]]> : tensor<1x2xf32>) : tensor<2xf32> -> tensor<1xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.9]> : tensor<1xf32>, dense<[0.1]> : tensor<1xf32>) : tensor<1xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<1xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<[[1.0], [0.5]]> : tensor<2x1xf32>) im(dense<[[0.25], [0.0]]> : tensor<2x1xf32>) kappa(2.0) : tensor<1xf32> -> tensor<2xf32>
  %n = lrnn.batchnorm %y scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.5> : tensor<2xf32>) var(dense<0.75> : tensor<2xf32>) epsilon(0.25) : tensor<2xf32>
  %a = lrnn.add %n, %m : tensor<2xf32>
  %g = lrnn.gelu %a approximation(tanh) : tensor<2xf32>
  %p, %q = lrnn.fused_project %g weight(dense<[[1.0, 0.0], [0.0, -0.5]]> : tensor<2x2xf32>) sizes [1, 1] : tensor<2xf32> -> tensor<1xf32>, tensor<1xf32>
  %o = lrnn.add %p, %q : tensor<1xf32>
  lrnn.output %o : tensor<1xf32>
}
