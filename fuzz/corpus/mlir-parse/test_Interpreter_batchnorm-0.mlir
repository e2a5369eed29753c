// batchnorm computes (x - mean) / sqrt(var + epsilon) * scale + bias; a zero
// variance is fine with a positive epsilon.

// var + epsilon = 4, 1, 0.0625: divide by 2, 1, 0.25.
// Step 0: (3 - 1) / 2 * 1 + 0.5 = 1.5, (1 - 0) / 1 * 2 = 2, (0.5 - 0.25) * 4 * 3 - 0.5 = 2.5.
// Step 1: (1 - 1) / 2 + 0.5 = 0.5, (-1) * 2 = -2, (0 - 0.25) * 4 * 3 - 0.5 = -3.5.

lrnn.model @batchnorm(%u: tensor<3xf32>) -> tensor<3xf32> {
  %n = lrnn.batchnorm %u scale(dense<[1.0, 2.0, 3.0]> : tensor<3xf32>) bias(dense<[0.5, 0.0, -0.5]> : tensor<3xf32>) mean(dense<[1.0, 0.0, 0.25]> : tensor<3xf32>) var(dense<[3.9375, 0.9375, 0.0]> : tensor<3xf32>) epsilon(0.0625) : tensor<3xf32>
  lrnn.output %n : tensor<3xf32>
}
