// The weight format is storage only: a model computes bit-identical outputs
// with every weight sparse, every weight dense, or the default mix.
//
// RUN: %python %inputs/random_npy.py %t.in.npy 64 3 --seed 1
// RUN: lrnn-run %s --input %t.in.npy --output %t.ref.npy
// RUN: %python -c "import numpy as np; a = np.load('%t.ref.npy'); assert a.shape == (64, 2) and a.dtype == np.float32 and (a != 0).all(), a"
//
// RUN: lrnn-opt %s --lrnn-select-weight-format=max-sparse-density=1 -o %t.sparse.mlir
// RUN: FileCheck %s --check-prefix=SPARSE < %t.sparse.mlir
// RUN: lrnn-run %t.sparse.mlir --input %t.in.npy --output %t.sparse.npy
// RUN: %python %inputs/compare_npy.py %t.sparse.npy %t.ref.npy
//
// RUN: lrnn-opt %s --lrnn-select-weight-format=max-sparse-density=-1 -o %t.dense.mlir
// RUN: FileCheck %s --check-prefix=DENSE < %t.dense.mlir
// RUN: lrnn-run %t.dense.mlir --input %t.in.npy --output %t.dense.npy
// RUN: %python %inputs/compare_npy.py %t.dense.npy %t.ref.npy
//
// RUN: lrnn-opt %s --lrnn-select-weight-format -o %t.default.mlir
// RUN: lrnn-run %t.default.mlir --input %t.in.npy --output %t.default.npy
// RUN: %python %inputs/compare_npy.py %t.default.npy %t.ref.npy
//
// Sparse -> dense and dense -> sparse from the converted files.
// RUN: lrnn-opt %t.sparse.mlir --lrnn-select-weight-format=max-sparse-density=-1 -o %t.sparse-dense.mlir
// RUN: lrnn-run %t.sparse-dense.mlir --input %t.in.npy --output %t.sparse-dense.npy
// RUN: %python %inputs/compare_npy.py %t.sparse-dense.npy %t.ref.npy
// RUN: lrnn-opt %t.dense.mlir --lrnn-select-weight-format=max-sparse-density=1 -o %t.dense-sparse.mlir
// RUN: lrnn-run %t.dense-sparse.mlir --input %t.in.npy --output %t.dense-sparse.npy
// RUN: %python %inputs/compare_npy.py %t.dense-sparse.npy %t.ref.npy
//
// The same through bytecode, which stores #lrnn.sparse and its blobs
// structurally.
// RUN: lrnn-opt %t.sparse.mlir --emit-bytecode -o %t.sparse.mlirbc
// RUN: lrnn-run %t.sparse.mlirbc --input %t.in.npy --output %t.sparse-bc.npy
// RUN: %python %inputs/compare_npy.py %t.sparse-bc.npy %t.ref.npy
//
// float64 inputs give the same outputs as the same values in float32.
// RUN: %python -c "import numpy as np; np.save('%t.in64.npy', np.load('%t.in.npy').astype('<f8'))"
// RUN: lrnn-run %t.sparse.mlir --input %t.in64.npy --output %t.sparse64.npy
// RUN: %python %inputs/compare_npy.py %t.sparse64.npy %t.ref.npy

// SPARSE-NOT: {{ (weight|re|im)\(dense}}
// DENSE-NOT: #lrnn.sparse

