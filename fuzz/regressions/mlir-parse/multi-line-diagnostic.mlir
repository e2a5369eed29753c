lrnn.model @sparse_inf(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: non-finite value inf at (0, 2)}}
  %y = lrnn.project %u weight(#rrnn.svecte<[2, 3], nn = 32, Λr = Λi = 32767, e_L = 0: P + 2 = 2 · 32767^2 + lrnn.sigmo2 = 2147352580.
// Inputes = dense<[0x7F800000, 1.0]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
