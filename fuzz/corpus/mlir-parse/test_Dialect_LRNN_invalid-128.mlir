//===----------------------------------------------------------------------===//
// lrnn.fused_project
//===----------------------------------------------------------------------===//

lrnn.model @fused_sizes_count(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.fused_project' op has 2 results but 3 sizes}}
  %a, %b = lrnn.fused_project %u weight(dense<1.0> : tensor<5x2xf32>) sizes [2, 2, 1] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  lrnn.output %a : tensor<2xf32>
}