// Every op of the dialect (with the optional constant terms); weights mix
// zeros and non-zeros at densities on both sides of the default threshold,
// given dense or sparse, and the 81-element weight becomes a dense_resource
// blob when converted. |lambda| < 1.
lrnn.model @every_op(%u: tensor<3xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<[[0.0, 0.0, 0.5], [-0.5, -0.375, 0.75], [-1.0, 0.0, 0.625], [-0.125, -0.375, 0.0], [-0.5, -0.125, 0.0], [0.125, 0.0, 0.0], [0.0, 1.0, -0.625], [-0.625, 0.0, -0.875], [-0.875, 0.0, -0.125]]> : tensor<9x3xf32>) bias(dense<[-0.125, -0.375, 0.375, -0.125, 0.5, 0.125, 0.125, 0.125, 0.125]> : tensor<9xf32>) : tensor<3xf32> -> tensor<9xf32>
  %r = lrnn.relu %h : tensor<9xf32>
  %n = lrnn.batchnorm %r scale(dense<[1.0, 0.5, 2.0, 1.0, 0.75, 1.5, 1.0, 0.25, 1.0]> : tensor<9xf32>) bias(dense<[0.0, 0.125, 0.0, -0.25, 0.0, 0.0, 0.5, 0.0, -0.125]> : tensor<9xf32>) mean(dense<[0.25, 0.0, 0.5, 0.125, 0.0, 0.75, 0.0, 0.25, 0.5]> : tensor<9xf32>) var(dense<[1.0, 0.0, 2.0, 0.5, 4.0, 1.0, 0.25, 3.0, 1.0]> : tensor<9xf32>) epsilon(1.0e-3) : tensor<9xf32>
  %vr, %vi = lrnn.complex_project %n re(#lrnn.sparse<[6, 9], nnz = 10, density = 0.1852, indices = dense<[[0, 0], [0, 3], [0, 8], [1, 0], [1, 2], [1, 7], [3, 6], [4, 5], [4, 6], [4, 7]]> : tensor<10x2xi32>, values = dense<[-0.375, -0.125, -0.25, 0.375, -0.375, -0.375, -0.5, 0.375, -0.125, 0.125]> : tensor<10xf32>>) im(dense<[[0.125, 0.125, -0.375, 0.0, 0.0, 0.25, 0.0, 0.0, 0.0], [0.375, 0.25, 0.375, 0.0, 0.375, 0.0, -0.5, -0.5, -0.25], [-0.25, -0.25, 0.125, -0.5, 0.125, 0.0, 0.125, -0.5, -0.25], [0.5, 0.0, 0.25, 0.125, 0.125, 0.0, 0.125, -0.5, 0.25], [0.0, 0.375, -0.5, -0.125, -0.125, 0.0, 0.125, 0.25, 0.0], [0.375, 0.25, -0.375, 0.0, 0.375, 0.0, 0.125, 0.0, 0.0]]> : tensor<6x9xf32>) bias_re(dense<[0.0, 0.125, 0.0, -0.25, 0.0, 0.5]> : tensor<6xf32>) bias_im(dense<[0.25, 0.0, 0.0, 0.0, -0.125, 0.0]> : tensor<6xf32>) : tensor<9xf32> -> tensor<6xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.9, 0.5, 0.0, -0.7, 0.375, 0.75]> : tensor<6xf32>, dense<[0.1, -0.4, 0.95, 0.25, 0.0, -0.5]> : tensor<6xf32>) : tensor<6xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<6xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<[[0.375, 0.0, -0.125, 0.0, 0.0, 0.0], [-0.25, -0.25, 0.0, 0.0, 0.0, -0.375], [0.0, 0.0, 0.0, 0.25, 0.5, 0.5], [0.375, 0.25, 0.0, 0.125, -0.375, 0.0], [0.0, 0.25, 0.0, -0.125, 0.0, -0.5], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.375, 0.375, -0.125, 0.0, 0.0, 0.5], [0.0, 0.25, 0.0, 0.0, 0.0, -0.375], [0.5, 0.0, -0.375, 0.125, 0.0, 0.0]]> : tensor<9x6xf32>) im(#lrnn.sparse<[9, 6], nnz = 39, density = 0.7222, indices = dense<[[0, 0], [0, 1], [0, 3], [0, 4], [0, 5], [1, 0], [1, 1], [1, 3], [1, 4], [2, 0], [2, 1], [2, 2], [2, 3], [2, 5], [3, 0], [3, 1], [3, 2], [3, 3], [3, 4], [4, 0], [4, 2], [4, 3], [4, 4], [4, 5], [5, 0], [5, 2], [5, 4], [5, 5], [6, 0], [6, 1], [6, 2], [6, 4], [6, 5], [7, 1], [7, 2], [7, 3], [8, 2], [8, 4], [8, 5]]> : tensor<39x2xi32>, values = dense<[0.25, 0.375, 0.25, 0.375, 0.125, 0.25, -0.25, 0.25, -0.375, 0.125, -0.125, 0.375, -0.375, -0.375, 0.5, 0.125, 0.25, -0.25, 0.25, 0.125, -0.125, -0.125, 0.25, 0.375, -0.125, -0.25, 0.25, -0.375, 0.25, -0.5, 0.5, -0.125, 0.25, 0.25, -0.375, 0.125, 0.125, -0.375, 0.125]> : tensor<39xf32>>) kappa(2.0) : tensor<6xf32> -> tensor<9xf32>
  %d = lrnn.scale %n by(dense<[1.0, 0.0, -0.5, 0.25, 2.0, 0.0, 1.0, -1.0, 0.5]> : tensor<9xf32>) bias(dense<[0.0, 0.25, 0.0, 0.0, -0.5, 0.0, 0.0, 0.125, 0.0]> : tensor<9xf32>) : tensor<9xf32>
  %s = lrnn.add %y, %d : tensor<9xf32>
  %g = lrnn.gelu %s approximation(erf) : tensor<9xf32>
  %mix = lrnn.project %g weight(dense<[[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.375, 0.375, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.25, 0.0, 0.0, 0.0, 0.0, -0.25, 0.0, 0.0, 0.125], [-0.25, 0.0, 0.0, 0.125, -0.25, 0.0, -0.25, 0.0, 0.0], [0.0, -0.125, 0.25, 0.0, -0.25, -0.375, 0.0, 0.0, 0.0], [0.375, 0.0, 0.125, 0.0, 0.25, 0.0, -0.25, 0.0, 0.0], [0.0, 0.0, 0.125, -0.375, 0.0, 0.0, -0.25, 0.0, 0.0], [0.0, -0.375, 0.0, 0.0, 0.0, -0.375, 0.0, 0.0, -0.375], [0.125, 0.0, 0.0, 0.375, 0.0, 0.375, 0.0, 0.0, -0.5]]> : tensor<9x9xf32>) : tensor<9xf32> -> tensor<9xf32>
  %g2 = lrnn.gelu %mix approximation(tanh) : tensor<9xf32>
  %sg = lrnn.sigmoid %g2 : tensor<9xf32>
  %m = lrnn.mul %g2, %sg : tensor<9xf32>
  %p, %q = lrnn.fused_project %m weight(dense<[[-0.25, 0.0, 0.0, -0.25, -0.25, -0.375, 0.0, 0.0, -0.25], [0.25, 0.375, -0.25, 0.0, 0.0, -0.375, -0.375, 0.0, 0.0], [0.25, -0.375, 0.125, 0.0, 0.0, -0.5, 0.0, -0.125, 0.0], [-0.375, 0.0, 0.375, 0.0, 0.0, 0.0, -0.125, -0.5, -0.125], [-0.375, -0.375, 0.125, 0.5, 0.125, 0.0, -0.125, 0.125, 0.25], [0.0, 0.25, 0.0, 0.0, 0.125, 0.0, 0.0, 0.125, 0.0], [-0.375, 0.0, 0.25, 0.0, 0.0, -0.125, 0.0, 0.125, 0.0]]> : tensor<7x9xf32>) bias(dense<[0.0, 0.5, -0.25, 0.0, 0.125, 0.0, 0.0]> : tensor<7xf32>) sizes [4, 3] : tensor<9xf32> -> tensor<4xf32>, tensor<3xf32>
  %w = lrnn.project %q weight(#lrnn.sparse<[4, 3], nnz = 3, density = 0.2500, indices = dense<[[0, 1], [2, 0], [2, 2]]> : tensor<3x2xi32>, values = dense<[0.375, -0.375, -0.875]> : tensor<3xf32>>) : tensor<3xf32> -> tensor<4xf32>
  %e, %f = lrnn.elementwise (%p, %w) : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>, tensor<4xf32> {
  ^bb0(%a: f32, %b: f32):
    %zero = arith.constant 0.0 : f32
    %one = arith.constant 1.0 : f32
    %half = arith.constant 0.5 : f32
    %s1 = arith.addf %a, %b : f32
    %s2 = arith.subf %a, %b : f32
    %mx = arith.maximumf %s1, %zero : f32
    %lo = arith.minimumf %s2, %half : f32
    %th = math.tanh %lo : f32
    %sq = arith.mulf %a, %a : f32
    %den = arith.addf %sq, %one : f32
    %rt = math.sqrt %den : f32
    %ratio = arith.divf %b, %rt : f32
    %er = math.erf %ratio : f32
    %neg = arith.negf %er : f32
    %ex = math.exp %neg : f32
    %gt = arith.cmpf ogt, %a, %b : f32
    %sel = arith.select %gt, %mx, %th : f32
    %out = arith.addf %sel, %ex : f32
    lrnn.yield %out, %th : f32, f32
  }
  %sum = lrnn.add %e, %f : tensor<4xf32>
  %o = lrnn.project %sum weight(#lrnn.sparse<[2, 4], nnz = 6, density = 0.7500, indices = dense<[[0, 1], [0, 2], [0, 3], [1, 0], [1, 1], [1, 2]]> : tensor<6x2xi32>, values = dense<[-0.125, 0.875, 0.875, -0.25, 0.875, -0.25]> : tensor<6xf32>>) bias(dense<[0.125, -0.25]> : tensor<2xf32>) : tensor<4xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}
