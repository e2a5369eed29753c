// expected-error @+1 {{'lrnn.model' op body must end with lrnn.output}}
lrnn.model @yield_terminator(%u: tensor<2xf32>) -> tensor<2xf32> {
  %c = arith.constant 1.0 : f32
  lrnn.yield %c : f32
}
