// The builtin sparse elements attribute is an ElementsAttr but not a storage
// the lrnn readers accept.
lrnn.model @weight_builtin_sparse_elements(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: data is unavailable}}
  %y = lrnn.project %u weight(sparse<[[0, 0]], [1.0]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
