// The lowering of integer lrnn models to Loihi 2 programs: projections become
// synapse blocks of the 8-bit codes (exponent 0) into new groups whose
// microcode adds the aligned bias and narrows once (docs/fixed-point.md §4.1:
// e_acc = e_W + e_x, bias shifted left by e_acc - e_b, result shifted right by
// e_acc - e_y, saturated to 16 bits); element-wise ops become microcode of
// the latest group holding an operand, other operands arriving through
// identity blocks. Execution on the simulator is checked bit for bit by
// test/e2e/fixed-interpreter.test.

// FT-SAME: mode = "fall-through", system = "oheo-gulch"
// PIPE-SAME: mode = "pipelined", system = "oheo-gulch"
// y = narrow(W u + 100 · 2^(21 - 12), 21 - 13): e_acc = 9 + 12 = 21; then relu.
// FT-NOT: start
// PIPE-SAME: start = 1 : i64
// h = narrow(W u, 19 - 10) without bias.
// The sparse projection of h (e_acc = 16, an i8 bias at exponent 3) and the
// sum with relu(y) from @g0, which arrives on port 1 through an identity block.
// PIPE-SAME: start = 2 : i64
// Fall-through: the output in the same step; pipelined: two hops later.
// FT: loihi2.output @output {exp = 13 : i64, size = 1 : i64, source = @g2}
// PIPE: loihi2.output @output {exp = 13 : i64, latency = 2 : i64, size = 1 : i64, source = @g2}
lrnn.model @project(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 13>> attributes {accumulator_bits = 32 : i32} {
  %y = lrnn.qproject %u weight(dense<[[12, -3]]> : tensor<1x2xi8> exp 9) bias(dense<[100]> : tensor<1xi16> exp 12) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 13>>
  %h = lrnn.qproject %u weight(dense<[[1, 2], [3, 4], [-5, 127]]> : tensor<3x2xi8> exp 7) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<3x!lrnn.fixed<16, 10>>
  %s = lrnn.qproject %h weight(#lrnn.sparse<[1, 3], nnz = 2, density = 0.6667, indices = dense<[[0, 0], [0, 2]]> : tensor<2x2xi32>, values = dense<[-127, 5]> : tensor<2xi8>> exp 6) bias(dense<[-7]> : tensor<1xi8> exp 3) : tensor<3x!lrnn.fixed<16, 10>> -> tensor<1x!lrnn.fixed<16, 13>>
  %r = lrnn.qrelu %y : tensor<1x!lrnn.fixed<16, 13>>
  %z = lrnn.qadd %r, %s : tensor<1x!lrnn.fixed<16, 13>>, tensor<1x!lrnn.fixed<16, 13>> -> tensor<1x!lrnn.fixed<16, 13>>
  lrnn.output %z : tensor<1x!lrnn.fixed<16, 13>>
}
