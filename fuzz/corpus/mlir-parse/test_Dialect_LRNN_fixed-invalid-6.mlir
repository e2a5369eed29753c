// expected-error @+1 {{'lrnn.model' op accumulator_bits applies only to quantised models}}
lrnn.model @float_with_accumulator(%u: tensor<2xf32>) -> tensor<2xf32> attributes {accumulator_bits = 32 : i32} {
  lrnn.output %u : tensor<2xf32>
}

//===----------------------------------------------------------------------===//
// Every q op: message width, accumulator_bits, parent
//===----------------------------------------------------------------------===//
