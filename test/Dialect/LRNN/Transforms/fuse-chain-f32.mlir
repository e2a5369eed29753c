// Multiplying out two projections stores the product (and the folded bias)
// as f32. When an entry would overflow to inf (invalid IR) or a non-zero
// entry would round to zero or to a subnormal (a silent change), the
// projections stay apart, with a remark naming the entry.
// RUN: lrnn-opt %s --split-input-file --lrnn-fuse 2>/dev/null | FileCheck %s
// RUN: lrnn-opt %s --split-input-file --lrnn-fuse --verify-diagnostics > /dev/null

// CHECK-LABEL: lrnn.model @overflow
lrnn.model @overflow(%u: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK-NEXT: %[[A:.*]] = lrnn.project %arg0 weight(dense<{{\[\[}}1.000000e+30, 0.000000e+00], [0.000000e+00, 1.000000e+00]]>
  // CHECK-NEXT: %[[B:.*]] = lrnn.project %[[A]] weight(dense<{{\[\[}}1.000000e+30, 0.000000e+00], [0.000000e+00, 1.000000e+00]]>
  // CHECK-NEXT: lrnn.output %[[B]]
  %a = lrnn.project %u weight(dense<[[1.0e30, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{kept separate from the preceding lrnn.project: product weight entry (0, 0) = 1e+60 overflows f32}}
  %b = lrnn.project %a weight(dense<[[1.0e30, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}

// -----

// CHECK-LABEL: lrnn.model @underflow
lrnn.model @underflow(%u: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK-NEXT: %[[A:.*]] = lrnn.project %arg0 weight(dense<{{\[\[}}1.000000e-30, 0.000000e+00], [0.000000e+00, 1.000000e+00]]>
  // CHECK-NEXT: %[[B:.*]] = lrnn.project %[[A]] weight(dense<{{\[\[}}1.000000e-30, 0.000000e+00], [0.000000e+00, 1.000000e+00]]>
  // CHECK-NEXT: lrnn.output %[[B]]
  %a = lrnn.project %u weight(dense<[[1.0e-30, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{kept separate from the preceding lrnn.project: product weight entry (0, 0) = 1e-60 underflows f32}}
  %b = lrnn.project %a weight(dense<[[1.0e-30, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}

// -----

// 1e-20 * 1e-20 = 1e-40 is not zero in f32 but subnormal.
// CHECK-LABEL: lrnn.model @subnormal
lrnn.model @subnormal(%u: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK-NEXT: lrnn.project %arg0
  // CHECK-NEXT: lrnn.project
  %a = lrnn.project %u weight(dense<[[1.0, 0.0], [0.0, 1.0e-20]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{kept separate from the preceding lrnn.project: product weight entry (1, 1) = 1e-40 underflows f32}}
  %b = lrnn.project %a weight(dense<[[1.0, 0.0], [0.0, 1.0e-20]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}

// -----

// The folded bias B a + b overflows (and, below, underflows) while the
// product of the weights fits.
// CHECK-LABEL: lrnn.model @bias_overflow
lrnn.model @bias_overflow(%u: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK-NEXT: lrnn.project %arg0
  // CHECK-NEXT: lrnn.project
  %a = lrnn.project %u weight(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) bias(dense<[1.0, 1.0e30]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{kept separate from the preceding lrnn.project: folded bias entry 1 = 1e+39 overflows f32}}
  %b = lrnn.project %a weight(dense<[[1.0, 0.0], [0.0, 1.0e9]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}

// -----

// CHECK-LABEL: lrnn.model @bias_underflow
lrnn.model @bias_underflow(%u: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK-NEXT: lrnn.project %arg0
  // CHECK-NEXT: lrnn.project
  %a = lrnn.project %u weight(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) bias(dense<[1.0e-30, 0.0]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{kept separate from the preceding lrnn.project: folded bias entry 0 = 1e-50 underflows f32}}
  %b = lrnn.project %a weight(dense<[[1.0e-20, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}

// -----

// A complex projection after a projection: the imaginary part overflows.
// CHECK-LABEL: lrnn.model @complex_overflow
lrnn.model @complex_overflow(%u: tensor<1xf32>) -> tensor<1xf32> {
  // CHECK-NEXT: %[[A:.*]] = lrnn.project %arg0 weight(dense<1.000000e+20> : tensor<1x1xf32>)
  // The complex projection alone becomes a stacked operator of [re; im].
  // CHECK-NEXT: lrnn.fused_project %[[A]] weight(dense<{{\[\[}}1.000000e+00], [-1.000000e+20]]> : tensor<2x1xf32>) sizes [1, 1]
  %a = lrnn.project %u weight(dense<1.0e20> : tensor<1x1xf32>) : tensor<1xf32> -> tensor<1xf32>
  // expected-remark @+2 {{kept separate from the preceding lrnn.project: product weight_im entry (0, 0) = -1e+40 overflows f32}}
  // expected-remark @+1 {{fused 1 linear ops (2 matrices, 2 non-zeros) reading one vector}}
  %vr, %vi = lrnn.complex_project %a re(dense<1.0> : tensor<1x1xf32>) im(dense<-1.0e20> : tensor<1x1xf32>) : tensor<1xf32> -> tensor<1xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<0.5> : tensor<1xf32>, dense<0.0> : tensor<1xf32>) : tensor<1xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<1.0> : tensor<1x1xf32>) im(dense<1.0> : tensor<1x1xf32>) kappa(1.0) : tensor<1xf32> -> tensor<1xf32>
  lrnn.output %y : tensor<1xf32>
}

// -----

// Large and small factors whose products are normal f32 values still fuse.
// CHECK-LABEL: lrnn.model @in_range
lrnn.model @in_range(%u: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK-NEXT: %[[P:.*]] = lrnn.project %arg0 weight(#lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense<{{\[\[}}0, 0], [1, 1]]> : tensor<2x2xi32>, values = dense<[1.000000e+00, 1.00000013E-36]> : tensor<2xf32>>) bias(dense<[1.000000e+00, 0.000000e+00]> : tensor<2xf32>)
  // CHECK-NEXT: lrnn.output %[[P]]
  %a = lrnn.project %u weight(dense<[[1.0e30, 0.0], [0.0, 1.0e-18]]> : tensor<2x2xf32>) bias(dense<[1.0e30, 0.0]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{multiplied out with the preceding lrnn.project: nnz(product) = 2 <= nnz(A) + nnz(B) = 4}}
  %b = lrnn.project %a weight(dense<[[1.0e-30, 0.0], [0.0, 1.0e-18]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}
