// A model with an op the interpreter does not run (used by ../run-errors.mlir).

lrnn.model @unsupported(%u: tensor<3xf32>) -> tensor<2xf32> {
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  %z = arith.addf %y, %y : tensor<2xf32>
  lrnn.output %z : tensor<2xf32>
}
