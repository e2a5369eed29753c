//===- FixedPoint.h - Integer primitives of quantised lrnn models -*- C++ -*-===//
//
// The arithmetic of docs/fixed-point.md, in one place: the verifier proves
// bounds with it, the quantiser chooses exponents and codes with it, and the
// integer interpreter (the reference every backend must match bit for bit)
// computes with it. Section numbers refer to that document.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_DIALECT_LRNN_IR_FIXEDPOINT_H
#define LRNN_DIALECT_LRNN_IR_FIXEDPOINT_H

#include "lrnn/Dialect/LRNN/IR/LRNNAttributes.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <vector>

namespace lrnn::fixed {

/// Exponents the quantiser chooses lie in [kMinExponent, kMaxExponent] (§2.1).
constexpr int kMinExponent = -32;
constexpr int kMaxExponent = 40;

/// Target limits the verifier enforces (§8; Loihi 2: 8-bit synaptic weights,
/// 24-bit graded-spike payloads and neuron registers).
constexpr unsigned kMaxWeightBits = 8;
constexpr unsigned kMaxMessageBits = 24;
constexpr unsigned kMaxConstantBits = 16; ///< biases and Λ̄
constexpr unsigned kMaxLutNodeBits = 16;
/// Every intermediate stays below 2^(A-1) and A <= 62, so int64_t computes
/// every op exactly, rounding constants included.
constexpr unsigned kMinAccumulatorBits = 18; // lookup tables need A - 17 >= 1
constexpr unsigned kMaxAccumulatorBits = 62;

/// Largest code of a `width`-bit symmetric format: 2^(width-1) - 1.
inline int64_t maxCode(unsigned width) {
  return (int64_t(1) << (width - 1)) - 1;
}

/// x · 2^-s rounded half up for s > 0 (§3.1); exact x · 2^-s for s <= 0,
/// which the caller must have proven to fit. Requires |x| < 2^62.
int64_t rescale(int64_t x, int s);

/// Clamps x to ±maxCode(width), adding one to `count` when it changes (§3.2).
int64_t saturate(int64_t x, unsigned width, int64_t &count);

/// saturate(rescale(x, s), width) without overflowing shifts (§3.3).
int64_t narrow(int64_t x, int s, unsigned width, int64_t &count);

/// Converts a real input to a `width`-bit code at `exponent` (§6):
/// saturate(roundHalfAway(u · 2^exponent)), counting saturations; values
/// beyond ±(M + 1), infinities included, saturate without converting out of
/// range, and NaN gives 0 (counted).
int64_t quantizeInput(double u, unsigned width, int exponent, int64_t &count);

/// Rounds to nearest, ties away from zero (C's round()), for |y| < 2^62.
int64_t roundHalfAway(double y);

/// The largest e in [kMinExponent, kMaxExponent] with absMax · 2^(e+headroom)
/// <= maxCode(width); absMax 0 counts as 1 (§2.1).
int chooseExponent(double absMax, unsigned width, int headroom = 0);

/// clamp(roundHalfAway(x · 2^e), ±maxCode(width)) (§2.2).
int64_t quantizeConstant(double x, unsigned width, int exponent);

/// Exponent of the exact sum in lrnn.qadd (§4.9).
int addExponent(int lhsExponent, int rhsExponent, unsigned width,
                unsigned accumulatorBits);

/// Bound of |align(q, e_from -> e_to)| over |q| <= maxCode(width) (§8.3-4):
/// M · 2^(e_to - e_from) when e_to >= e_from, else (M >> (e_from - e_to)) + 1.
/// Saturates at 2^62.
int64_t alignBound(unsigned width, int fromExponent, int toExponent);

/// A bound on an exact intermediate (§8), wide enough for any sum of a row
/// of 2^31 products of 24-bit values without wrapping.
using Bound = unsigned __int128;

/// |q| · 2^shift (shift >= 0), exact for shift < 64 and 2^100 (beyond any
/// accumulator) for larger shifts of a non-zero q.
Bound shiftedBound(int64_t q, int shift);

/// Whether every value of magnitude <= `bound` fits an A-bit accumulator:
/// bound < 2^(A-1).
inline bool fitsAccumulator(Bound bound, unsigned accumulatorBits) {
  return bound < (Bound(1) << (accumulatorBits - 1));
}

/// Fixed parameters of a lookup table (§5): range [-2^rangeLog2, 2^rangeLog2),
/// segments of width 2^-segmentLog2, node exponent nodeExponent.
struct LutParams {
  int rangeLog2 = 0, segmentLog2 = 0, nodeExponent = 0;
  int64_t numSegments() const { return int64_t(1) << (rangeLog2 + 1 + segmentLog2); }
};
/// The standard table of `function` (§5).
LutParams getStandardLutParams(LutFunction function);
/// Its nodes: v[i] = roundHalfAway(f(x_i) · 2^nodeExponent), i = 0..N.
std::vector<int64_t> computeLutNodes(LutFunction function, const LutParams &params);
/// f of the float op (sigmoid, gelu tanh, gelu erf) in double.
double evaluateLutFunction(LutFunction function, double x);

/// Evaluates a table on code q at exponent inputExponent into a
/// `width`-bit code at outputExponent (§5). `identityAbove`: gelu returns
/// its input above the range.
int64_t evaluateLut(llvm::ArrayRef<int64_t> nodes, const LutParams &params,
                    bool identityAbove, int64_t q, int inputExponent,
                    int outputExponent, unsigned width,
                    unsigned accumulatorBits, int64_t &count);
/// evaluateLut() of the `n` codes at `codes` into `results` (which must
/// not overlap), faster than one call per code.
void evaluateLut(llvm::ArrayRef<int64_t> nodes, const LutParams &params,
                 bool identityAbove, const int64_t *codes, int64_t *results,
                 int64_t n, int inputExponent, int outputExponent,
                 unsigned width, unsigned accumulatorBits, int64_t &count);

} // namespace lrnn::fixed

#endif // LRNN_DIALECT_LRNN_IR_FIXEDPOINT_H
