// The default threshold keeps weights of density <= 0.5 sparse.
// RUN: lrnn-opt %s --lrnn-select-weight-format | FileCheck %s --check-prefixes=CHECK,DEFAULT
// RUN: lrnn-opt %s --lrnn-select-weight-format=max-sparse-density=0.5 | FileCheck %s --check-prefixes=CHECK,DEFAULT
// RUN: lrnn-opt %s --lrnn-select-weight-format=max-sparse-density=1 | FileCheck %s --check-prefixes=CHECK,SPARSE
// RUN: lrnn-opt %s --lrnn-select-weight-format=max-sparse-density=-1 | FileCheck %s --check-prefixes=CHECK,DENSE
//
// Only the storage changes: dense -> sparse -> dense gives back the identical
// dense literals, and sparse -> dense -> sparse the identical sparse ones.
// RUN: lrnn-opt %s --lrnn-select-weight-format=max-sparse-density=-1 -o %t.dense.mlir
// RUN: lrnn-opt %t.dense.mlir --lrnn-select-weight-format=max-sparse-density=1 | lrnn-opt --lrnn-select-weight-format=max-sparse-density=-1 -o %t.dense2.mlir
// RUN: diff %t.dense.mlir %t.dense2.mlir
// RUN: lrnn-opt %s --lrnn-select-weight-format=max-sparse-density=1 -o %t.sparse.mlir
// RUN: lrnn-opt %t.sparse.mlir --lrnn-select-weight-format=max-sparse-density=-1 | lrnn-opt --lrnn-select-weight-format=max-sparse-density=1 -o %t.sparse2.mlir
// RUN: diff %t.sparse.mlir %t.sparse2.mlir
//
// A second run changes nothing but the names of rebuilt blobs (the old blob
// still holds its name when the new one is made).
// RUN: lrnn-opt %s --lrnn-select-weight-format | lrnn-opt --lrnn-select-weight-format | FileCheck %s --check-prefixes=CHECK,DEFAULT

// CHECK-LABEL: lrnn.model @threshold
lrnn.model @threshold(%u: tensor<2xf32>) -> tensor<2xf32> {
  // Density 0.5: sparse unless everything is made dense.
  // DEFAULT: lrnn.project %arg0 weight(#lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense<{{\[\[}}0, 1], [1, 0]]> : tensor<2x2xi32>, values = dense<[3.000000e+00, -2.000000e+00]> : tensor<2xf32>>) bias(dense<[0.000000e+00, 1.000000e+00]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // SPARSE:  lrnn.project %arg0 weight(#lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense<{{\[\[}}0, 1], [1, 0]]> : tensor<2x2xi32>, values = dense<[3.000000e+00, -2.000000e+00]> : tensor<2xf32>>) bias(dense<[0.000000e+00, 1.000000e+00]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // DENSE:   lrnn.project %arg0 weight(dense<{{\[\[}}0.000000e+00, 3.000000e+00], [-2.000000e+00, 0.000000e+00]]> : tensor<2x2xf32>) bias(dense<[0.000000e+00, 1.000000e+00]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  %a = lrnn.project %u weight(dense<[[0.0, 3.0], [-2.0, 0.0]]> : tensor<2x2xf32>) bias(dense<[0.0, 1.0]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>

  // Density 0.75 given sparse: dense unless everything is made sparse.
  // DEFAULT: lrnn.project %{{.*}} weight(dense<{{\[\[}}1.000000e+00, 0.000000e+00], [2.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // SPARSE:  lrnn.project %{{.*}} weight(#lrnn.sparse<[2, 2], nnz = 3, density = 0.7500, indices = dense<{{\[\[}}0, 0], [1, 0], [1, 1]]> : tensor<3x2xi32>, values = dense<[1.000000e+00, 2.000000e+00, 4.000000e+00]> : tensor<3xf32>>) : tensor<2xf32> -> tensor<2xf32>
  // DENSE:   lrnn.project %{{.*}} weight(dense<{{\[\[}}1.000000e+00, 0.000000e+00], [2.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  %b = lrnn.project %a weight(#lrnn.sparse<[2, 2], nnz = 3, density = 0.75, indices = dense<[[0, 0], [1, 0], [1, 1]]> : tensor<3x2xi32>, values = dense<[1.0, 2.0, 4.0]> : tensor<3xf32>>) : tensor<2xf32> -> tensor<2xf32>

  // Density 1/3 stays sparse by default, 2/3 (next op) becomes dense.
  // DEFAULT: lrnn.project %{{.*}} weight(#lrnn.sparse<[3, 2], nnz = 2, density = 0.3333, indices = dense<{{\[\[}}0, 0], [2, 1]]> : tensor<2x2xi32>, values = dense<[5.000000e-01, -2.500000e-01]> : tensor<2xf32>>) : tensor<2xf32> -> tensor<3xf32>
  // SPARSE:  lrnn.project %{{.*}} weight(#lrnn.sparse<[3, 2], nnz = 2, density = 0.3333, indices = dense<{{\[\[}}0, 0], [2, 1]]> : tensor<2x2xi32>, values = dense<[5.000000e-01, -2.500000e-01]> : tensor<2xf32>>) : tensor<2xf32> -> tensor<3xf32>
  // DENSE:   lrnn.project %{{.*}} weight(dense<{{\[\[}}5.000000e-01, 0.000000e+00], [0.000000e+00, 0.000000e+00], [0.000000e+00, -2.500000e-01]]> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  %c = lrnn.project %b weight(#lrnn.sparse<[3, 2], nnz = 2, density = 0.3333, indices = dense<[[0, 0], [2, 1]]> : tensor<2x2xi32>, values = dense<[0.5, -0.25]> : tensor<2xf32>>) : tensor<2xf32> -> tensor<3xf32>

  // DEFAULT: lrnn.project %{{.*}} weight(dense<{{\[\[}}1.000000e+00, 0.000000e+00, 2.000000e+00], [0.000000e+00, 3.000000e+00, 4.000000e+00]]> : tensor<2x3xf32>) bias(dense<0.000000e+00> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  // SPARSE:  lrnn.project %{{.*}} weight(#lrnn.sparse<[2, 3], nnz = 4, density = 0.6667, indices = dense<{{\[\[}}0, 0], [0, 2], [1, 1], [1, 2]]> : tensor<4x2xi32>, values = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32>>) bias(dense<0.000000e+00> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  // DENSE:   lrnn.project %{{.*}} weight(dense<{{\[\[}}1.000000e+00, 0.000000e+00, 2.000000e+00], [0.000000e+00, 3.000000e+00, 4.000000e+00]]> : tensor<2x3xf32>) bias(dense<0.000000e+00> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  %d = lrnn.project %c weight(dense<[[1.0, 0.0, 2.0], [0.0, 3.0, 4.0]]> : tensor<2x3xf32>) bias(dense<0.0> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %d : tensor<2xf32>
}

