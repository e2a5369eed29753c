// x_t = 2 x_{t-1} + u_t diverges (used by ../run-errors.mlir): with u = 1 the
// output 2^(t+1) - 1 overflows float32 at step 127.

lrnn.model @unstable(%u: tensor<3xf32>) -> tensor<2xf32> {
  %v = lrnn.project %u weight(dense<[[1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  %z = lrnn.project %u weight(dense<0.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  %xr, %xi = lrnn.diag_recurrence %v, %z lambda(dense<[2.0, 0.5]> : tensor<2xf32>, dense<0.0> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %xr : tensor<2xf32>
}
