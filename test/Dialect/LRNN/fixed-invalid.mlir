// RUN: lrnn-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect

// Every rejection of the quantised-model verifiers (lrnn.model with
// !lrnn.fixed signature, the lrnn.q* ops of LRNNFixedOps.cpp; limits of
// docs/fixed-point.md §8), one case per check, with the accepted value next
// to each bound that is exact. Bounds worked out in the comments: M(w) =
// 2^(w-1) - 1, M(16) = 32767, M(24) = 8388607, A = accumulator_bits.
// (--allow-unregistered-dialect: one case needs a fixed-point value in a
// float model, which only a foreign op can produce.)

//===----------------------------------------------------------------------===//
// lrnn.model: the quantised signature and accumulator_bits
//===----------------------------------------------------------------------===//

// expected-error @+1 {{'lrnn.model' op a quantised model takes and returns vectors of !lrnn.fixed, got '(tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2xf32>'}}
lrnn.model @fixed_in_f32_out(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2xf32> attributes {accumulator_bits = 32 : i32} {
  lrnn.output %u : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

// expected-error @+1 {{'lrnn.model' op a quantised model takes and returns vectors of !lrnn.fixed, got '(tensor<2xf32>) -> tensor<2x!lrnn.fixed<16, 12>>'}}
lrnn.model @f32_in_fixed_out(%u: tensor<2xf32>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  lrnn.output %u : tensor<2xf32>
}

// -----

// expected-error @+1 {{'lrnn.model' op a quantised model must declare accumulator_bits}}
lrnn.model @no_accumulator_bits(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> {
  %r = lrnn.qrelu %u : tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

// expected-error @+1 {{'lrnn.model' op accumulator_bits = 17 is outside [18, 62]}}
lrnn.model @accumulator_17(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 17 : i32} {
  lrnn.output %u : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

// expected-error @+1 {{'lrnn.model' op accumulator_bits = 63 is outside [18, 62]}}
lrnn.model @accumulator_63(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 63 : i32} {
  lrnn.output %u : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

// Both ends of [18, 62] are accepted.
lrnn.model @accumulator_18(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 18 : i32} {
  %r = lrnn.qrelu %u : tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}
lrnn.model @accumulator_62(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 62 : i32} {
  %r = lrnn.qrelu %u : tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

// expected-error @+1 {{'lrnn.model' op accumulator_bits applies only to quantised models}}
lrnn.model @float_with_accumulator(%u: tensor<2xf32>) -> tensor<2xf32> attributes {accumulator_bits = 32 : i32} {
  lrnn.output %u : tensor<2xf32>
}

//===----------------------------------------------------------------------===//
// Every q op: message width, accumulator_bits, parent
//===----------------------------------------------------------------------===//

// -----

lrnn.model @operand_32_bit(%u: tensor<2x!lrnn.fixed<32, 12>>) -> tensor<2x!lrnn.fixed<32, 12>> attributes {accumulator_bits = 62 : i32} {
  // expected-error @+1 {{'lrnn.qrelu' op operand #0: 32-bit values exceed the 24-bit message payload}}
  %r = lrnn.qrelu %u : tensor<2x!lrnn.fixed<32, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<32, 12>>
}

// -----

lrnn.model @operand_1_32_bit(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 62 : i32} {
  %big = "test.source"() : () -> tensor<2x!lrnn.fixed<32, 12>>
  // expected-error @+1 {{'lrnn.qadd' op operand #1: 32-bit values exceed the 24-bit message payload}}
  %a = lrnn.qadd %u, %big : tensor<2x!lrnn.fixed<16, 12>>, tensor<2x!lrnn.fixed<32, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %a : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

// 25 bits: one more than the payload (24-bit results are in fixed-ops.mlir).
lrnn.model @result_25_bit(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<25, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op result #0: 25-bit values exceed the 24-bit message payload}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<25, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<25, 12>>
}

// -----

lrnn.model @result_32_bit(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 62 : i32} {
  // expected-error @+1 {{'lrnn.qmul' op result #0: 32-bit values exceed the 24-bit message payload}}
  %m = lrnn.qmul %u, %u : tensor<2x!lrnn.fixed<16, 12>>, tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<32, 12>>
  lrnn.output %u : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

// A float model has no accumulator: its q ops are rejected by their own
// verifier (a fixed-point value can only come from a foreign op here).
lrnn.model @q_op_in_float_model(%u: tensor<2xf32>) -> tensor<2xf32> {
  %x = "test.source"() : () -> tensor<2x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qrelu' op requires the enclosing lrnn.model to declare accumulator_bits}}
  %r = lrnn.qrelu %x : tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %u : tensor<2xf32>
}

// -----

func.func @q_op_outside_model(%x: tensor<2x!lrnn.fixed<16, 12>>) {
  // expected-error @+1 {{'lrnn.qrelu' op expects parent op 'lrnn.model'}}
  %r = lrnn.qrelu %x : tensor<2x!lrnn.fixed<16, 12>>
  return
}

// -----

lrnn.model @float_operand(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.qrelu' op operand #0 must be non-empty 1-D static tensor of !lrnn.fixed, but got 'tensor<2xf32>'}}
  %r = lrnn.qrelu %u : tensor<2xf32>
  lrnn.output %r : tensor<2xf32>
}

//===----------------------------------------------------------------------===//
// Exponent attributes: within [-128, 127]
//===----------------------------------------------------------------------===//

// -----

lrnn.model @weight_exp_128(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight_exp = 128 is outside [-128, 127]}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 128) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @bias_exp_minus_129(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op bias_exp = -129 is outside [-128, 127]}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 0) bias(dense<[1]> : tensor<1xi16> exp -129) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @weight_im_exp(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_project' op weight_im_exp = -129 is outside [-128, 127]}}
  %r, %i = lrnn.qcomplex_project %u re(dense<1> : tensor<1x2xi8> exp 0) im(dense<1> : tensor<1x2xi8> exp -129) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @bias_re_exp(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_project' op bias_re_exp = 128 is outside [-128, 127]}}
  %r, %i = lrnn.qcomplex_project %u re(dense<1> : tensor<1x2xi8> exp 0) im(dense<1> : tensor<1x2xi8> exp 0) bias_re(dense<[1]> : tensor<1xi16> exp 128) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @readout_weight_exp(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_readout' op weight_exp = 128 is outside [-128, 127]}}
  %y = lrnn.qcomplex_readout %u, %u re(dense<1> : tensor<1x2xi8>) im(dense<1> : tensor<1x2xi8>) exp 128 : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @factor_exp(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qscale' op factor_exp = -200 is outside [-128, 127]}}
  %y = lrnn.qscale %u factor(dense<[1, 2]> : tensor<2xi8> exp -200) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @lambda_exp_128(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op lambda_exp = 128 is outside [-128, 127]}}
  %r, %i = lrnn.qdiag_recurrence %u, %u lambda(dense<[1, 2]> : tensor<2xi16>, dense<[3, 4]> : tensor<2xi16> exp 128) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @node_exp_minus_129(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op node_exp = -129 is outside [-128, 127]}}
  %y = lrnn.qlut %u sigmoid nodes(dense<[0, 1, 2]> : tensor<3xi16>) range_log2 0 segment_log2 0 node_exp -129 : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}

//===----------------------------------------------------------------------===//
// Weight codes: i8, symmetric ±127, shape, sparse entries, blobs
//===----------------------------------------------------------------------===//

// -----

// -128, the most negative two's-complement i8, is never a code.
lrnn.model @weight_minus_128(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: code -128 at (0, 1) is outside the symmetric 8-bit range ±127}}
  %y = lrnn.qproject %u weight(dense<[[-127, -128]]> : tensor<1x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @weight_i16(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: 16-bit codes exceed the target's 8 bits}}
  %y = lrnn.qproject %u weight(dense<[[1, 2]]> : tensor<1x2xi16> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @weight_f32(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: expected codes of type i8, i16 or i32, got 'f32'}}
  %y = lrnn.qproject %u weight(dense<[[1.0, 2.0]]> : tensor<1x2xf32> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @weight_i64(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: expected codes of type i8, i16 or i32, got 'i64'}}
  %y = lrnn.qproject %u weight(dense<[[1, 2]]> : tensor<1x2xi64> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @weight_shape(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: expected a 1x2 weight, got 2x2}}
  %y = lrnn.qproject %u weight(dense<1> : tensor<2x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @weight_1d(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: expected a 2-D weight, got dense<[1, 2]> : tensor<2xi8>}}
  %y = lrnn.qproject %u weight(dense<[1, 2]> : tensor<2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @sparse_zero(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: sparse matrix stores a zero at (0, 1)}}
  %y = lrnn.qproject %u weight(#lrnn.sparse<[1, 2], nnz = 2, density = 1.0, indices = dense<[[0, 0], [0, 1]]> : tensor<2x2xi32>, values = dense<[5, 0]> : tensor<2xi8>> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @sparse_minus_128(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_project' op weight_im: code -128 at (1, 0) is outside the symmetric 8-bit range ±127}}
  %r, %i = lrnn.qcomplex_project %u re(dense<1> : tensor<2x2xi8> exp 0) im(#lrnn.sparse<[2, 2], nnz = 2, density = 0.5, indices = dense<[[0, 1], [1, 0]]> : tensor<2x2xi32>, values = dense<[127, -128]> : tensor<2xi8>> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @sparse_i16(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: 16-bit codes exceed the target's 8 bits}}
  %y = lrnn.qproject %u weight(#lrnn.sparse<[1, 2], nnz = 1, density = 0.5, indices = dense<[[0, 1]]> : tensor<1x2xi32>, values = dense<[3]> : tensor<1xi16>> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @sparse_out_of_range(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: sparse position (0, 5) is out of range for a 1x2 matrix}}
  %y = lrnn.qproject %u weight(#lrnn.sparse<[1, 2], nnz = 1, density = 0.5, indices = dense<[[0, 5]]> : tensor<1x2xi32>, values = dense<[3]> : tensor<1xi8>> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @sparse_order(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: sparse position (0, 0) at entry 1 is not in row-major order}}
  %y = lrnn.qproject %u weight(#lrnn.sparse<[1, 2], nnz = 2, density = 1.0, indices = dense<[[0, 1], [0, 0]]> : tensor<2x2xi32>, values = dense<[3, 4]> : tensor<2xi8>> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

// Codes in a blob are checked too: 0x0C, 0x80 = 12, -128.
lrnn.model @blob_minus_128(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: code -128 at (0, 1) is outside the symmetric 8-bit range ±127}}
  %y = lrnn.qproject %u weight(dense_resource<w> : tensor<1x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
{-#
  dialect_resources: {
    builtin: {
      w: "0x010000000C80"
    }
  }
#-}

// -----

lrnn.model @blob_missing(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: resource 'nowhere' has no data (elided or missing)}}
  %y = lrnn.qproject %u weight(dense_resource<nowhere> : tensor<1x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @readout_weight_re_i16(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_readout' op weight_re: 16-bit codes exceed the target's 8 bits}}
  %y = lrnn.qcomplex_readout %u, %u re(dense<1> : tensor<1x2xi16>) im(dense<1> : tensor<1x2xi8>) exp 0 : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @readout_weight_im_minus_128(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_readout' op weight_im: code -128 at (0, 0) is outside the symmetric 8-bit range ±127}}
  %y = lrnn.qcomplex_readout %u, %u re(dense<1> : tensor<1x2xi8>) im(dense<-128> : tensor<1x2xi8>) exp 0 : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @factor_minus_128(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qscale' op factor: code -128 at index 1 is outside the symmetric 8-bit range ±127}}
  %y = lrnn.qscale %u factor(dense<[127, -128]> : tensor<2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @factor_i16(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qscale' op factor: 16-bit codes exceed the target's 8 bits}}
  %y = lrnn.qscale %u factor(dense<[1, 2]> : tensor<2xi16> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @factor_size(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qscale' op factor: expected 2 elements, got 3}}
  %y = lrnn.qscale %u factor(dense<[1, 2, 3]> : tensor<3xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @scale_result_size(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<3x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qscale' op result must have the input's 2 elements}}
  %y = lrnn.qscale %u factor(dense<[1, 2, 3]> : tensor<3xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<3x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<3x!lrnn.fixed<16, 12>>
}

//===----------------------------------------------------------------------===//
// Bias codes (i8/i16, symmetric) and exponents (never finer than the
// accumulator)
//===----------------------------------------------------------------------===//

// -----

// -32768, the most negative i16, is never a code.
lrnn.model @bias_minus_32768(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op bias: code -32768 at index 0 is outside the symmetric 16-bit range ±32767}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 0) bias(dense<[-32768]> : tensor<1xi16> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @bias_i8_minus_128(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op bias: code -128 at index 1 is outside the symmetric 8-bit range ±127}}
  %y = lrnn.qproject %u weight(dense<1> : tensor<2x2xi8> exp 0) bias(dense<[-127, -128]> : tensor<2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @bias_i32(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op bias: 32-bit codes exceed the target's 16 bits}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 0) bias(dense<[1]> : tensor<1xi32> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @bias_size(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op bias: expected 1 elements, got 2}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 0) bias(dense<[1, 2]> : tensor<2xi16> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @bias_2d(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op bias: expected a 1-D tensor of codes, got 'tensor<1x1xi16>'}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 0) bias(dense<[[1]]> : tensor<1x1xi16> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

// e_acc = weight_exp + e(x) = 9 + 12 = 21: bias_exp 21 is accepted, 22 not.
lrnn.model @bias_finer(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  %ok = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 9) bias(dense<[5]> : tensor<1xi16> exp 21) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qproject' op bias_exp = 22 is finer than the accumulator's exponent 21 (aligning it would need a rounding shift)}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 9) bias(dense<[5]> : tensor<1xi16> exp 22) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

// Each half of qcomplex_project has its own accumulator: 3 + 12 for im.
lrnn.model @bias_im_finer(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_project' op bias_im_exp = 16 is finer than the accumulator's exponent 15 (aligning it would need a rounding shift)}}
  %r, %i = lrnn.qcomplex_project %u re(dense<1> : tensor<1x2xi8> exp 9) im(dense<1> : tensor<1x2xi8> exp 3) bias_re(dense<[1]> : tensor<1xi16> exp 16) bias_im(dense<[1]> : tensor<1xi16> exp 16) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @scale_bias_finer(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qscale' op bias_exp = 19 is finer than the accumulator's exponent 18 (aligning it would need a rounding shift)}}
  %y = lrnn.qscale %u factor(dense<[1, 2]> : tensor<2xi8> exp 6) bias(dense<[1, 2]> : tensor<2xi16> exp 19) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

// The custom syntax pairs a bias with its exponent; the generic form can
// separate them.
lrnn.model @bias_without_exp(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: a bias needs an exponent and an exponent needs a bias}}
  %y = "lrnn.qproject"(%u) <{weight = dense<[[1, 1]]> : tensor<1x2xi8>, weight_exp = 0 : si32, bias = dense<[1]> : tensor<1xi16>}> : (tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @exp_without_bias(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qscale' op factor: a bias needs an exponent and an exponent needs a bias}}
  %y = "lrnn.qscale"(%u) <{factor = dense<[1, 2]> : tensor<2xi8>, factor_exp = 0 : si32, bias_exp = 0 : si32}> : (tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @bias_im_without_exp(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_project' op weight_im: a bias needs an exponent and an exponent needs a bias}}
  %r, %i = "lrnn.qcomplex_project"(%u) <{weight_re = dense<1> : tensor<1x2xi8>, weight_re_exp = 0 : si32, weight_im = dense<1> : tensor<1x2xi8>, weight_im_exp = 0 : si32, bias_im = dense<[1]> : tensor<1xi16>}> : (tensor<2x!lrnn.fixed<16, 12>>) -> (tensor<1x!lrnn.fixed<16, 12>>, tensor<1x!lrnn.fixed<16, 12>>)
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 12>>
}

//===----------------------------------------------------------------------===//
// Accumulator rows (§8.2): Σ_k |q_W[r,k]| · M(w_in) + |q_b[r]| · 2^(e_acc - e_b) < 2^(A-1)
//===----------------------------------------------------------------------===//

// -----

// A = 18, 2^17 = 131072. Row [3, -1] at 16-bit input: 4 · 32767 = 131068;
// e_acc = 5 + 12 = 17, bias at exponent 16 shifted by 1: bias 1 adds 2
// (131070, accepted), bias 2 adds 4 (131072 = 2^17, rejected).
lrnn.model @project_edge_a18(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 18 : i32} {
  %ok = lrnn.qproject %u weight(dense<[[3, -1]]> : tensor<1x2xi8> exp 5) bias(dense<[-1]> : tensor<1xi16> exp 16) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qproject' op weight: row 0 may reach 131072, beyond the 18-bit accumulator (lower the weight exponent)}}
  %y = lrnn.qproject %u weight(dense<[[3, -1]]> : tensor<1x2xi8> exp 5) bias(dense<[-2]> : tensor<1xi16> exp 16) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

// A = 32, 2^31 = 2147483648, sparse row {127, -127, 2} at 24-bit input:
// 256 · 8388607 = 2147483392 = 2^31 - 256; e_acc = 6 + 10 = 16. Bias 1 at
// exponent 9 adds 2^7 (2147483520, accepted), at exponent 8 adds 2^8
// (2^31, rejected).
lrnn.model @project_edge_sparse_a32(%u: tensor<4x!lrnn.fixed<24, 10>>) -> tensor<1x!lrnn.fixed<24, 10>> attributes {accumulator_bits = 32 : i32} {
  %ok = lrnn.qproject %u weight(#lrnn.sparse<[1, 4], nnz = 3, density = 0.75, indices = dense<[[0, 0], [0, 1], [0, 3]]> : tensor<3x2xi32>, values = dense<[127, -127, 2]> : tensor<3xi8>> exp 6) bias(dense<[1]> : tensor<1xi8> exp 9) : tensor<4x!lrnn.fixed<24, 10>> -> tensor<1x!lrnn.fixed<24, 10>>
  // expected-error @+1 {{'lrnn.qproject' op weight: row 0 may reach 2147483648, beyond the 32-bit accumulator (lower the weight exponent)}}
  %y = lrnn.qproject %u weight(#lrnn.sparse<[1, 4], nnz = 3, density = 0.75, indices = dense<[[0, 0], [0, 1], [0, 3]]> : tensor<3x2xi32>, values = dense<[127, -127, 2]> : tensor<3xi8>> exp 6) bias(dense<[1]> : tensor<1xi8> exp 8) : tensor<4x!lrnn.fixed<24, 10>> -> tensor<1x!lrnn.fixed<24, 10>>
  lrnn.output %y : tensor<1x!lrnn.fixed<24, 10>>
}

// -----

// Without a bias: row 1 = [4, 1] reaches 5 · 32767 = 163835 >= 2^17.
lrnn.model @project_row_1(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 18 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: row 1 may reach 163835, beyond the 18-bit accumulator (lower the weight exponent)}}
  %y = lrnn.qproject %u weight(dense<[[3, 1], [4, 1]]> : tensor<2x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

// A bias aligned by 139 - (-128) = 267 bits is beyond any accumulator.
lrnn.model @project_huge_bias_shift(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 62 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: row 0 may reach more than 2^64, beyond the 62-bit accumulator (lower the weight exponent)}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 127) bias(dense<[1]> : tensor<1xi16> exp -128) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

// qcomplex_project: the imaginary block with its bias. e_acc = 3 + 12 = 15,
// bias_im at exponent 15: row 1 = 4 · 32767 + 4 = 131072 = 2^17.
lrnn.model @complex_project_im_row(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 18 : i32} {
  %okr, %oki = lrnn.qcomplex_project %u re(dense<1> : tensor<2x2xi8> exp 0) im(dense<[[1, 0], [3, 1]]> : tensor<2x2xi8> exp 3) bias_im(dense<[0, 3]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qcomplex_project' op weight_im: row 1 may reach 131072, beyond the 18-bit accumulator (lower the weight exponent)}}
  %r, %i = lrnn.qcomplex_project %u re(dense<1> : tensor<2x2xi8> exp 0) im(dense<[[1, 0], [3, 1]]> : tensor<2x2xi8> exp 3) bias_im(dense<[0, 4]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @complex_project_re_row(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 18 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_project' op weight_re: row 0 may reach 163835, beyond the 18-bit accumulator (lower the weight exponent)}}
  %r, %i = lrnn.qcomplex_project %u re(dense<[[-2, 3], [0, 1]]> : tensor<2x2xi8> exp 0) im(dense<1> : tensor<2x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

// qcomplex_readout: both matrices sum into one accumulator. 2 + 2 = 4 weights
// of magnitude 1 give 131068 < 2^17; 2 + 3 give 163835.
lrnn.model @readout_both_matrices(%x: tensor<2x!lrnn.fixed<16, 10>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 18 : i32} {
  %ok = lrnn.qcomplex_readout %x, %x re(dense<[[1, -1]]> : tensor<1x2xi8>) im(dense<[[-1, 1]]> : tensor<1x2xi8>) exp 0 : tensor<2x!lrnn.fixed<16, 10>> -> tensor<1x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qcomplex_readout' op weight: row 0 may reach 163835, beyond the 18-bit accumulator (lower the weight exponent)}}
  %y = lrnn.qcomplex_readout %x, %x re(dense<[[1, -1]]> : tensor<1x2xi8>) im(#lrnn.sparse<[1, 2], nnz = 1, density = 0.5, indices = dense<[[0, 1]]> : tensor<1x2xi32>, values = dense<[-3]> : tensor<1xi8>>) exp 0 : tensor<2x!lrnn.fixed<16, 10>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

// qscale: one weight per row. e_acc = 2 + 12 = 14, bias at 14 (no shift):
// row 1 = 4 · 32767 + 3 = 131071 (accepted) or + 4 = 2^17 (rejected).
lrnn.model @scale_edge(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 18 : i32} {
  %ok = lrnn.qscale %u factor(dense<[1, -4]> : tensor<2xi8> exp 2) bias(dense<[0, -3]> : tensor<2xi16> exp 14) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qscale' op factor: row 1 may reach 131072, beyond the 18-bit accumulator (lower the weight exponent)}}
  %y = lrnn.qscale %u factor(dense<[1, -4]> : tensor<2xi8> exp 2) bias(dense<[0, -4]> : tensor<2xi16> exp 14) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}

//===----------------------------------------------------------------------===//
// lrnn.qdiag_recurrence (§8.3): P = max_k(|Λr| + |Λi|) · M(w),
// (P >> e_L) + 2 + V < 2^(A-1) (P · 2^-e_L + V for e_L < 0) and
// M(Λ width) · M(w) < 2^(A-1)
//===----------------------------------------------------------------------===//

// -----

// A = 32, Λr = Λi = 32767, e_L = 0: P + 2 = 2 · 32767^2 + 2 = 2147352580.
// Input aligned from 12 to a state at 13: V = 2 · 32767 (total 2147418114,
// accepted); to a state at 14: V = 4 · 32767 = 131068 (total 2^31, rejected).
lrnn.model @recurrence_edge(%v: tensor<1x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 14>> attributes {accumulator_bits = 32 : i32} {
  %okr, %oki = lrnn.qdiag_recurrence %v, %v lambda(dense<[32767]> : tensor<1xi16>, dense<[-32767]> : tensor<1xi16> exp 0) : tensor<1x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 13>>
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op the recurrence may exceed the 32-bit accumulator (state exponent 14, input exponent 12, lambda_exp 0)}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[32767]> : tensor<1xi16>, dense<[-32767]> : tensor<1xi16> exp 0) : tensor<1x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 14>>
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 14>>
}

// -----

// A negative lambda_exp multiplies the products: Λr = 32767, Λi = 0, state
// and input at 12 (V = 32767). e_L = -1: 2 · 32767^2 + 32767 = 2147385345
// (accepted); e_L = -2: 4 · 32767^2 + 32767 > 2^31 (rejected).
lrnn.model @recurrence_lambda_exp(%v: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  %okr, %oki = lrnn.qdiag_recurrence %v, %v lambda(dense<[32767, 5]> : tensor<2xi16>, dense<[0, 5]> : tensor<2xi16> exp -1) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op the recurrence may exceed the 32-bit accumulator (state exponent 12, input exponent 12, lambda_exp -2)}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[32767, 5]> : tensor<2xi16>, dense<[0, 5]> : tensor<2xi16> exp -2) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @recurrence_lambda_exp_min(%v: tensor<1x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 62 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op the recurrence may exceed the 62-bit accumulator (state exponent 12, input exponent 12, lambda_exp -128)}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[1]> : tensor<1xi16>, dense<[0]> : tensor<1xi16> exp -128) : tensor<1x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

// The input aligned to a much finer state: 32767 · 2^20 >= 2^31.
lrnn.model @recurrence_input_term(%v: tensor<1x!lrnn.fixed<16, 0>>) -> tensor<1x!lrnn.fixed<16, 20>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op the recurrence may exceed the 32-bit accumulator (state exponent 20, input exponent 0, lambda_exp 15)}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[30000]> : tensor<1xi16>, dense<[100]> : tensor<1xi16> exp 15) : tensor<1x!lrnn.fixed<16, 0>> -> tensor<1x!lrnn.fixed<16, 20>>
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 20>>
}

// -----

// The wider of the two Λ̄ widths bounds the product: an i8 real part does
// not make an i16 imaginary part safe.
lrnn.model @recurrence_mixed_widths(%v: tensor<1x!lrnn.fixed<24, 20>>) -> tensor<1x!lrnn.fixed<24, 20>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op a product of 16-bit lambda and 24-bit state may exceed the 32-bit accumulator}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[1]> : tensor<1xi8>, dense<[32767]> : tensor<1xi16> exp 15) : tensor<1x!lrnn.fixed<24, 20>> -> tensor<1x!lrnn.fixed<24, 20>>
  lrnn.output %r : tensor<1x!lrnn.fixed<24, 20>>
}

// -----

// A 24-bit state under A = 32: the raw product of an i16 Λ̄ code and the
// state, M(16) · M(24) ~ 2^38, does not fit (an i8 Λ̄, M(8) · M(24) =
// 1065353089 < 2^31, does).
lrnn.model @recurrence_product(%v: tensor<1x!lrnn.fixed<24, 20>>) -> tensor<1x!lrnn.fixed<24, 20>> attributes {accumulator_bits = 32 : i32} {
  %okr, %oki = lrnn.qdiag_recurrence %v, %v lambda(dense<[100]> : tensor<1xi8>, dense<[-20]> : tensor<1xi8> exp 7) : tensor<1x!lrnn.fixed<24, 20>> -> tensor<1x!lrnn.fixed<24, 20>>
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op a product of 16-bit lambda and 24-bit state may exceed the 32-bit accumulator}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[30000]> : tensor<1xi16>, dense<[-100]> : tensor<1xi16> exp 15) : tensor<1x!lrnn.fixed<24, 20>> -> tensor<1x!lrnn.fixed<24, 20>>
  lrnn.output %r : tensor<1x!lrnn.fixed<24, 20>>
}

// -----

lrnn.model @recurrence_state_size(%v: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<3x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op state must have the input's 2 elements}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[1, 2]> : tensor<2xi16>, dense<[3, 4]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<3x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<3x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @lambda_i32(%v: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op lambda_re: 32-bit codes exceed the target's 16 bits}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[1, 2]> : tensor<2xi32>, dense<[3, 4]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @lambda_minus_32768(%v: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op lambda_im: code -32768 at index 1 is outside the symmetric 16-bit range ±32767}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[1, 2]> : tensor<2xi16>, dense<[32767, -32768]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @lambda_i8_minus_128(%v: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op lambda_re: code -128 at index 0 is outside the symmetric 8-bit range ±127}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[-128, 127]> : tensor<2xi8>, dense<[3, 4]> : tensor<2xi8> exp 7) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @lambda_size(%v: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op lambda_re: expected 2 elements, got 3}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[1, 2, 3]> : tensor<3xi16>, dense<[3, 4]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}

//===----------------------------------------------------------------------===//
// lrnn.qadd (§8.4) and lrnn.qmul (§8.5)
//===----------------------------------------------------------------------===//

// -----

// Far-apart exponents are never rejected: the sum is taken at
// e_m = min(30, 0 + A - w - 1) = 15, where the coarser operand reaches
// 32767 · 2^15 and the finer one (32767 >> 15) + 1 = 1. Same for w = A = 24:
// e_m = min(20, 0 - 1) = -1, bounds 2^22 and 4.
lrnn.model @add_far_apart(%u: tensor<2x!lrnn.fixed<16, 0>>) -> tensor<2x!lrnn.fixed<16, 0>> attributes {accumulator_bits = 32 : i32} {
  %f = lrnn.qscale %u factor(dense<1> : tensor<2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 0>> -> tensor<2x!lrnn.fixed<16, 30>>
  %a = lrnn.qadd %u, %f : tensor<2x!lrnn.fixed<16, 0>>, tensor<2x!lrnn.fixed<16, 30>> -> tensor<2x!lrnn.fixed<16, 0>>
  lrnn.output %a : tensor<2x!lrnn.fixed<16, 0>>
}
lrnn.model @add_far_apart_a24(%u: tensor<2x!lrnn.fixed<24, 0>>) -> tensor<2x!lrnn.fixed<24, 0>> attributes {accumulator_bits = 24 : i32} {
  %f = "test.source"() : () -> tensor<2x!lrnn.fixed<24, 20>>
  %a = lrnn.qadd %u, %f : tensor<2x!lrnn.fixed<24, 0>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 0>>
  lrnn.output %a : tensor<2x!lrnn.fixed<24, 0>>
}

// -----

// Only operands of equal width and exponent with A <= w can overflow: for
// w = A = 24 at exponent 20, e_m = 19 and each aligned operand reaches
// rescale(M(24), 1) = 2^22, together 2^23 = 2^(A-1).
lrnn.model @add_equal_exponents(%u: tensor<2x!lrnn.fixed<24, 20>>) -> tensor<2x!lrnn.fixed<24, 20>> attributes {accumulator_bits = 24 : i32} {
  // expected-error @+1 {{'lrnn.qadd' op the sum may exceed the 24-bit accumulator (exponents 20 and 20)}}
  %a = lrnn.qadd %u, %u : tensor<2x!lrnn.fixed<24, 20>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 20>>
  lrnn.output %a : tensor<2x!lrnn.fixed<24, 20>>
}

// -----

// One bit more (A = 25) is enough: e_m = 20, 2 · M(24) < 2^24.
lrnn.model @add_equal_exponents_a25(%u: tensor<2x!lrnn.fixed<24, 20>>) -> tensor<2x!lrnn.fixed<24, 20>> attributes {accumulator_bits = 25 : i32} {
  %a = lrnn.qadd %u, %u : tensor<2x!lrnn.fixed<24, 20>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 20>>
  lrnn.output %a : tensor<2x!lrnn.fixed<24, 20>>
}

// -----

lrnn.model @add_sizes(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qadd' op operands and result must have the same size}}
  %a = lrnn.qadd %u, %u : tensor<2x!lrnn.fixed<16, 12>>, tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %a : tensor<1x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @mul_24_24_a32(%u: tensor<2x!lrnn.fixed<24, 20>>) -> tensor<2x!lrnn.fixed<24, 20>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qmul' op the product of 24- and 24-bit values may exceed the 32-bit accumulator}}
  %m = lrnn.qmul %u, %u : tensor<2x!lrnn.fixed<24, 20>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 20>>
  lrnn.output %m : tensor<2x!lrnn.fixed<24, 20>>
}

// -----

// M(24)^2 = 2^46 - 2^24 + 1: fits A = 47, not A = 46.
lrnn.model @mul_24_24_a47(%u: tensor<2x!lrnn.fixed<24, 20>>) -> tensor<2x!lrnn.fixed<24, 20>> attributes {accumulator_bits = 47 : i32} {
  %m = lrnn.qmul %u, %u : tensor<2x!lrnn.fixed<24, 20>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 20>>
  lrnn.output %m : tensor<2x!lrnn.fixed<24, 20>>
}

// -----

lrnn.model @mul_24_24_a46(%u: tensor<2x!lrnn.fixed<24, 20>>) -> tensor<2x!lrnn.fixed<24, 20>> attributes {accumulator_bits = 46 : i32} {
  // expected-error @+1 {{'lrnn.qmul' op the product of 24- and 24-bit values may exceed the 46-bit accumulator}}
  %m = lrnn.qmul %u, %u : tensor<2x!lrnn.fixed<24, 20>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 20>>
  lrnn.output %m : tensor<2x!lrnn.fixed<24, 20>>
}

// -----

// M(16)^2 = 2^30 - 2^16 + 1: fits A = 31, not A = 30.
lrnn.model @mul_16_16_a31(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 31 : i32} {
  %m = lrnn.qmul %u, %u : tensor<2x!lrnn.fixed<16, 12>>, tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %m : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @mul_16_16_a30(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 30 : i32} {
  // expected-error @+1 {{'lrnn.qmul' op the product of 16- and 16-bit values may exceed the 30-bit accumulator}}
  %m = lrnn.qmul %u, %u : tensor<2x!lrnn.fixed<16, 12>>, tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %m : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

// Mixed widths under A = 32: M(16) · M(17) = 2147385345 < 2^31 fits;
// M(16) · M(24) does not.
lrnn.model @mul_mixed(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  %w = lrnn.qscale %u factor(dense<1> : tensor<2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<17, 12>>
  %x = lrnn.qscale %u factor(dense<1> : tensor<2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<24, 12>>
  %ok = lrnn.qmul %u, %w : tensor<2x!lrnn.fixed<16, 12>>, tensor<2x!lrnn.fixed<17, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qmul' op the product of 16- and 24-bit values may exceed the 32-bit accumulator}}
  %m = lrnn.qmul %u, %x : tensor<2x!lrnn.fixed<16, 12>>, tensor<2x!lrnn.fixed<24, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %m : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @mul_sizes(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  %x = "test.source"() : () -> tensor<3x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qmul' op operands and result must have the same size}}
  %m = lrnn.qmul %u, %x : tensor<2x!lrnn.fixed<16, 12>>, tensor<3x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %m : tensor<2x!lrnn.fixed<16, 12>>
}

//===----------------------------------------------------------------------===//
// lrnn.qlut (§5, §8.7)
//===----------------------------------------------------------------------===//

// -----

// The standard sigmoid table has N = 2^(3 + 1 + 2) = 64 segments, 65 nodes.
lrnn.model @lut_node_count(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op nodes: expected 65 elements, got 64}}
  %s = lrnn.qlut %u sigmoid nodes(dense<1> : tensor<64xi16>) range_log2 3 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}

// -----

lrnn.model @lut_node_count_gelu(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op nodes: expected 65 elements, got 66}}
  %s = lrnn.qlut %u gelu_erf nodes(dense<1> : tensor<66xi16>) range_log2 2 segment_log2 3 node_exp 12 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 12>>
}

// -----

lrnn.model @lut_negative_range(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op range_log2 = -1 and segment_log2 = 2 must be non-negative with at most 2^16 segments}}
  %s = lrnn.qlut %u sigmoid nodes(dense<1> : tensor<17xi16>) range_log2 -1 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}

// -----

lrnn.model @lut_negative_segment(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op range_log2 = 3 and segment_log2 = -2 must be non-negative with at most 2^16 segments}}
  %s = lrnn.qlut %u sigmoid nodes(dense<1> : tensor<5xi16>) range_log2 3 segment_log2 -2 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}

// -----

// 2^(8 + 1 + 7) = 2^16 segments are accepted, 2^17 are not.
lrnn.model @lut_2_16_segments(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  %s = lrnn.qlut %u sigmoid nodes(dense<7> : tensor<65537xi16>) range_log2 8 segment_log2 7 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}

// -----

lrnn.model @lut_2_17_segments(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op range_log2 = 8 and segment_log2 = 8 must be non-negative with at most 2^16 segments}}
  %s = lrnn.qlut %u sigmoid nodes(dense<7> : tensor<131073xi16>) range_log2 8 segment_log2 8 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}

// -----

lrnn.model @lut_node_minus_32768(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op nodes: code -32768 at index 0 is outside the symmetric 16-bit range ±32767}}
  %s = lrnn.qlut %u gelu_tanh nodes(dense<-32768> : tensor<65xi16>) range_log2 2 segment_log2 3 node_exp 12 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}

// -----

lrnn.model @lut_nodes_i32(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op nodes: 32-bit codes exceed the target's 16 bits}}
  %s = lrnn.qlut %u sigmoid nodes(dense<1> : tensor<65xi32>) range_log2 3 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}

// -----

lrnn.model @lut_nodes_f32(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op nodes: expected codes of type i8, i16 or i32, got 'f32'}}
  %s = lrnn.qlut %u sigmoid nodes(dense<0.5> : tensor<65xf32>) range_log2 3 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}

// -----

lrnn.model @lut_nodes_2d(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op nodes: expected a 1-D tensor of codes, got 'tensor<5x13xi16>'}}
  %s = lrnn.qlut %u sigmoid nodes(dense<1> : tensor<5x13xi16>) range_log2 3 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}

// -----

lrnn.model @lut_result_size(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<3x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op result must have the input's 2 elements}}
  %s = lrnn.qlut %u sigmoid nodes(dense<1> : tensor<65xi16>) range_log2 3 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<3x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<3x!lrnn.fixed<16, 15>>
}

// -----

lrnn.model @lut_unknown_function(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{expected 'sigmoid', 'gelu_tanh' or 'gelu_erf', got 'tanh'}}
  %s = lrnn.qlut %u tanh nodes(dense<1> : tensor<65xi16>) range_log2 3 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}

// -----

// range_log2 near INT32_MAX must not overflow the segment count.
lrnn.model @lut_huge_range(%x: tensor<1x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op range_log2 = 2147483647 and segment_log2 = 0 must be non-negative with at most 2^16 segments}}
  %y = lrnn.qlut %x sigmoid nodes(dense<[0, 1]> : tensor<2xi16>) range_log2 2147483647 segment_log2 0 node_exp 15 : tensor<1x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
