// @residual_channel after --lrnn-fuse: B̄ and D are one fused_project with no
// bias (D's row 2 is zero), and the gate σ(p) * a + h is computed inside an
// lrnn.elementwise, where a[2] = 0 makes the product 0 whatever p[2] is. The
// channel goes as before; the fused_project gets a bias for 0.5 * column 2.
lrnn.model @residual_channel_fused(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-remark @+1 {{removed 1 of 3 channels of lrnn.project (0 unused, 1 constant)}}
  %h = lrnn.project %u weight(dense<[[1.0, 0.5, 0.0], [0.0, -1.0, 0.5], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) bias(dense<[0.125, -0.25, 0.5]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  // expected-remark @+1 {{removed 1 of 3 channels of lrnn.fused_project result #2 (0 unused, 1 constant)}}
  %vr, %vi, %d = lrnn.fused_project %h weight(dense<[[1.0, 0.0, 0.5], [0.0, 1.0, -1.0], [0.0, 0.5, 0.0], [0.25, 0.0, 2.0], [1.0, 0.0, 0.0], [0.0, 0.5, 0.0], [0.0, 0.0, 0.0]]> : tensor<7x3xf32>) sizes [2, 2, 3] : tensor<3xf32> -> tensor<2xf32>, tensor<2xf32>, tensor<3xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.6]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<2xf32>
  // expected-remark @+1 {{removed 1 of 3 channels of lrnn.complex_readout (0 unused, 1 constant)}}
  %y = lrnn.complex_readout %cr, %ci re(dense<[[1.0, 0.5], [0.5, -1.0], [0.0, 0.0]]> : tensor<3x2xf32>) im(dense<[[0.5, 0.0], [0.0, 0.25], [0.0, 0.0]]> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  %a = lrnn.elementwise (%y, %d) : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32> {
  ^bb0(%yy: f32, %dd: f32):
    %zero = arith.constant 0.0 : f32
    %s = arith.addf %yy, %dd : f32
    %m = arith.maximumf %s, %zero : f32
    lrnn.yield %m : f32
  }
  // expected-remark @+1 {{removed 1 of 3 channels of lrnn.project (1 unused, 0 constant)}}
  %p = lrnn.project %a weight(dense<[[0.5, 0.25, 1.0], [-0.5, 1.0, 0.0], [1.0, 1.0, 1.0]]> : tensor<3x3xf32>) bias(dense<[0.0, 0.125, 0.25]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %r = lrnn.elementwise (%a, %p, %h) : tensor<3xf32>, tensor<3xf32>, tensor<3xf32> -> tensor<3xf32> {
  ^bb0(%aa: f32, %pp: f32, %hh: f32):
    %one = arith.constant 1.0 : f32
    %n = arith.negf %pp : f32
    %e = math.exp %n : f32
    %den = arith.addf %one, %e : f32
    %sg = arith.divf %one, %den : f32
    %g = arith.mulf %aa, %sg : f32
    %sum = arith.addf %g, %hh : f32
    lrnn.yield %sum : f32
  }
  %o = lrnn.project %r weight(dense<[[1.0, -1.0, 2.0], [0.5, 0.25, -0.5]]> : tensor<2x3xf32>) bias(dense<[0.0, 0.5]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}
