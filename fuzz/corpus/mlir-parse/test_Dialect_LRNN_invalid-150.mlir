func.func @yield_outside_elementwise(%c: f32) {
  // expected-error @+1 {{'lrnn.yield' op expects parent op 'lrnn.elementwise'}}
  lrnn.yield %c : f32
}
