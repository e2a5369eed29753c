// Every op parses, verifies, prints and parses back to the same IR.

lrnn.model @every_op(%u: tensor<3xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<[[1.0, 0.0, 2.0], [0.0, 0.5, 0.0], [1.0, 1.0, 1.0], [0.0, 0.0, -1.0]]> : tensor<4x3xf32>) bias(dense<0.5> : tensor<4xf32>) : tensor<3xf32> -> tensor<4xf32>
  %r = lrnn.relu %h : tensor<4xf32>
  %n = lrnn.batchnorm %r scale(dense<1.0> : tensor<4xf32>) bias(dense<0.0> : tensor<4xf32>) mean(dense<0.1> : tensor<4xf32>) var(dense<[2.0, 0.0, 1.0, 3.0]> : tensor<4xf32>) epsilon(1.0e-5) : tensor<4xf32>
  %vr, %vi = lrnn.complex_project %n re(#lrnn.sparse<[2, 4], nnz = 2, density = 0.25, indices = dense<[[0, 1], [1, 3]]> : tensor<2x2xi32>, values = dense<[0.5, -1.0]> : tensor<2xf32>>) im(dense<0.25> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.9, 0.5]> : tensor<2xf32>, dense<[0.1, -0.2]> : tensor<2xf32>) : tensor<2xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<2xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<1.0> : tensor<4x2xf32>) im(dense<0.5> : tensor<4x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<4xf32>
  %d = lrnn.scale %n by(dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>) : tensor<4xf32>
  %s = lrnn.add %y, %d : tensor<4xf32>
  %g = lrnn.gelu %s approximation(erf) : tensor<4xf32>
  %g2 = lrnn.gelu %g approximation(tanh) : tensor<4xf32>
  %sg = lrnn.sigmoid %g2 : tensor<4xf32>
  %m = lrnn.mul %g2, %sg : tensor<4xf32>
  %o = lrnn.project %m weight(dense<1.0> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}

// Large weights live in dense_resource blobs and round-trip with them.
lrnn.model @resources(%u: tensor<2xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(#lrnn.sparse<[2, 2], nnz = 2, density = 0.5, indices = dense_resource<idx> : tensor<2x2xi32>, values = dense_resource<val> : tensor<2xf32>>) bias(dense_resource<bias> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %h : tensor<2xf32>
}


// Fused ops and the optional constant terms left by norm folding.
lrnn.model @fused(%u: tensor<2xf32>) -> tensor<2xf32> {
  %a, %b = lrnn.fused_project %u weight(dense<[[1.0, 2.0], [0.0, 1.0], [1.0, 0.0], [0.5, 0.5]]> : tensor<4x2xf32>) bias(dense<[0.0, 1.0, 2.0, 3.0]> : tensor<4xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  %vr, %vi = lrnn.complex_project %a re(dense<1.0> : tensor<2x2xf32>) im(dense<0.5> : tensor<2x2xf32>) bias_re(dense<1.0> : tensor<2xf32>) bias_im(dense<-1.0> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  %d = lrnn.scale %b by(dense<2.0> : tensor<2xf32>) bias(dense<0.5> : tensor<2xf32>) : tensor<2xf32>
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

{-#
  dialect_resources: {
    builtin: {
      idx: "0x0400000000000000000000000100000001000000",
      val: "0x040000000000803F000000C0",
      bias: "0x040000000000003F0000803E"
    }
  }
#-}
