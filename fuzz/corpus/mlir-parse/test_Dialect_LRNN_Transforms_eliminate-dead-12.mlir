// Ops whose results nobody reads go, a recurrence included.
lrnn.model @unused_ops(%u: tensor<3xf32>) -> tensor<3xf32> {
  // expected-remark @+1 {{removed lrnn.project: its result is unused}}
  %h = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  // expected-remark @+1 {{removed lrnn.complex_project: its results are unused}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x3xf32>) im(dense<1.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  // expected-remark @+1 {{removed lrnn.diag_recurrence: its results are unused}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  // expected-remark @+1 {{removed lrnn.relu: its result is unused}}
  %r = lrnn.relu %h : tensor<2xf32>
  lrnn.output %u : tensor<3xf32>
}
