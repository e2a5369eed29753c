// A model that does not parse (used by ../run-errors.mlir).

lrnn.model @parse_error(%u: tensor<3xf32>) -> tensor<2xf32> {
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %z : tensor<2xf32>
}
