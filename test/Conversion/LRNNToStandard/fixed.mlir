// RUN: lrnn-opt %s --convert-lrnn-to-std | FileCheck %s

// The integer lowering of docs/fixed-point.md with every shift a constant.
lrnn.model @q(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 13>> attributes {accumulator_bits = 32 : i32} {
  %y = lrnn.qproject %u weight(dense<[[12, -3]]> : tensor<1x2xi8> exp 9) bias(dense<[100]> : tensor<1xi16> exp 12) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 13>>
  %r = lrnn.qrelu %y : tensor<1x!lrnn.fixed<16, 13>>
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 13>>
}

// The bias aligned offline to the accumulator: 100 · 2^(9 + 12 - 12).
// CHECK-DAG: memref.global "private" constant @q_qw_bias_{{[0-9]+}} : memref<1xi64> = dense<51200>
// Dense weight codes stay 8-bit.
// CHECK-DAG: memref.global "private" constant @q_qw0_dense_{{[0-9]+}} : memref<2xi8> = dense<[12, -3]>
// CHECK-LABEL: func.func @q_step(
// CHECK-SAME: memref<0xi32>, %[[IN:.*]]: memref<2xf32>, %[[OUT:.*]]: memref<1xf32>)
// Input boundary (§6): u · 2^12 in double, clamped, rounded half away, saturated.
// CHECK: arith.extf {{.*}} : f32 to f64
// CHECK: arith.mulf {{.*}} : f64
// CHECK: math.round {{.*}} : f64
// CHECK: arith.fptosi
// CHECK: arith.maxsi
// CHECK: arith.minsi
// Products in 64 bits.
// CHECK: arith.extsi {{.*}} : i8 to i64
// CHECK: arith.muli {{.*}} : i64
// Narrow from e_acc = 21 to 13: + 2^7, >> 8, saturate to ±32767.
// CHECK: %[[HALF:.*]] = arith.constant 128 : i64
// CHECK: arith.addi {{.*}}, %[[HALF]] : i64
// CHECK: %[[EIGHT:.*]] = arith.constant 8 : i64
// CHECK: arith.shrsi {{.*}}, %[[EIGHT]] : i64
// CHECK: arith.constant -32767 : i64
// CHECK: arith.constant 32767 : i64
// CHECK: arith.trunci {{.*}} : i64 to i32
// relu on codes.
// CHECK: arith.maxsi {{.*}} : i32
// Output boundary: float(q) · 2^-13.
// CHECK: %[[SCALE:.*]] = arith.constant 1.22070313E-4 : f32
// CHECK: arith.sitofp {{.*}} : i32 to f32
// CHECK: arith.mulf {{.*}}, %[[SCALE]] : f32
