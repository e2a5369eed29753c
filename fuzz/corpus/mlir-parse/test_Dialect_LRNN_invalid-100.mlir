//===----------------------------------------------------------------------===//
// Element-wise ops
//===----------------------------------------------------------------------===//

lrnn.model @gelu_keyword(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{expected 'tanh' or 'erf', got 'fast'}}
  %g = lrnn.gelu %u approximation(fast) : tensor<2xf32>
  lrnn.output %g : tensor<2xf32>
}
