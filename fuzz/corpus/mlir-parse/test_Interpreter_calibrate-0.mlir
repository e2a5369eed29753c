// lrnn-run --calibrate records min, max and absmax of the input and of every
// op result (accumulators, activations and states) over all steps.

// A run without steps has no ranges; an unwritable file fails; neither run
// leaves any file behind.
// EMPTY: lrnn-run: error: {{.*}}empty.npy: --calibrate needs at least one step, the input has none
// UNWRITABLE: lrnn-run: error: {{.*}}missing/cal.json: cannot open for writing

// y = 2 x0 (x1 unused), relu, then a recurrence with lambda 0 that passes
// the input through as the real part.
lrnn.model @m(%u: tensor<2xf32>) -> tensor<1xf32> {
  %p = lrnn.project %u weight(dense<[[2.0, 0.0]]> : tensor<1x2xf32>) : tensor<2xf32> -> tensor<1xf32>
  %r = lrnn.relu %p : tensor<1xf32>
  %zero = lrnn.scale %r by(dense<0.0> : tensor<1xf32>) : tensor<1xf32>
  %xr, %xi = lrnn.diag_recurrence %r, %zero lambda(dense<0.0> : tensor<1xf32>, dense<0.0> : tensor<1xf32>) : tensor<1xf32>
  lrnn.output %xr : tensor<1xf32>
}
