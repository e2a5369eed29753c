lrnn.model @sparse_long_values(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: values: resource 'val' holds 12 bytes but its type needs 8}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 2], nnz = 2, density = 0.5, indices = dense_resource<idx> : tensor<2x2xi32>, values = dense_resource<val> : tensor<2xf32>>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      idx: "0x0400000000000000000000000100000001000000",
      val: "0x040000000000803F000000C00000803F"
    }
  }
#-}