// CHECK-LABEL: lrnn.model @full
lrnn.model @full(%u: tensor<2xf32>) -> tensor<3xf32> {
  // A matrix without zeros is sparse only when everything is.
  // DEFAULT: lrnn.project %arg0 weight(dense<1.500000e+00> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  // SPARSE:  lrnn.project %arg0 weight(#lrnn.sparse<[3, 2], nnz = 6, density = 1.0000, indices = dense<{{\[\[}}0, 0], [0, 1], [1, 0], [1, 1], [2, 0], [2, 1]]> : tensor<6x2xi32>, values = dense<1.500000e+00> : tensor<6xf32>>) : tensor<2xf32> -> tensor<3xf32>
  // DENSE:   lrnn.project %arg0 weight(dense<1.500000e+00> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  %y = lrnn.project %u weight(dense<1.5> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  lrnn.output %y : tensor<3xf32>
}

// CHECK-LABEL: lrnn.model @all_zeros
lrnn.model @all_zeros(%u: tensor<3xf32>) -> tensor<2xf32> {
  // A matrix of zeros is sparse with an empty coordinate list.
  // DEFAULT: %[[A:.*]] = lrnn.project %arg0 weight(#lrnn.sparse<[2, 3], nnz = 0, density = 0.0000, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) bias(dense<[1.000000e+00, 0.000000e+00]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  // SPARSE:  %[[A:.*]] = lrnn.project %arg0 weight(#lrnn.sparse<[2, 3], nnz = 0, density = 0.0000, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) bias(dense<[1.000000e+00, 0.000000e+00]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  // DENSE:   %[[A:.*]] = lrnn.project %arg0 weight(dense<0.000000e+00> : tensor<2x3xf32>) bias(dense<[1.000000e+00, 0.000000e+00]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  %a = lrnn.project %u weight(dense<0.0> : tensor<2x3xf32>) bias(dense<[1.0, 0.0]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  // The same, given sparse.
  // DEFAULT: lrnn.project %[[A]] weight(#lrnn.sparse<[2, 2], nnz = 0, density = 0.0000, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) : tensor<2xf32> -> tensor<2xf32>
  // SPARSE:  lrnn.project %[[A]] weight(#lrnn.sparse<[2, 2], nnz = 0, density = 0.0000, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) : tensor<2xf32> -> tensor<2xf32>
  // DENSE:   lrnn.project %[[A]] weight(dense<0.000000e+00> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  %b = lrnn.project %a weight(#lrnn.sparse<[2, 2], nnz = 0, density = 0.0, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}

// CHECK-LABEL: lrnn.model @complex
lrnn.model @complex(%u: tensor<4xf32>) -> tensor<3xf32> {
  // Both weights of complex_project are converted, each on its own density.
  // DEFAULT: %[[VR:.*]], %[[VI:.*]] = lrnn.complex_project %arg0 re(#lrnn.sparse<[2, 4], nnz = 2, density = 0.2500, indices = dense<{{\[\[}}0, 1], [1, 3]]> : tensor<2x2xi32>, values = dense<[5.000000e-01, -1.000000e+00]> : tensor<2xf32>>) im(dense<{{\[\[}}2.500000e-01, 0.000000e+00, 2.500000e-01, 2.500000e-01], [2.500000e-01, 2.500000e-01, 0.000000e+00, 2.500000e-01]]> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  // SPARSE:  %[[VR:.*]], %[[VI:.*]] = lrnn.complex_project %arg0 re(#lrnn.sparse<[2, 4], nnz = 2, density = 0.2500, indices = dense<{{\[\[}}0, 1], [1, 3]]> : tensor<2x2xi32>, values = dense<[5.000000e-01, -1.000000e+00]> : tensor<2xf32>>) im(#lrnn.sparse<[2, 4], nnz = 6, density = 0.7500, indices = dense<{{\[\[}}0, 0], [0, 2], [0, 3], [1, 0], [1, 1], [1, 3]]> : tensor<6x2xi32>, values = dense<2.500000e-01> : tensor<6xf32>>) : tensor<4xf32> -> tensor<2xf32>
  // DENSE:   %[[VR:.*]], %[[VI:.*]] = lrnn.complex_project %arg0 re(dense<{{\[\[}}0.000000e+00, 5.000000e-01, 0.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00, 0.000000e+00, -1.000000e+00]]> : tensor<2x4xf32>) im(dense<{{\[\[}}2.500000e-01, 0.000000e+00, 2.500000e-01, 2.500000e-01], [2.500000e-01, 2.500000e-01, 0.000000e+00, 2.500000e-01]]> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  %vr, %vi = lrnn.complex_project %u re(#lrnn.sparse<[2, 4], nnz = 2, density = 0.25, indices = dense<[[0, 1], [1, 3]]> : tensor<2x2xi32>, values = dense<[0.5, -1.0]> : tensor<2xf32>>) im(dense<[[0.25, 0.0, 0.25, 0.25], [0.25, 0.25, 0.0, 0.25]]> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>

  // Constant vectors are not weights: lambda keeps its zero, dense.
  // CHECK: %[[XR:.*]], %[[XI:.*]] = lrnn.diag_recurrence %[[VR]], %[[VI]] lambda(dense<[5.000000e-01, 0.000000e+00]> : tensor<2xf32>, dense<0.000000e+00> : tensor<2xf32>) : tensor<2xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.0]> : tensor<2xf32>, dense<0.0> : tensor<2xf32>) : tensor<2xf32>

  // Both weights of complex_readout are converted too.
  // DEFAULT: %[[Y:.*]] = lrnn.complex_readout %[[XR]], %[[XI]] re(#lrnn.sparse<[3, 2], nnz = 1, density = 0.1667, indices = dense<{{\[\[}}2, 0]]> : tensor<1x2xi32>, values = dense<2.000000e+00> : tensor<1xf32>>) im(dense<1.000000e+00> : tensor<3x2xf32>) kappa(2.000000e+00) : tensor<2xf32> -> tensor<3xf32>
  // SPARSE:  %[[Y:.*]] = lrnn.complex_readout %[[XR]], %[[XI]] re(#lrnn.sparse<[3, 2], nnz = 1, density = 0.1667, indices = dense<{{\[\[}}2, 0]]> : tensor<1x2xi32>, values = dense<2.000000e+00> : tensor<1xf32>>) im(#lrnn.sparse<[3, 2], nnz = 6, density = 1.0000, indices = dense<{{\[\[}}0, 0], [0, 1], [1, 0], [1, 1], [2, 0], [2, 1]]> : tensor<6x2xi32>, values = dense<1.000000e+00> : tensor<6xf32>>) kappa(2.000000e+00) : tensor<2xf32> -> tensor<3xf32>
  // DENSE:   %[[Y:.*]] = lrnn.complex_readout %[[XR]], %[[XI]] re(dense<{{\[\[}}0.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00], [2.000000e+00, 0.000000e+00]]> : tensor<3x2xf32>) im(dense<1.000000e+00> : tensor<3x2xf32>) kappa(2.000000e+00) : tensor<2xf32> -> tensor<3xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<[[0.0, 0.0], [0.0, 0.0], [2.0, 0.0]]> : tensor<3x2xf32>) im(dense<1.0> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>

  // CHECK: lrnn.scale %[[Y]] by(dense<[0.000000e+00, 1.000000e+00, 0.000000e+00]> : tensor<3xf32>) : tensor<3xf32>
  %s = lrnn.scale %y by(dense<[0.0, 1.0, 0.0]> : tensor<3xf32>) : tensor<3xf32>
  lrnn.output %s : tensor<3xf32>
}

// CHECK-LABEL: lrnn.model @fused
lrnn.model @fused(%u: tensor<2xf32>) -> tensor<2xf32> {
  // The stacked weight of fused_project is a weight too; its bias and the
  // scale's factor and bias are not.
  // DEFAULT: %[[P:.*]]:2 = lrnn.fused_project %arg0 weight(#lrnn.sparse<[4, 2], nnz = 2, density = 0.2500, indices = dense<{{\[\[}}0, 0], [2, 1]]> : tensor<2x2xi32>, values = dense<[1.000000e+00, -2.000000e+00]> : tensor<2xf32>>) bias(dense<[0.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<4xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  // SPARSE:  %[[P:.*]]:2 = lrnn.fused_project %arg0 weight(#lrnn.sparse<[4, 2], nnz = 2, density = 0.2500, indices = dense<{{\[\[}}0, 0], [2, 1]]> : tensor<2x2xi32>, values = dense<[1.000000e+00, -2.000000e+00]> : tensor<2xf32>>) bias(dense<[0.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<4xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  // DENSE:   %[[P:.*]]:2 = lrnn.fused_project %arg0 weight(dense<{{\[\[}}1.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00], [0.000000e+00, -2.000000e+00], [0.000000e+00, 0.000000e+00]]> : tensor<4x2xf32>) bias(dense<[0.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<4xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  %a, %b = lrnn.fused_project %u weight(dense<[[1.0, 0.0], [0.0, 0.0], [0.0, -2.0], [0.0, 0.0]]> : tensor<4x2xf32>) bias(dense<[0.0, 1.0, 0.0, 0.0]> : tensor<4xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  // CHECK: lrnn.scale %[[P]]#0 by(dense<[0.000000e+00, 2.000000e+00]> : tensor<2xf32>) bias(dense<[0.000000e+00, 5.000000e-01]> : tensor<2xf32>) : tensor<2xf32>
  %s = lrnn.scale %a by(dense<[0.0, 2.0]> : tensor<2xf32>) bias(dense<[0.0, 0.5]> : tensor<2xf32>) : tensor<2xf32>
  %o = lrnn.add %s, %b : tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}

// Weights of more than 64 elements are built as dense_resource blobs named
// after the model, the attribute and a counter.
// CHECK-LABEL: lrnn.model @large
lrnn.model @large(%u: tensor<8xf32>) -> tensor<9xf32> {
  // DEFAULT: lrnn.project %arg0 weight(dense_resource<large.weight.0{{(_1)?}}> : tensor<9x8xf32>)
  // SPARSE:  lrnn.project %arg0 weight(#lrnn.sparse<[9, 8], nnz = 72, density = 1.0000, indices = dense_resource<large.weight.0.indices> : tensor<72x2xi32>, values = dense_resource<large.weight.0.values> : tensor<72xf32>>)
  // DENSE:   lrnn.project %arg0 weight(dense_resource<large.weight.0> : tensor<9x8xf32>)
  %y = lrnn.project %u weight(dense<1.5> : tensor<9x8xf32>) : tensor<8xf32> -> tensor<9xf32>
  lrnn.output %y : tensor<9xf32>
}

// DEFAULT: dialect_resources
// DEFAULT-NEXT: builtin
// DEFAULT-NEXT: large.weight.0{{(_1)?}}: "0x04000000{{(0000C03F)+}}"
// SPARSE: dialect_resources
// SPARSE-NEXT: builtin
// SPARSE-DAG: large.weight.0.indices: "0x04000000{{[0-9A-F]+}}"
// SPARSE-DAG: large.weight.0.values: "0x04000000{{(0000C03F)+}}"
// DENSE: dialect_resources
// DENSE-NEXT: builtin
// DENSE-NEXT: large.weight.0: "0x04000000{{(0000C03F)+}}"
