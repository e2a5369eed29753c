// RUN: lrnn-opt %s --convert-lrnn-to-std | FileCheck %s
// RUN: lrnn-opt %s --convert-lrnn-to-std=dense-threshold=1.0 | FileCheck %s --check-prefix=ALLSPARSE
// RUN: lrnn-opt %s --convert-lrnn-to-std=vector-width=1 | FileCheck %s --check-prefix=SCALAR

// Weight formats by density and input: a dense 2x10 matrix (vectorised, 8
// lanes plus a scalar tail), a sparse one on the model input (CSR), a sparse
// one on a ReLU output (CSC, skipping zero inputs).
lrnn.model @m(%u: tensor<10xf32>) -> tensor<3xf32> {
  %h = lrnn.project %u weight(dense<0.5> : tensor<2x10xf32>) bias(dense<[1.0, 2.0]> : tensor<2xf32>) : tensor<10xf32> -> tensor<2xf32>
  %s = lrnn.project %u weight(#lrnn.sparse<[2, 10], nnz = 2, density = 0.1, indices = dense<[[0, 3], [1, 9]]> : tensor<2x2xi32>, values = dense<[2.0, -1.0]> : tensor<2xf32>>) : tensor<10xf32> -> tensor<2xf32>
  %r = lrnn.relu %h : tensor<2xf32>
  %y = lrnn.project %r weight(#lrnn.sparse<[3, 2], nnz = 1, density = 0.1667, indices = dense<[[2, 1]]> : tensor<1x2xi32>, values = dense<[4.0]> : tensor<1xf32>>) : tensor<2xf32> -> tensor<3xf32>
  lrnn.output %y : tensor<3xf32>
}

// The sizes, as C-visible constants.
// CHECK-DAG: llvm.mlir.global external constant @m_state_bytes(0 : i64)
// CHECK-DAG: llvm.mlir.global external constant @m_input_size(10 : i64)
// CHECK-DAG: llvm.mlir.global external constant @m_output_size(3 : i64)
// Dense: all 20 values; compressed: values, 16-bit indices, 32-bit starts.
// CHECK-DAG: memref.global "private" constant @m_w_dense_0 : memref<20xf32> = dense<5.000000e-01> {alignment = 64 : i64}
// CHECK-DAG: memref.global "private" constant @m_w_csr_{{[0-9]+}} : memref<2xf32> = dense<[2.000000e+00, -1.000000e+00]>
// CHECK-DAG: memref.global "private" constant @m_w_idx_{{[0-9]+}} : memref<2xi16> = dense<[3, 9]>
// CHECK-DAG: memref.global "private" constant @m_w_ptr_{{[0-9]+}} : memref<3xi32> = dense<[0, 1, 2]>
// CHECK-DAG: memref.global "private" constant @m_w_csc_{{[0-9]+}} : memref<1xf32> = dense<4.000000e+00>
// CHECK-DAG: memref.global "private" constant @m_w_ptr_{{[0-9]+}} : memref<3xi32> = dense<[0, 0, 1]>

// CHECK-LABEL: func.func @m_reset(
// CHECK-SAME: memref<0xf32>)
// CHECK-LABEL: func.func @m_step(
// CHECK-SAME: %{{.*}}: memref<0xf32>, %[[IN:.*]]: memref<10xf32>, %[[OUT:.*]]: memref<3xf32>)
// CHECK-SAME: lrnn.step_entry = {input_size = 10 : i64, output_size = 3 : i64, state_bytes = 0 : i64}
// The dense product: vector FMAs over 8 lanes, one reduction per row.
// CHECK: vector.load {{.*}} : memref<20xf32>, vector<8xf32>
// CHECK: vector.load %[[IN]]{{.*}} : memref<10xf32>, vector<8xf32>
// CHECK: vector.fma {{.*}} : vector<8xf32>
// CHECK: vector.reduction <add>
// The CSC product lists the columns whose input is non-zero without a
// branch, then walks only those.
// CHECK: %[[LIST:.*]] = memref.alloca() : memref<2xindex>
// CHECK: %[[COUNT:.*]] = scf.for {{.*}} iter_args(%[[N:.*]] = %{{.*}}) -> (index)
// CHECK: arith.cmpf une
// CHECK: memref.store %{{.*}}, %[[LIST]][%[[N]]]
// CHECK: arith.select
// CHECK: scf.for %[[J:.*]] = %{{.*}} to %[[COUNT]]
// CHECK: memref.load %[[LIST]][%[[J]]]
// CHECK: return

// ALLSPARSE-NOT: vector.fma
// ALLSPARSE: @m_w_csr_
// SCALAR-NOT: vector.
