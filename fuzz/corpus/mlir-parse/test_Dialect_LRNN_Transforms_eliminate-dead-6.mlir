// Constant channels through element-wise ops, evaluated in double as the
// interpreter does: channel 1 is relu(-0.5) = 0, gelu(0) * σ(0) = 0, then
// batchnorm(0); channel 2 is m = gelu_tanh(0.75) σ(gelu_tanh(0.75)), then
// batchnorm(m). Decoder bias = 2 bn(0) + 3 bn(m), 0.5 bn(0) + 0.25 bn(m).
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
