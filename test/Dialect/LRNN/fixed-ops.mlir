// Every integer op of a quantised model (lrnn.q*, docs/fixed-point.md §4-5)
// parses, verifies, prints and parses back to the same IR: in text, in the
// generic form and in bytecode. Covers dense, sparse and dense_resource
// integer codes, present and absent optional biases, and the three lookup
// tables with their normative nodes (§5).
// RUN: lrnn-opt %s | FileCheck %s
// RUN: lrnn-opt %s | lrnn-opt | FileCheck %s
// RUN: lrnn-opt %s --verify-roundtrip > /dev/null
// RUN: lrnn-opt %s --mlir-print-op-generic | lrnn-opt | FileCheck %s
// RUN: lrnn-opt %s --emit-bytecode | lrnn-opt | FileCheck %s
// RUN: lrnn-opt %s --emit-bytecode | lrnn-opt --emit-bytecode | lrnn-opt | FileCheck %s

// Projections: dense codes with an i16 bias, no bias, sparse codes with an i8
// bias; qrelu, qadd.
// CHECK-LABEL: lrnn.model @project(%arg0: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 13>> attributes {accumulator_bits = 32 : i32} {
lrnn.model @project(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 13>> attributes {accumulator_bits = 32 : i32} {
  // CHECK-NEXT: %[[Y:.*]] = lrnn.qproject %arg0 weight(dense<{{\[\[}}12, -3]]> : tensor<1x2xi8> exp 9) bias(dense<100> : tensor<1xi16> exp 12) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 13>>
  %y = lrnn.qproject %u weight(dense<[[12, -3]]> : tensor<1x2xi8> exp 9) bias(dense<[100]> : tensor<1xi16> exp 12) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 13>>
  // CHECK-NEXT: %[[H:.*]] = lrnn.qproject %arg0 weight(dense<{{\[\[}}1, 2], [3, 4], [-5, 127]]> : tensor<3x2xi8> exp 7) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<3x!lrnn.fixed<16, 10>>
  %h = lrnn.qproject %u weight(dense<[[1, 2], [3, 4], [-5, 127]]> : tensor<3x2xi8> exp 7) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<3x!lrnn.fixed<16, 10>>
  // CHECK-NEXT: %[[S:.*]] = lrnn.qproject %[[H]] weight(#lrnn.sparse<[1, 3], nnz = 2, density = 0.6667, indices = dense<{{\[\[}}0, 0], [0, 2]]> : tensor<2x2xi32>, values = dense<[-127, 5]> : tensor<2xi8>> exp 6) bias(dense<-7> : tensor<1xi8> exp 3) : tensor<3x!lrnn.fixed<16, 10>> -> tensor<1x!lrnn.fixed<16, 13>>
  %s = lrnn.qproject %h weight(#lrnn.sparse<[1, 3], nnz = 2, density = 0.6667, indices = dense<[[0, 0], [0, 2]]> : tensor<2x2xi32>, values = dense<[-127, 5]> : tensor<2xi8>> exp 6) bias(dense<[-7]> : tensor<1xi8> exp 3) : tensor<3x!lrnn.fixed<16, 10>> -> tensor<1x!lrnn.fixed<16, 13>>
  // CHECK-NEXT: %[[R:.*]] = lrnn.qrelu %[[Y]] : tensor<1x!lrnn.fixed<16, 13>>
  %r = lrnn.qrelu %y : tensor<1x!lrnn.fixed<16, 13>>
  // CHECK-NEXT: %[[Z:.*]] = lrnn.qadd %[[R]], %[[S]] : tensor<1x!lrnn.fixed<16, 13>>, tensor<1x!lrnn.fixed<16, 13>> -> tensor<1x!lrnn.fixed<16, 13>>
  %z = lrnn.qadd %r, %s : tensor<1x!lrnn.fixed<16, 13>>, tensor<1x!lrnn.fixed<16, 13>> -> tensor<1x!lrnn.fixed<16, 13>>
  // CHECK-NEXT: lrnn.output %[[Z]] : tensor<1x!lrnn.fixed<16, 13>>
  lrnn.output %z : tensor<1x!lrnn.fixed<16, 13>>
}

// The recurrent block: complex projections with both, neither or one bias
// (dense and sparse blocks), the recurrence, crelu, the readout (sparse
// imaginary part), scale with and without bias.
// CHECK-LABEL: lrnn.model @ssm(%arg0: tensor<4x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 11>> attributes {accumulator_bits = 32 : i32} {
lrnn.model @ssm(%u: tensor<4x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 11>> attributes {accumulator_bits = 32 : i32} {
  // CHECK-NEXT: %[[VR:.*]], %[[VI:.*]] = lrnn.qcomplex_project %arg0 re(dense<{{\[\[}}1, -2, 3, -4], [5, 6, 7, 8]]> : tensor<2x4xi8> exp 8) im(#lrnn.sparse<[2, 4], nnz = 3, density = 0.3750, indices = dense<{{\[\[}}0, 1], [1, 0], [1, 3]]> : tensor<3x2xi32>, values = dense<[9, -10, 127]> : tensor<3xi8>> exp 9) bias_re(dense<[1, -2]> : tensor<2xi16> exp 15) bias_im(dense<[-32767, 32767]> : tensor<2xi16> exp 14) : tensor<4x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 14>>
  %vr, %vi = lrnn.qcomplex_project %u re(dense<[[1, -2, 3, -4], [5, 6, 7, 8]]> : tensor<2x4xi8> exp 8) im(#lrnn.sparse<[2, 4], nnz = 3, density = 0.375, indices = dense<[[0, 1], [1, 0], [1, 3]]> : tensor<3x2xi32>, values = dense<[9, -10, 127]> : tensor<3xi8>> exp 9) bias_re(dense<[1, -2]> : tensor<2xi16> exp 15) bias_im(dense<[-32767, 32767]> : tensor<2xi16> exp 14) : tensor<4x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 14>>
  // CHECK-NEXT: lrnn.qcomplex_project %arg0 re(dense<1> : tensor<2x4xi8> exp 8) im(dense<-1> : tensor<2x4xi8> exp 8) : tensor<4x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 14>>
  %wr, %wi = lrnn.qcomplex_project %u re(dense<1> : tensor<2x4xi8> exp 8) im(dense<-1> : tensor<2x4xi8> exp 8) : tensor<4x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 14>>
  // CHECK-NEXT: lrnn.qcomplex_project %arg0 re(dense<1> : tensor<2x4xi8> exp 8) im(dense<-1> : tensor<2x4xi8> exp 8) bias_im(dense<[3, 4]> : tensor<2xi8> exp 2) : tensor<4x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 14>>
  %tr, %ti = lrnn.qcomplex_project %u re(dense<1> : tensor<2x4xi8> exp 8) im(dense<-1> : tensor<2x4xi8> exp 8) bias_im(dense<[3, 4]> : tensor<2xi8> exp 2) : tensor<4x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 14>>
  // CHECK-NEXT: lrnn.qcomplex_project %arg0 re(dense<1> : tensor<2x4xi8> exp 8) im(dense<-1> : tensor<2x4xi8> exp 8) bias_re(dense<[-3, 4]> : tensor<2xi16> exp 20) : tensor<4x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 14>>
  %pr, %pi = lrnn.qcomplex_project %u re(dense<1> : tensor<2x4xi8> exp 8) im(dense<-1> : tensor<2x4xi8> exp 8) bias_re(dense<[-3, 4]> : tensor<2xi16> exp 20) : tensor<4x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 14>>
  // CHECK-NEXT: %[[XR:.*]], %[[XI:.*]] = lrnn.qdiag_recurrence %[[VR]], %[[VI]] lambda(dense<[30000, -12000]> : tensor<2xi16>, dense<[1000, 20000]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 14>> -> tensor<2x!lrnn.fixed<16, 13>>
  %xr, %xi = lrnn.qdiag_recurrence %vr, %vi lambda(dense<[30000, -12000]> : tensor<2xi16>, dense<[1000, 20000]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 14>> -> tensor<2x!lrnn.fixed<16, 13>>
  // CHECK-NEXT: %[[CR:.*]], %[[CI:.*]] = lrnn.qcrelu %[[XR]], %[[XI]] : tensor<2x!lrnn.fixed<16, 13>>
  %cr, %ci = lrnn.qcrelu %xr, %xi : tensor<2x!lrnn.fixed<16, 13>>
  // CHECK-NEXT: %[[RO:.*]] = lrnn.qcomplex_readout %[[CR]], %[[CI]] re(dense<{{\[\[}}64, -64], [1, 0]]> : tensor<2x2xi8>) im(#lrnn.sparse<[2, 2], nnz = 1, density = 0.2500, indices = dense<1> : tensor<1x2xi32>, values = dense<-3> : tensor<1xi8>>) exp 7 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 11>>
  %y = lrnn.qcomplex_readout %cr, %ci re(dense<[[64, -64], [1, 0]]> : tensor<2x2xi8>) im(#lrnn.sparse<[2, 2], nnz = 1, density = 0.25, indices = dense<[[1, 1]]> : tensor<1x2xi32>, values = dense<[-3]> : tensor<1xi8>>) exp 7 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 11>>
  // CHECK-NEXT: %[[D:.*]] = lrnn.qscale %[[RO]] factor(dense<[64, -32]> : tensor<2xi8> exp 6) bias(dense<[5, 0]> : tensor<2xi16> exp 10) : tensor<2x!lrnn.fixed<16, 11>> -> tensor<2x!lrnn.fixed<16, 11>>
  %d = lrnn.qscale %y factor(dense<[64, -32]> : tensor<2xi8> exp 6) bias(dense<[5, 0]> : tensor<2xi16> exp 10) : tensor<2x!lrnn.fixed<16, 11>> -> tensor<2x!lrnn.fixed<16, 11>>
  // CHECK-NEXT: %[[E:.*]] = lrnn.qscale %[[D]] factor(dense<[1, 2]> : tensor<2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 11>> -> tensor<2x!lrnn.fixed<16, 11>>
  %e = lrnn.qscale %d factor(dense<[1, 2]> : tensor<2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 11>> -> tensor<2x!lrnn.fixed<16, 11>>
  // CHECK-NEXT: lrnn.output %[[E]] : tensor<2x!lrnn.fixed<16, 11>>
  lrnn.output %e : tensor<2x!lrnn.fixed<16, 11>>
}

// The three standard lookup tables with their normative nodes (§5), a tiny
// 2-segment table with i8 nodes and an 8-bit result; qmul of mixed widths.
// CHECK-LABEL: lrnn.model @luts(%arg0: tensor<8x!lrnn.fixed<16, 13>>) -> tensor<8x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
lrnn.model @luts(%u: tensor<8x!lrnn.fixed<16, 13>>) -> tensor<8x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // CHECK-NEXT: %[[SIG:.*]] = lrnn.qlut %arg0 sigmoid nodes(dense<[11, 14, 18, 23, 30, 38, 49, 63, 81, 104, 133, 171, 219, 281, 360, 461, 589, 753, 961, 1223, 1554, 1969, 2486, 3124, 3906, 4851, 5978, 7297, 8813, 10513, 12371, 14347, 16384, 18421, 20397, 22255, 23955, 25471, 26790, 27917, 28862, 29644, 30282, 30799, 31214, 31545, 31807, 32015, 32179, 32307, 32408, 32487, 32549, 32597, 32635, 32664, 32687, 32705, 32719, 32730, 32738, 32745, 32750, 32754, 32757]> : tensor<65xi16>) range_log2 3 segment_log2 2 node_exp 15 : tensor<8x!lrnn.fixed<16, 13>> -> tensor<8x!lrnn.fixed<16, 15>>
  %s = lrnn.qlut %u sigmoid nodes(dense<[11, 14, 18, 23, 30, 38, 49, 63, 81, 104, 133, 171, 219, 281, 360, 461, 589, 753, 961, 1223, 1554, 1969, 2486, 3124, 3906, 4851, 5978, 7297, 8813, 10513, 12371, 14347, 16384, 18421, 20397, 22255, 23955, 25471, 26790, 27917, 28862, 29644, 30282, 30799, 31214, 31545, 31807, 32015, 32179, 32307, 32408, 32487, 32549, 32597, 32635, 32664, 32687, 32705, 32719, 32730, 32738, 32745, 32750, 32754, 32757]> : tensor<65xi16>) range_log2 3 segment_log2 2 node_exp 15 : tensor<8x!lrnn.fixed<16, 13>> -> tensor<8x!lrnn.fixed<16, 15>>
  // CHECK-NEXT: %[[GT:.*]] = lrnn.qlut %arg0 gelu_tanh nodes(dense<[0, -1, -1, -2, -3, -4, -6, -10, -15, -22, -32, -45, -62, -84, -111, -145, -186, -233, -288, -347, -411, -477, -542, -601, -650, -684, -696, -681, -632, -544, -411, -231, 0, 281, 613, 992, 1416, 1879, 2376, 2900, 3446, 4007, 4578, 5155, 5733, 6309, 6880, 7447, 8006, 8559, 9105, 9644, 10178, 10707, 11232, 11754, 12273, 12790, 13306, 13820, 14333, 14846, 15359, 15871, 16384]> : tensor<65xi16>) range_log2 2 segment_log2 3 node_exp 12 : tensor<8x!lrnn.fixed<16, 13>> -> tensor<8x!lrnn.fixed<16, 12>>
  %g = lrnn.qlut %u gelu_tanh nodes(dense<[0, -1, -1, -2, -3, -4, -6, -10, -15, -22, -32, -45, -62, -84, -111, -145, -186, -233, -288, -347, -411, -477, -542, -601, -650, -684, -696, -681, -632, -544, -411, -231, 0, 281, 613, 992, 1416, 1879, 2376, 2900, 3446, 4007, 4578, 5155, 5733, 6309, 6880, 7447, 8006, 8559, 9105, 9644, 10178, 10707, 11232, 11754, 12273, 12790, 13306, 13820, 14333, 14846, 15359, 15871, 16384]> : tensor<65xi16>) range_log2 2 segment_log2 3 node_exp 12 : tensor<8x!lrnn.fixed<16, 13>> -> tensor<8x!lrnn.fixed<16, 12>>
  // CHECK-NEXT: %[[GE:.*]] = lrnn.qlut %arg0 gelu_erf nodes(dense<[-1, -1, -1, -2, -3, -5, -8, -11, -17, -24, -34, -47, -64, -85, -113, -146, -186, -233, -287, -347, -410, -476, -541, -600, -650, -684, -696, -681, -632, -543, -411, -231, 0, 281, 613, 993, 1416, 1879, 2376, 2900, 3446, 4008, 4579, 5156, 5734, 6309, 6881, 7447, 8006, 8558, 9103, 9643, 10176, 10705, 11230, 11752, 12271, 12789, 13304, 13819, 14333, 14846, 15359, 15871, 16383]> : tensor<65xi16>) range_log2 2 segment_log2 3 node_exp 12 : tensor<8x!lrnn.fixed<16, 13>> -> tensor<8x!lrnn.fixed<16, 12>>
  %h = lrnn.qlut %u gelu_erf nodes(dense<[-1, -1, -1, -2, -3, -5, -8, -11, -17, -24, -34, -47, -64, -85, -113, -146, -186, -233, -287, -347, -410, -476, -541, -600, -650, -684, -696, -681, -632, -543, -411, -231, 0, 281, 613, 993, 1416, 1879, 2376, 2900, 3446, 4008, 4579, 5156, 5734, 6309, 6881, 7447, 8006, 8558, 9103, 9643, 10176, 10705, 11230, 11752, 12271, 12789, 13304, 13819, 14333, 14846, 15359, 15871, 16383]> : tensor<65xi16>) range_log2 2 segment_log2 3 node_exp 12 : tensor<8x!lrnn.fixed<16, 13>> -> tensor<8x!lrnn.fixed<16, 12>>
  // CHECK-NEXT: %[[T:.*]] = lrnn.qlut %arg0 sigmoid nodes(dense<[-100, 0, 100]> : tensor<3xi8>) range_log2 0 segment_log2 0 node_exp 7 : tensor<8x!lrnn.fixed<16, 13>> -> tensor<8x!lrnn.fixed<8, 7>>
  %t = lrnn.qlut %u sigmoid nodes(dense<[-100, 0, 100]> : tensor<3xi8>) range_log2 0 segment_log2 0 node_exp 7 : tensor<8x!lrnn.fixed<16, 13>> -> tensor<8x!lrnn.fixed<8, 7>>
  // CHECK-NEXT: %[[M:.*]] = lrnn.qmul %[[SIG]], %[[GT]] : tensor<8x!lrnn.fixed<16, 15>>, tensor<8x!lrnn.fixed<16, 12>> -> tensor<8x!lrnn.fixed<16, 13>>
  %m = lrnn.qmul %s, %g : tensor<8x!lrnn.fixed<16, 15>>, tensor<8x!lrnn.fixed<16, 12>> -> tensor<8x!lrnn.fixed<16, 13>>
  // CHECK-NEXT: %[[N:.*]] = lrnn.qmul %[[M]], %[[T]] : tensor<8x!lrnn.fixed<16, 13>>, tensor<8x!lrnn.fixed<8, 7>> -> tensor<8x!lrnn.fixed<16, 13>>
  %n = lrnn.qmul %m, %t : tensor<8x!lrnn.fixed<16, 13>>, tensor<8x!lrnn.fixed<8, 7>> -> tensor<8x!lrnn.fixed<16, 13>>
  // CHECK-NEXT: %[[A:.*]] = lrnn.qadd %[[N]], %[[GE]] : tensor<8x!lrnn.fixed<16, 13>>, tensor<8x!lrnn.fixed<16, 12>> -> tensor<8x!lrnn.fixed<16, 15>>
  %a = lrnn.qadd %n, %h : tensor<8x!lrnn.fixed<16, 13>>, tensor<8x!lrnn.fixed<16, 12>> -> tensor<8x!lrnn.fixed<16, 15>>
  // CHECK-NEXT: lrnn.output %[[A]] : tensor<8x!lrnn.fixed<16, 15>>
  lrnn.output %a : tensor<8x!lrnn.fixed<16, 15>>
}

// w8a24 (A = 48): codes in dense_resource blobs (read by the verifier), a
// product of two 24-bit values, a sum with exponents 2 apart.
// CHECK-LABEL: lrnn.model @w8a24(%arg0: tensor<2x!lrnn.fixed<24, 20>>) -> tensor<2x!lrnn.fixed<24, 18>> attributes {accumulator_bits = 48 : i32} {
lrnn.model @w8a24(%u: tensor<2x!lrnn.fixed<24, 20>>) -> tensor<2x!lrnn.fixed<24, 18>> attributes {accumulator_bits = 48 : i32} {
  // CHECK-NEXT: %[[P:.*]] = lrnn.qproject %arg0 weight(dense_resource<qweight> : tensor<2x2xi8> exp 5) bias(dense_resource<qbias> : tensor<2xi16> exp 20) : tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 18>>
  %p = lrnn.qproject %u weight(dense_resource<qweight> : tensor<2x2xi8> exp 5) bias(dense_resource<qbias> : tensor<2xi16> exp 20) : tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 18>>
  // CHECK-NEXT: %[[M:.*]] = lrnn.qmul %[[P]], %arg0 : tensor<2x!lrnn.fixed<24, 18>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 18>>
  %m = lrnn.qmul %p, %u : tensor<2x!lrnn.fixed<24, 18>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 18>>
  // CHECK-NEXT: %[[A:.*]] = lrnn.qadd %[[M]], %arg0 : tensor<2x!lrnn.fixed<24, 18>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 18>>
  %a = lrnn.qadd %m, %u : tensor<2x!lrnn.fixed<24, 18>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 18>>
  // CHECK-NEXT: lrnn.output %[[A]] : tensor<2x!lrnn.fixed<24, 18>>
  lrnn.output %a : tensor<2x!lrnn.fixed<24, 18>>
}

// The blobs survive every round trip: weights 12, -3, 127, -127 (i8,
// alignment 1) and biases 100, -16 (i16, alignment 2).
// CHECK: dialect_resources
// CHECK-NEXT: builtin: {
// CHECK-DAG: qweight: "0x010000000CFD7F81"
// CHECK-DAG: qbias: "0x020000006400F0FF"
{-#
  dialect_resources: {
    builtin: {
      qweight: "0x010000000CFD7F81",
      qbias: "0x020000006400F0FF"
    }
  }
#-}
