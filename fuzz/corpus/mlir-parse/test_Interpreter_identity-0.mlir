// An identity projection copies its input; the bias is added; an input of
// float64 is read as well as one of float32; a sequence of no steps gives no
// outputs.

// SUMMARY: lrnn-run: {{.*}}identity.mlir: 2 steps, d_input 3, d_output 6, 0 complex states,
// EMPTY: float32 (0, 6)

lrnn.model @identity(%u: tensor<3xf32>) -> tensor<6xf32> {
  %a = lrnn.project %u weight(dense<[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]> : tensor<3x3xf32>) : tensor<3xf32> -> tensor<3xf32>
  // The same through a sparse identity and a bias of 10, taken off again.
  %b = lrnn.project %u weight(#lrnn.sparse<[3, 3], nnz = 3, density = 0.3333, indices = dense<[[0, 0], [1, 1], [2, 2]]> : tensor<3x2xi32>, values = dense<1.0> : tensor<3xf32>>) bias(dense<10.0> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  %c = lrnn.project %b weight(dense<[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]> : tensor<3x3xf32>) bias(dense<-10.0> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  // Stack [a; c].
  %top = lrnn.project %a weight(dense<[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]> : tensor<6x3xf32>) : tensor<3xf32> -> tensor<6xf32>
  %bottom = lrnn.project %c weight(dense<[[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]> : tensor<6x3xf32>) : tensor<3xf32> -> tensor<6xf32>
  %y = lrnn.add %top, %bottom : tensor<6xf32>
  lrnn.output %y : tensor<6xf32>
}
