// Bad options are errors on the model op and make the pass fail; nothing is
// printed.

// ONE: prune-errors.mlir:[[@LINE+6]]:1: error: lrnn-prune: sparsity must be in [0, 1), got 1{{$}}
// ABOVE: prune-errors.mlir:[[@LINE+5]]:1: error: lrnn-prune: sparsity must be in [0, 1), got 1.5{{$}}
// NEG: prune-errors.mlir:[[@LINE+4]]:1: error: lrnn-prune: sparsity must be in [0, 1), got -0.1{{$}}
// NAN: prune-errors.mlir:[[@LINE+3]]:1: error: lrnn-prune: sparsity must be in [0, 1), got nan{{$}}
// FOO: prune-errors.mlir:[[@LINE+2]]:1: error: lrnn-prune: unknown scope 'foo' (expected global, per-layer or erk){{$}}
// BOTH-COUNT-2: prune-errors.mlir:[[@LINE+1]]:1: error: lrnn-prune:
lrnn.model @m(%u: tensor<2xf32>) -> tensor<2xf32> {
  %a = lrnn.project %u weight(dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %a : tensor<2xf32>
}
