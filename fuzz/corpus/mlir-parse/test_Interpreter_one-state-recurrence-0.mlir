// One real state, lambda = 0.5, input 1, 0, 0, 0: outputs 1, .5, .25, .125.
// A second sequence starts again from the zero state.


lrnn.model @one_state(%u: tensor<1xf32>) -> tensor<1xf32> {
  %xr, %xi = lrnn.diag_recurrence %u, %u lambda(dense<0.5> : tensor<1xf32>, dense<0.0> : tensor<1xf32>) : tensor<1xf32>
  // Im x = Re x here (both parts get the same input); read the real part only.
  %y = lrnn.complex_readout %xr, %xi re(dense<1.0> : tensor<1x1xf32>) im(dense<0.0> : tensor<1x1xf32>) kappa(1.0) : tensor<1xf32> -> tensor<1xf32>
  lrnn.output %y : tensor<1xf32>
}
