// Fused gelu (erf and tanh forms) against lrnn.gelu in the interpreter, on
// x in [-12, 12] in steps of 1/1024, element by element: the relative error
// must stay below 1e-6 also in the tails, where 1 + erf(.) and 1 + tanh(.)
// nearly cancel and amplify any error of the constants (with the constants
// rounded to f32 it was about 7e-4 there).
// RUN: rm -rf %t && mkdir %t
// RUN: %python -c "import numpy as np; np.save('%t/in.npy', (np.arange(-12 * 1024, 12 * 1024 + 4) / 1024).astype(np.float32).reshape(-1, 4))"
// RUN: lrnn-run %s --input %t/in.npy --output %t/before.npy
// RUN: lrnn-opt %s --lrnn-fuse -o %t/fused.mlir 2> /dev/null
// RUN: FileCheck %s < %t/fused.mlir
// RUN: lrnn-run %t/fused.mlir --input %t/in.npy --output %t/after.npy
// RUN: %python -c "import numpy as np, sys; \
// RUN:   b = np.load(sys.argv[1]).astype(np.float64); a = np.load(sys.argv[2]).astype(np.float64); \
// RUN:   assert a.shape == b.shape == (6145, 8), (a.shape, b.shape); \
// RUN:   normal = np.abs(b) >= np.finfo(np.float32).tiny; \
// RUN:   assert np.all(np.abs(a - b)[~normal] <= np.finfo(np.float32).tiny), 'subnormal outputs differ'; \
// RUN:   rel = np.abs(a - b)[normal] / np.abs(b)[normal]; \
// RUN:   print('max relative error %%s' %% ('ok' if rel.max() <= 1e-6 else rel.max()))" %t/before.npy %t/after.npy | FileCheck %s --check-prefix=REL
// REL: max relative error ok

// CHECK-COUNT-2: lrnn.elementwise
// CHECK-NOT: lrnn.gelu
lrnn.model @gelu(%u: tensor<4xf32>) -> tensor<8xf32> {
  // Doubling is exact, so the relative error of each gelu reaches the output.
  %e = lrnn.gelu %u approximation(erf) : tensor<4xf32>
  %e2 = lrnn.add %e, %e : tensor<4xf32>
  %t = lrnn.gelu %u approximation(tanh) : tensor<4xf32>
  %t2 = lrnn.add %t, %t : tensor<4xf32>
  %top = lrnn.project %e2 weight(#lrnn.sparse<[8, 4], nnz = 4, density = 0.125, indices = dense<[[0, 0], [1, 1], [2, 2], [3, 3]]> : tensor<4x2xi32>, values = dense<1.0> : tensor<4xf32>>) : tensor<4xf32> -> tensor<8xf32>
  %bottom = lrnn.project %t2 weight(#lrnn.sparse<[8, 4], nnz = 4, density = 0.125, indices = dense<[[4, 0], [5, 1], [6, 2], [7, 3]]> : tensor<4x2xi32>, values = dense<1.0> : tensor<4xf32>>) : tensor<4xf32> -> tensor<8xf32>
  %y = lrnn.add %top, %bottom : tensor<8xf32>
  lrnn.output %y : tensor<8xf32>
}
