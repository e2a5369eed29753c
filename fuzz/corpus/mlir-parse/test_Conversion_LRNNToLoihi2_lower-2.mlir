// Pipelined mode: a skip connection over two hops gets a delay of one step
// so that the sum sees the same token on both operands.
// PIPE-LABEL: loihi2.program @skip
// PIPE: loihi2.synapse_block @g2.route1 {delay = 1 : i64, port = 1 : i64, source = @g0, target = @g2
// PIPE: loihi2.output @output {exp = 10 : i64, latency = 3 : i64, size = 3 : i64, source = @g2}
// FT-LABEL: loihi2.program @skip
// FT: loihi2.synapse_block @g2.route1 {delay = 0 : i64, port = 1 : i64, source = @g0, target = @g2
lrnn.model @skip(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<3x!lrnn.fixed<16, 10>> attributes {accumulator_bits = 32 : i32} {
  %a = lrnn.qproject %u weight(dense<[[1, 2], [3, 4], [-5, 127]]> : tensor<3x2xi8> exp 7) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<3x!lrnn.fixed<16, 10>>
  %b = lrnn.qproject %a weight(dense<[[1, 0, 0], [0, 1, 0], [0, 0, 1]]> : tensor<3x3xi8> exp 6) : tensor<3x!lrnn.fixed<16, 10>> -> tensor<3x!lrnn.fixed<16, 10>>
  %c = lrnn.qproject %b weight(dense<[[1, 0, 0], [0, 1, 0], [0, 0, 1]]> : tensor<3x3xi8> exp 6) : tensor<3x!lrnn.fixed<16, 10>> -> tensor<3x!lrnn.fixed<16, 10>>
  %d = lrnn.qadd %c, %a : tensor<3x!lrnn.fixed<16, 10>>, tensor<3x!lrnn.fixed<16, 10>> -> tensor<3x!lrnn.fixed<16, 10>>
  lrnn.output %d : tensor<3x!lrnn.fixed<16, 10>>
}
