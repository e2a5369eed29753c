// Two models in one file (used by ../run-errors.mlir): lrnn-run cannot tell
// which to run.

lrnn.model @first(%u: tensor<3xf32>) -> tensor<2xf32> {
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

lrnn.model @second(%u: tensor<3xf32>) -> tensor<2xf32> {
  %y = lrnn.project %u weight(dense<2.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
