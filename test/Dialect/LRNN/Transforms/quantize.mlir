// RUN: lrnn-opt %S/Inputs/quantize-tiny.mlir --lrnn-quantize=calibration=%S/Inputs/quantize-tiny.json | FileCheck %s
// RUN: lrnn-opt %S/Inputs/quantize-tiny.mlir --lrnn-quantize=calibration=%S/Inputs/quantize-tiny.json | lrnn-opt | FileCheck %s
// RUN: lrnn-opt %S/Inputs/quantize-tiny.mlir "--lrnn-quantize=scheme=w8a24 calibration=%S/Inputs/quantize-tiny.json" | FileCheck %s --check-prefix=A24
// RUN: lrnn-opt %S/Inputs/quantize-tiny.mlir "--lrnn-quantize=calibration=%S/Inputs/quantize-tiny.json headroom=1" | FileCheck %s --check-prefix=HEAD

// Every code and exponent below is computed by hand from docs/fixed-point.md
// §2 and the ranges in Inputs/quantize-tiny.json (this file is the input).

// Input absmax 2.0: the largest e with 2.0 · 2^e <= 32767 is 13.
// CHECK: lrnn.model @tiny(%[[U:.*]]: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<1x!lrnn.fixed<16, 14>> attributes {accumulator_bits = 32 : i32}
// W absmax 1.0 at 8 bit: e_W = 6, codes W · 64. Bias absmax 0.2: e = 17
// (0.2 · 2^17 = 26214.4), not finer than e_acc = 6 + 13; 0.1 · 2^17 = 13107.2.
// Result absmax 1.5: e = 14.
// CHECK-NEXT: %[[H:.*]] = lrnn.qproject %[[U]] weight(dense<{{\[\[}}32, -16], [64, 8]]> : tensor<2x2xi8> exp 6) bias(dense<[13107, -26214]> : tensor<2xi16> exp 17) : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 14>>
// relu keeps its operand's exponent.
// CHECK-NEXT: %[[R:.*]] = lrnn.qrelu %[[H]] : tensor<2x!lrnn.fixed<16, 14>>
// The standard sigmoid table: range [-8, 8), segments of 1/4, nodes at 2^-15.
// CHECK-NEXT: %[[S:.*]] = lrnn.qlut %[[R]] sigmoid nodes({{.*}} : tensor<65xi16>) range_log2 3 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 14>> -> tensor<2x!lrnn.fixed<16, 15>>
// CHECK-NEXT: %[[M:.*]] = lrnn.qmul %[[R]], %[[S]] : tensor<2x!lrnn.fixed<16, 14>>, tensor<2x!lrnn.fixed<16, 15>> -> tensor<2x!lrnn.fixed<16, 14>>
// Two weight blocks: re absmax 0.5 (e = 7), im absmax 0.125 (e = 9, the
// zero dropped: density 0.5 is stored sparse). One result exponent from
// max(0.3, 0.4): 16.
// CHECK-NEXT: %[[VR:.*]], %[[VI:.*]] = lrnn.qcomplex_project %[[M]] re(dense<{{\[\[}}64, 32]]> : tensor<1x2xi8> exp 7) im(#lrnn.sparse<[1, 2], nnz = 1, density = 0.5000, indices = dense<0> : tensor<1x2xi32>, values = dense<-64> : tensor<1xi8>> exp 9) : tensor<2x!lrnn.fixed<16, 14>> -> tensor<1x!lrnn.fixed<16, 16>>
// Λ̄ absmax 0.9 at 16 bit: e = 15; f32(0.9) · 2^15 = 29491.2, f32(0.1) · 2^15
// = 3276.8. State absmax 3.0: e = 13 (the clamp 16 + 32 - 16 - 2 = 30 does
// not act).
// CHECK-NEXT: %[[XR:.*]], %[[XI:.*]] = lrnn.qdiag_recurrence %[[VR]], %[[VI]] lambda(dense<29491> : tensor<1xi16>, dense<3277> : tensor<1xi16> exp 15) : tensor<1x!lrnn.fixed<16, 16>> -> tensor<1x!lrnn.fixed<16, 13>>
// CHECK-NEXT: %[[CR:.*]], %[[CI:.*]] = lrnn.qcrelu %[[XR]], %[[XI]] : tensor<1x!lrnn.fixed<16, 13>>
// κ = 2 multiplied in: one block with absmax 2.0, e = 5.
// CHECK-NEXT: %[[Y:.*]] = lrnn.qcomplex_readout %[[CR]], %[[CI]] re(dense<{{\[\[}}64], [32]]> : tensor<2x1xi8>) im(#lrnn.sparse<[2, 1], nnz = 1, density = 0.5000, indices = dense<0> : tensor<1x2xi32>, values = dense<16> : tensor<1xi8>>) exp 5 : tensor<1x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 12>>
// The batchnorm is the scale a = 1 / sqrt(0.75 + 0.25) = 1, c = -0.5:
// factor e = 6 (code 64); bias e = min(15, 6 + 12) = 15.
// CHECK-NEXT: %[[N:.*]] = lrnn.qscale %[[Y]] factor(dense<64> : tensor<2xi8> exp 6) bias(dense<-16384> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 14>>
// CHECK-NEXT: %[[A:.*]] = lrnn.qadd %[[N]], %[[M]] : tensor<2x!lrnn.fixed<16, 14>>, tensor<2x!lrnn.fixed<16, 14>> -> tensor<2x!lrnn.fixed<16, 12>>
// CHECK-NEXT: %[[G:.*]] = lrnn.qlut %[[A]] gelu_tanh nodes({{.*}} : tensor<65xi16>) range_log2 2 segment_log2 3 node_exp 12 : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
// Each piece of the fused projection is its own block and op.
// CHECK-NEXT: %[[P:.*]] = lrnn.qproject %[[G]] weight(#lrnn.sparse<[1, 2], nnz = 1, density = 0.5000, indices = dense<0> : tensor<1x2xi32>, values = dense<64> : tensor<1xi8>> exp 6) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 14>>
// CHECK-NEXT: %[[Q:.*]] = lrnn.qproject %[[G]] weight(#lrnn.sparse<[1, 2], nnz = 1, density = 0.5000, indices = dense<{{\[\[}}0, 1]]> : tensor<1x2xi32>, values = dense<-64> : tensor<1xi8>> exp 7) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 15>>
// CHECK-NEXT: %[[O:.*]] = lrnn.qadd %[[P]], %[[Q]] : tensor<1x!lrnn.fixed<16, 14>>, tensor<1x!lrnn.fixed<16, 15>> -> tensor<1x!lrnn.fixed<16, 14>>
// CHECK-NEXT: lrnn.output %[[O]] : tensor<1x!lrnn.fixed<16, 14>>
// The sigmoid table's first nodes (11, 14, 18, ...) as little-endian i16.
// CHECK: q2.nodes: "0x020000000B000E0012001700

// w8a24: activations of 24 bits (2.0 · 2^21 = 4194304 <= 2^23 - 1) and a
// 48-bit accumulator; weights, biases and Λ̄ keep their widths.
// A24: lrnn.model @tiny(%{{.*}}: tensor<2x!lrnn.fixed<24, 21>>) -> tensor<1x!lrnn.fixed<24, 22>> attributes {accumulator_bits = 48 : i32}
// A24: lrnn.qproject {{.*}} weight(dense<{{\[\[}}32, -16], [64, 8]]> : tensor<2x2xi8> exp 6) bias(dense<[13107, -26214]> : tensor<2xi16> exp 17) : tensor<2x!lrnn.fixed<24, 21>> -> tensor<2x!lrnn.fixed<24, 22>>

// One bit of headroom lowers every activation exponent by one.
// HEAD: lrnn.model @tiny(%{{.*}}: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 13>>
// HEAD: lrnn.qrelu %{{.*}} : tensor<2x!lrnn.fixed<16, 13>>
