lrnn.model @elementwise_yield_i1(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    %c = arith.cmpf ogt, %x, %x : f32
    // expected-error @+1 {{'lrnn.yield' op operand #0 must be variadic of 32-bit float, but got 'i1'}}
    lrnn.yield %c : i1
  }
  lrnn.output %e : tensor<2xf32>
}
