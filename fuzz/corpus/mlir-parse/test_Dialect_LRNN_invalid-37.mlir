lrnn.model @weight_short_resource(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: resource 'short' holds 8 bytes but its type needs 16}}
  %y = lrnn.project %u weight(dense_resource<short> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      short: "0x040000000000803F000000C0"
    }
  }
#-}
