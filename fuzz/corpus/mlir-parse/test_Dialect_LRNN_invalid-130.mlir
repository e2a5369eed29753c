lrnn.model @fused_piece_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.fused_project' op size 3 of piece 1 does not match result type 'tensor<2xf32>'}}
  %a, %b = lrnn.fused_project %u weight(dense<1.0> : tensor<5x2xf32>) sizes [2, 3] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  lrnn.output %a : tensor<2xf32>
}
