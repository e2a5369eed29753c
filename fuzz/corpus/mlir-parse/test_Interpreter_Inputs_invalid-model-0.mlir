// A model that does not verify (used by ../run-errors.mlir).

lrnn.model @invalid(%u: tensor<3xf32>) -> tensor<2xf32> {
  %y = lrnn.project %u weight(dense<1.0> : tensor<3x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
