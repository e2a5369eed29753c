// gelu with the exact erf form and with the tanh approximation, at 1, -1, 0
// and 3 (outputs rounded to float32):
//   erf:  0.5 x (1 + erf(x / sqrt(2)))
//   tanh: 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))
// RUN: rm -rf %t && mkdir %t
// RUN: %python -c "import numpy as np; np.save('%t/in.npy', np.array([[1, -1, 0, 3]], np.float32))"
// RUN: lrnn-run %s --input %t/in.npy --output %t/out.npy
// RUN: %python -c "import numpy as np; print(np.load('%t/out.npy').tolist())" | FileCheck %s

// CHECK: {{^\[\[}}0.8413447737693787, -0.15865525603294373, 0.0, 2.995950222015381, 0.8411920070648193, -0.15880800783634186, 0.0, 2.9963626861572266]]

lrnn.model @gelu(%u: tensor<4xf32>) -> tensor<8xf32> {
  %e = lrnn.gelu %u approximation(erf) : tensor<4xf32>
  %t = lrnn.gelu %u approximation(tanh) : tensor<4xf32>
  %top = lrnn.project %e weight(#lrnn.sparse<[8, 4], nnz = 4, density = 0.125, indices = dense<[[0, 0], [1, 1], [2, 2], [3, 3]]> : tensor<4x2xi32>, values = dense<1.0> : tensor<4xf32>>) : tensor<4xf32> -> tensor<8xf32>
  %bottom = lrnn.project %t weight(#lrnn.sparse<[8, 4], nnz = 4, density = 0.125, indices = dense<[[4, 0], [5, 1], [6, 2], [7, 3]]> : tensor<4x2xi32>, values = dense<1.0> : tensor<4xf32>>) : tensor<4xf32> -> tensor<8xf32>
  %y = lrnn.add %top, %bottom : tensor<8xf32>
  lrnn.output %y : tensor<8xf32>
}
