// RUN: lrnn-opt %s --convert-lrnn-to-std | FileCheck %s --check-prefixes=CHECK,SELL
// RUN: lrnn-opt %s --convert-lrnn-to-std=sparse-format=csr | FileCheck %s --check-prefixes=CHECK,CSR
// RUN: lrnn-opt %s --convert-lrnn-to-std=sparse-format=csc | FileCheck %s --check-prefixes=CHECK,CSC
// Measured activation sparsity decides: inputs of -10 make the ReLU output
// all zero, so its matrix gets the column kernel; the model input's does not.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/neg.npy', np.full((4, 10), -10.0, np.float32))"
// RUN: lrnn-run %s --input %t/neg.npy --output %t/out.npy --stats %t/stats.json > /dev/null
// RUN: lrnn-opt %s "--convert-lrnn-to-std=activation-stats=%t/stats.json" | FileCheck %s --check-prefixes=CHECK,STATS
// RUN: not lrnn-opt %s "--convert-lrnn-to-std=activation-stats=%t/missing.json" 2>&1 | FileCheck %s --check-prefix=NOSTATS
// NOSTATS: error: convert-lrnn-to-std: {{.*}}missing.json
// RUN: not lrnn-opt %s --convert-lrnn-to-std=sparse-format=coo 2>&1 | FileCheck %s --check-prefix=BADFMT
// BADFMT: error: convert-lrnn-to-std: sparse-format must be auto, csr, csc or sell, got 'coo'
// RUN: lrnn-opt %s --convert-lrnn-to-std=dense-threshold=1.0 | FileCheck %s --check-prefix=ALLSPARSE
// RUN: lrnn-opt %s --convert-lrnn-to-std=vector-width=1 | FileCheck %s --check-prefix=SCALAR

// Weight formats by density and input: a dense 2x10 matrix (vectorised, 8
// lanes plus a scalar tail), a sparse one on the model input (CSR), a sparse
// one on a ReLU output (CSR, or CSC skipping zero inputs when measured
// mostly zero or forced).
lrnn.model @m(%u: tensor<10xf32>) -> tensor<3xf32> {
  %h = lrnn.project %u weight(dense<0.5> : tensor<2x10xf32>) bias(dense<[1.0, 2.0]> : tensor<2xf32>) : tensor<10xf32> -> tensor<2xf32>
  %s = lrnn.project %u weight(#lrnn.sparse<[2, 10], nnz = 2, density = 0.1, indices = dense<[[0, 3], [1, 9]]> : tensor<2x2xi32>, values = dense<[2.0, -1.0]> : tensor<2xf32>>) : tensor<10xf32> -> tensor<2xf32>
  %r = lrnn.relu %h : tensor<2xf32>
  // A dense attribute that is mostly zero: only its non-zero is stored.
  %z = lrnn.project %u weight(dense<[[0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]]> : tensor<1x10xf32>) : tensor<10xf32> -> tensor<1xf32>
  %y = lrnn.project %r weight(#lrnn.sparse<[3, 2], nnz = 1, density = 0.1667, indices = dense<[[2, 1]]> : tensor<1x2xi32>, values = dense<[4.0]> : tensor<1xf32>>) : tensor<2xf32> -> tensor<3xf32>
  lrnn.output %y : tensor<3xf32>
}

// The sizes, as C-visible constants.
// CHECK-DAG: llvm.mlir.global external constant @m_state_bytes(0 : i64)
// CHECK-DAG: llvm.mlir.global external constant @m_input_size(10 : i64)
// CHECK-DAG: llvm.mlir.global external constant @m_output_size(3 : i64)
// Dense: all 20 values; compressed: values, 16-bit indices, 32-bit starts.
// CHECK-DAG: memref.global "private" constant @m_w_dense_0 : memref<20xf32> = dense<5.000000e-01> {alignment = 64 : i64}
// CSR-DAG: memref.global "private" constant @m_w_csr_{{[0-9]+}} : memref<2xf32> = dense<[2.000000e+00, -1.000000e+00]>
// CSC-DAG: memref.global "private" constant @m_w_csc_{{[0-9]+}} : memref<2xf32> = dense<[2.000000e+00, -1.000000e+00]>
// Sliced ELLPACK: one slice of 8 rows (2 real), one slot each; padding is zero.
// SELL-DAG: memref.global "private" constant @m_w_sell_{{[0-9]+}} : memref<8xf32> = dense<[2.000000e+00, -1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]>
// SELL-DAG: memref.global "private" constant @m_w_idx_{{[0-9]+}} : memref<8xi32> = dense<[3, 9, 0, 0, 0, 0, 0, 0]>
// SELL-DAG: memref.global "private" constant @m_w_sell_{{[0-9]+}} : memref<8xf32> = dense<[3.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]>
// SELL-DAG: memref.global "private" constant @m_w_sell_{{[0-9]+}} : memref<8xf32> = dense<[0.000000e+00, 0.000000e+00, 4.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]>
// STATS-DAG: memref.global "private" constant @m_w_sell_{{[0-9]+}} : memref<8xf32> = dense<[2.000000e+00, -1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]>
// CSR-DAG: memref.global "private" constant @m_w_idx_{{[0-9]+}} : memref<2xi16> = dense<[3, 9]>
// CSC-DAG: memref.global "private" constant @m_w_idx_{{[0-9]+}} : memref<2xi16> = dense<[0, 1]>
// CSR-DAG: memref.global "private" constant @m_w_ptr_{{[0-9]+}} : memref<3xi32> = dense<[0, 1, 2]>
// CSC-DAG: memref.global "private" constant @m_w_csc_{{[0-9]+}} : memref<1xf32> = dense<4.000000e+00>
// CSC-DAG: memref.global "private" constant @m_w_ptr_{{[0-9]+}} : memref<3xi32> = dense<[0, 0, 1]>
// STATS-DAG: memref.global "private" constant @m_w_csc_{{[0-9]+}} : memref<1xf32> = dense<4.000000e+00>

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
// Sliced ELLPACK: gather the inputs of 8 rows at once.
// SELL: vector.gather {{.*}} : memref<10xf32>, vector<8xi32>, vector<8xi1>, vector<8xf32> into vector<8xf32>
// CSR rows: four partial sums, then a tail.
// CSR: scf.for {{.*}} iter_args({{.*}}, {{.*}}, {{.*}}, {{.*}}) -> (f32, f32, f32, f32)
// The CSC product lists the columns whose input is non-zero without a
// branch, then walks only those.
// STATS: %[[LIST:.*]] = memref.alloca() : memref<2xindex>
// STATS: %[[COUNT:.*]] = scf.for {{.*}} iter_args(%[[N:.*]] = %{{.*}}) -> (index)
// STATS: arith.cmpf une
// STATS: memref.store %{{.*}}, %[[LIST]][%[[N]]]
// STATS: arith.select
// STATS: scf.for %[[J:.*]] = %{{.*}} to %[[COUNT]]
// STATS: memref.load %[[LIST]][%[[J]]]
// CHECK: return

// ALLSPARSE-NOT: vector.fma
// ALLSPARSE: @m_w_sell_
// SCALAR-NOT: vector.
