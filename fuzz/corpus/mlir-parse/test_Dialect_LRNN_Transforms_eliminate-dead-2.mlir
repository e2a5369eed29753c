// Column 0 of both C̃ parts is zero: state 0 is never read. State 1 has only
// its C̃_re column zero and state 2 only its C̃_im column: crelu lets the real
// part decide whether the imaginary part is kept, so both stay. State 3 has
// zero B̄ rows and zero C̃ columns: it counts as a zero B̄ row.
lrnn.model @zero_c_columns(%u: tensor<3xf32>) -> tensor<2xf32> {
  %vr, %vi = lrnn.complex_project %u re(dense<[[1.0, 0.0, 0.5], [0.0, 1.0, 0.0], [0.25, 0.25, 0.25], [0.0, 0.0, 0.0]]> : tensor<4x3xf32>) im(dense<[[0.5, 0.0, 0.0], [0.0, 0.0, -1.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]> : tensor<4x3xf32>) : tensor<3xf32> -> tensor<4xf32>
  // expected-remark @+1 {{removed 2 of 4 states (1 with zero B̄ rows, 1 with zero C̃ columns)}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6, 0.7, 0.8]> : tensor<4xf32>, dense<[0.1, -0.2, 0.3, -0.4]> : tensor<4xf32>) : tensor<4xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<4xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<[[0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 2.0, 0.0]]> : tensor<2x4xf32>) im(dense<[[0.0, 1.0, 0.0, 0.0], [0.0, 0.5, 0.0, 0.0]]> : tensor<2x4xf32>) kappa(2.0) : tensor<4xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
