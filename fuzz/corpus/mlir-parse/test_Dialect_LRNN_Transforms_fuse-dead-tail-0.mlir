// A group of element-wise ops whose results nothing outside the group reads
// (a dead tail, left for --lrnn-eliminate-dead) must not become an
// lrnn.elementwise without results, which is invalid IR. Run without
// --lrnn-eliminate-dead first, the output must still verify.
// The output parses and verifies again.

// The whole chain is dead: left as it is.
lrnn.model @dead_chain(%u: tensor<2xf32>) -> tensor<2xf32> {
  %p = lrnn.project %u weight(dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  %r = lrnn.relu %p : tensor<2xf32>
  %s = lrnn.sigmoid %r : tensor<2xf32>
  %m = lrnn.mul %s, %r : tensor<2xf32>
  lrnn.output %p : tensor<2xf32>
}
