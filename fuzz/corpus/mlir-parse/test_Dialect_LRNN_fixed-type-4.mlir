// Float ops do not accept fixed-point values (integer semantics come with the
// quantised ops).
func.func @float_only(%u: tensor<2x!lrnn.fixed<16, 8>>) {
  // expected-error @+1 {{operand #0 must be non-empty 1-D static tensor of f32}}
  %r = lrnn.relu %u : tensor<2x!lrnn.fixed<16, 8>>
  return
}
