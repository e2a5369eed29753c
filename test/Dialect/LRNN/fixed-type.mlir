// The fixed-point element type parses, prints and round-trips; its verifier
// bounds width and exponent.
// RUN: lrnn-opt %s --split-input-file --verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func @fixed
// CHECK-SAME: tensor<4x!lrnn.fixed<16, 12>>, %{{.*}}: tensor<8x!lrnn.fixed<8, -3>>, %{{.*}}: tensor<2x!lrnn.fixed<24, 0>>
func.func @fixed(%a: tensor<4x!lrnn.fixed<16, 12>>, %b: tensor<8x!lrnn.fixed<8, -3>>, %c: tensor<2x!lrnn.fixed<24, 0>>) {
  return
}

// -----

// expected-error @+1 {{!lrnn.fixed: width must be in [2, 64], got 1}}
func.func @narrow(%a: tensor<4x!lrnn.fixed<1, 0>>) {
  return
}

// -----

// expected-error @+1 {{!lrnn.fixed: width must be in [2, 64], got 65}}
func.func @wide(%a: tensor<4x!lrnn.fixed<65, 0>>) {
  return
}

// -----

// expected-error @+1 {{!lrnn.fixed: exponent must be in [-128, 127], got 200}}
func.func @exponent(%a: tensor<4x!lrnn.fixed<16, 200>>) {
  return
}

// -----

// Float ops do not accept fixed-point values (integer semantics come with the
// quantised ops).
func.func @float_only(%u: tensor<2x!lrnn.fixed<16, 8>>) {
  // expected-error @+1 {{operand #0 must be non-empty 1-D static tensor of f32}}
  %r = lrnn.relu %u : tensor<2x!lrnn.fixed<16, 8>>
  return
}
