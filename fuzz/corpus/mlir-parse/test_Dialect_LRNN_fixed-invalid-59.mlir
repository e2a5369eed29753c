// qscale: one weight per row. e_acc = 2 + 12 = 14, bias at 14 (no shift):
// row 1 = 4 · 32767 + 3 = 131071 (accepted) or + 4 = 2^17 (rejected).
lrnn.model @scale_edge(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 18 : i32} {
  %ok = lrnn.qscale %u factor(dense<[1, -4]> : tensor<2xi8> exp 2) bias(dense<[0, -3]> : tensor<2xi16> exp 14) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qscale' op factor: row 1 may reach 131072, beyond the 18-bit accumulator (lower the weight exponent)}}
  %y = lrnn.qscale %u factor(dense<[1, -4]> : tensor<2xi8> exp 2) bias(dense<[0, -4]> : tensor<2xi16> exp 14) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}

//===----------------------------------------------------------------------===//
// lrnn.qdiag_recurrence (§8.3): P = max_k(|Λr| + |Λi|) · M(w),
// (P >> e_L) + 2 + V < 2^(A-1) (P · 2^-e_L + V for e_L < 0) and
// M(Λ width) · M(w) < 2^(A-1)
//===----------------------------------------------------------------------===//
