// Multiplying out two projections gives the product a bias only when a
// factor had one: (B (A x + a)) + b has the bias B a + b, and without a or b
// no bias at all (not an explicit zero vector).
// RUN: lrnn-opt %s --split-input-file --lrnn-fuse 2>/dev/null | FileCheck %s
// RUN: lrnn-opt %s --split-input-file --lrnn-fuse --verify-diagnostics > /dev/null

// CHECK-LABEL: lrnn.model @no_bias
lrnn.model @no_bias(%u: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK-NEXT: %[[P:.*]] = lrnn.project %arg0 weight(#lrnn.sparse<[2, 2], nnz = 2, {{.*}}, values = dense<[2.000000e+00, 3.000000e+00]> : tensor<2xf32>>) : tensor<2xf32> -> tensor<2xf32>
  // CHECK-NEXT: lrnn.output %[[P]]
  %a = lrnn.project %u weight(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{multiplied out with the preceding lrnn.project}}
  %b = lrnn.project %a weight(dense<[[2.0, 0.0], [0.0, 3.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}

// -----

// Only the first factor has a bias: it is carried through B.
// CHECK-LABEL: lrnn.model @first_bias
lrnn.model @first_bias(%u: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK-NEXT: %[[P:.*]] = lrnn.project %arg0 weight({{.*}}) bias(dense<[2.000000e+00, 6.000000e+00]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // CHECK-NEXT: lrnn.output %[[P]]
  %a = lrnn.project %u weight(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) bias(dense<[1.0, 2.0]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{multiplied out with the preceding lrnn.project}}
  %b = lrnn.project %a weight(dense<[[2.0, 0.0], [0.0, 3.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}

// -----

// Only the second factor has a bias, even one that is all zeros: kept.
// CHECK-LABEL: lrnn.model @second_bias
lrnn.model @second_bias(%u: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK-NEXT: %[[P:.*]] = lrnn.project %arg0 weight({{.*}}) bias(dense<0.000000e+00> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // CHECK-NEXT: lrnn.output %[[P]]
  %a = lrnn.project %u weight(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{multiplied out with the preceding lrnn.project}}
  %b = lrnn.project %a weight(dense<[[2.0, 0.0], [0.0, 3.0]]> : tensor<2x2xf32>) bias(dense<0.0> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}
