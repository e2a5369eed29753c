// Every rejection of the quantised-model verifiers (lrnn.model with
// !lrnn.fixed signature, the lrnn.q* ops of LRNNFixedOps.cpp; limits of
// docs/fixed-point.md §8), one case per check, with the accepted value next
// to each bound that is exact. Bounds worked out in the comments: M(w) =
// 2^(w-1) - 1, M(16) = 32767, M(24) = 8388607, A = accumulator_bits.
// (--allow-unregistered-dialect: one case needs a fixed-point value in a
// float model, which only a foreign op can produce.)

//===----------------------------------------------------------------------===//
// lrnn.model: the quantised signature and accumulator_bits
//===----------------------------------------------------------------------===//

// expected-error @+1 {{'lrnn.model' op a quantised model takes and returns vectors of !lrnn.fixed, got '(tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2xf32>'}}
lrnn.model @fixed_in_f32_out(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2xf32> attributes {accumulator_bits = 32 : i32} {
  lrnn.output %u : tensor<2x!lrnn.fixed<16, 12>>
}
