// expected-error @+1 {{is not quantised; run --lrnn-quantize first (Loihi 2 executes integer models only)}}
lrnn.model @float(%u: tensor<2xf32>) -> tensor<2xf32> {
  %y = lrnn.relu %u : tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
