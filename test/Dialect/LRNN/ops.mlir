// Every op parses, verifies, prints and parses back to the same IR.
// RUN: lrnn-opt %s | FileCheck %s
// RUN: lrnn-opt %s | lrnn-opt | FileCheck %s
// RUN: lrnn-opt %s --verify-roundtrip > /dev/null
// RUN: lrnn-opt %s --mlir-print-op-generic | lrnn-opt | FileCheck %s

// CHECK-LABEL: lrnn.model @every_op(%arg0: tensor<3xf32>) -> tensor<2xf32> {
lrnn.model @every_op(%u: tensor<3xf32>) -> tensor<2xf32> {
  // CHECK: %[[H:.*]] = lrnn.project %arg0 weight(dense<{{.*}}> : tensor<4x3xf32>) bias(dense<5.000000e-01> : tensor<4xf32>) : tensor<3xf32> -> tensor<4xf32>
  %h = lrnn.project %u weight(dense<[[1.0, 0.0, 2.0], [0.0, 0.5, 0.0], [1.0, 1.0, 1.0], [0.0, 0.0, -1.0]]> : tensor<4x3xf32>) bias(dense<0.5> : tensor<4xf32>) : tensor<3xf32> -> tensor<4xf32>
  // CHECK: %[[R:.*]] = lrnn.relu %[[H]] : tensor<4xf32>
  %r = lrnn.relu %h : tensor<4xf32>
  // CHECK: %[[N:.*]] = lrnn.batchnorm %[[R]] scale({{.*}}) bias({{.*}}) mean({{.*}}) var({{.*}}) epsilon({{.*}}) : tensor<4xf32>
  %n = lrnn.batchnorm %r scale(dense<1.0> : tensor<4xf32>) bias(dense<0.0> : tensor<4xf32>) mean(dense<0.1> : tensor<4xf32>) var(dense<[2.0, 0.0, 1.0, 3.0]> : tensor<4xf32>) epsilon(1.0e-5) : tensor<4xf32>
  // CHECK: %[[VR:.*]], %[[VI:.*]] = lrnn.complex_project %[[N]] re(#lrnn.sparse<[2, 4], nnz = 2, density = 0.2500, indices = dense<{{\[\[}}0, 1], [1, 3]]> : tensor<2x2xi32>, values = dense<[5.000000e-01, -1.000000e+00]> : tensor<2xf32>>) im(dense<2.500000e-01> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  %vr, %vi = lrnn.complex_project %n re(#lrnn.sparse<[2, 4], nnz = 2, density = 0.25, indices = dense<[[0, 1], [1, 3]]> : tensor<2x2xi32>, values = dense<[0.5, -1.0]> : tensor<2xf32>>) im(dense<0.25> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  // CHECK: %[[XR:.*]], %[[XI:.*]] = lrnn.diag_recurrence %[[VR]], %[[VI]] lambda(dense<{{.*}}> : tensor<2xf32>, dense<{{.*}}> : tensor<2xf32>) : tensor<2xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.9, 0.5]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  // CHECK: %[[CR:.*]], %[[CI:.*]] = lrnn.crelu %[[XR]], %[[XI]] : tensor<2xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<2xf32>
  // CHECK: %[[Y:.*]] = lrnn.complex_readout %[[CR]], %[[CI]] re({{.*}}) im({{.*}}) kappa(2.000000e+00) : tensor<2xf32> -> tensor<4xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<1.0> : tensor<4x2xf32>) im(dense<0.5> : tensor<4x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<4xf32>
  // CHECK: %[[D:.*]] = lrnn.scale %[[N]] by(dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32>) : tensor<4xf32>
  %d = lrnn.scale %n by(dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>) : tensor<4xf32>
  // CHECK: %[[S:.*]] = lrnn.add %[[Y]], %[[D]] : tensor<4xf32>
  %s = lrnn.add %y, %d : tensor<4xf32>
  // CHECK: %[[G:.*]] = lrnn.gelu %[[S]] approximation(erf) : tensor<4xf32>
  %g = lrnn.gelu %s approximation(erf) : tensor<4xf32>
  // CHECK: %[[G2:.*]] = lrnn.gelu %[[G]] approximation(tanh) : tensor<4xf32>
  %g2 = lrnn.gelu %g approximation(tanh) : tensor<4xf32>
  // CHECK: %[[SG:.*]] = lrnn.sigmoid %[[G2]] : tensor<4xf32>
  %sg = lrnn.sigmoid %g2 : tensor<4xf32>
  // CHECK: %[[M:.*]] = lrnn.mul %[[G2]], %[[SG]] : tensor<4xf32>
  %m = lrnn.mul %g2, %sg : tensor<4xf32>
  // CHECK: %[[O:.*]] = lrnn.project %[[M]] weight(dense<1.000000e+00> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  %o = lrnn.project %m weight(dense<1.0> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  // CHECK: lrnn.output %[[O]] : tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}

// Large weights live in dense_resource blobs and round-trip with them.
// CHECK-LABEL: lrnn.model @resources
lrnn.model @resources(%u: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK: lrnn.project %arg0 weight(#lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense_resource<idx> : tensor<2x2xi32>, values = dense_resource<val> : tensor<2xf32>>) bias(dense_resource<bias> : tensor<2xf32>)
  %h = lrnn.project %u weight(#lrnn.sparse<[2, 2], nnz = 2, density = 0.5, indices = dense_resource<idx> : tensor<2x2xi32>, values = dense_resource<val> : tensor<2xf32>>) bias(dense_resource<bias> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %h : tensor<2xf32>
}


// Fused ops and the optional constant terms left by norm folding.
// CHECK-LABEL: lrnn.model @fused
lrnn.model @fused(%u: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK: %[[P:.*]]:2 = lrnn.fused_project %arg0 weight(dense<{{.*}}> : tensor<4x2xf32>) bias(dense<{{.*}}> : tensor<4xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  %a, %b = lrnn.fused_project %u weight(dense<[[1.0, 2.0], [0.0, 1.0], [1.0, 0.0], [0.5, 0.5]]> : tensor<4x2xf32>) bias(dense<[0.0, 1.0, 2.0, 3.0]> : tensor<4xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  // CHECK: lrnn.complex_project %[[P]]#0 re({{.*}}) im({{.*}}) bias_re(dense<1.000000e+00> : tensor<2xf32>) bias_im(dense<-1.000000e+00> : tensor<2xf32>)
  %vr, %vi = lrnn.complex_project %a re(dense<1.0> : tensor<2x2xf32>) im(dense<0.5> : tensor<2x2xf32>) bias_re(dense<1.0> : tensor<2xf32>) bias_im(dense<-1.0> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // CHECK: lrnn.scale %[[P]]#1 by({{.*}}) bias(dense<5.000000e-01> : tensor<2xf32>) : tensor<2xf32>
  %d = lrnn.scale %b by(dense<2.0> : tensor<2xf32>) bias(dense<0.5> : tensor<2xf32>) : tensor<2xf32>
  // CHECK: %[[E:.*]]:2 = lrnn.elementwise(%{{.*}}, %{{.*}}, %{{.*}}) : tensor<2xf32>, tensor<2xf32>, tensor<2xf32> -> tensor<2xf32>, tensor<2xf32> {
  // CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %[[Z:.*]]: f32):
  // CHECK: arith.maximumf
  // CHECK: math.tanh
  // CHECK: lrnn.yield %{{.*}}, %{{.*}} : f32, f32
  %e, %f = lrnn.elementwise (%vr, %vi, %d) : tensor<2xf32>, tensor<2xf32>, tensor<2xf32> -> tensor<2xf32>, tensor<2xf32> {
  ^bb0(%x: f32, %y: f32, %z: f32):
    %zero = arith.constant 0.0 : f32
    %s = arith.addf %x, %z : f32
    %r = arith.maximumf %s, %zero : f32
    %t = math.tanh %y : f32
    %c = arith.cmpf ogt, %x, %y : f32
    %m = arith.select %c, %r, %t : f32
    lrnn.yield %r, %m : f32, f32
  }
  %o = lrnn.add %e, %f : tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}

// CHECK: dialect_resources
{-#
  dialect_resources: {
    builtin: {
      idx: "0x0400000000000000000000000100000001000000",
      val: "0x040000000000803F000000C0",
      bias: "0x040000000000003F0000803E"
    }
  }
#-}
