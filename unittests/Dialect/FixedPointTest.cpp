//===- FixedPointTest.cpp - Integer primitives against their definitions -===//
//
// Tests lib/Dialect/LRNN/IR/FixedPoint.cpp against docs/fixed-point.md: every
// primitive is compared with an independent exact reference written here from
// the mathematical definition (128-bit integers and dyadic rationals, or
// exhaustive enumeration at small widths), plus the document's own examples
// and its normative lookup tables (§5), copied below.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/LRNN/IR/FixedPoint.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace lrnn;
using namespace lrnn::fixed;

namespace {

__extension__ typedef __int128 i128;

//===----------------------------------------------------------------------===//
// Exact references
//===----------------------------------------------------------------------===//

i128 pow2(int k) { return i128(1) << k; }

/// floor(a / 2^s), s in [0, 126].
i128 floorDiv2(i128 a, int s) {
  i128 d = pow2(s);
  i128 q = a / d;
  if (a % d != 0 && a < 0)
    --q;
  return q;
}

/// M(w) = 2^(w-1) - 1.
i128 refMax(unsigned w) { return pow2(int(w) - 1) - 1; }

/// round half up of x / 2^s = floor(x / 2^s + 1/2) = floor((2x + 2^s) / 2^(s+1))
/// for s > 0; the exact x · 2^-s for s <= 0. s <= 100, |x · 2^-s| < 2^125.
i128 refRescale(i128 x, int s) {
  if (s <= 0)
    return x * pow2(-s);
  return floorDiv2(2 * x + pow2(s), s + 1);
}

/// Clamp to ±M(w), counting.
i128 refSaturate(i128 x, unsigned w, int64_t &count) {
  i128 m = refMax(w);
  if (x > m || x < -m) {
    ++count;
    return x > m ? m : -m;
  }
  return x;
}

/// saturate(rescale(x, s), w) with an exact rescale (left shifts included).
i128 refNarrow(int64_t x, int s, unsigned w, int64_t &count) {
  if (s < 0 && x != 0 && -s >= 64) // |x| · 2^-s >= 2^64 > M(w) for w <= 63
    return refSaturate(x > 0 ? pow2(100) : -pow2(100), w, count);
  if (s > 100)
    return refSaturate(0, w, count); // |x| < 2^63 <= 2^(s-1): rounds to 0
  return refSaturate(refRescale(x, s), w, count);
}

/// A dyadic rational n · 2^-e, exact while |n| stays below 2^126.
struct Dyadic {
  i128 n = 0;
  int e = 0;
  static Dyadic of(i128 n, int e = 0) { return {n, e}; }
  /// The same value with denominator exponent `to` >= e.
  i128 at(int to) const { return n * pow2(to - e); }
  friend Dyadic operator+(Dyadic a, Dyadic b) {
    int e = std::max(a.e, b.e);
    return {a.at(e) + b.at(e), e};
  }
  friend Dyadic operator-(Dyadic a, Dyadic b) {
    return a + Dyadic{-b.n, b.e};
  }
  friend Dyadic operator*(Dyadic a, Dyadic b) { return {a.n * b.n, a.e + b.e}; }
  /// The value times 2^k.
  Dyadic shifted(int k) const { return {n, e - k}; }
  /// floor of the value.
  i128 floor() const { return e <= 0 ? n * pow2(-e) : floorDiv2(n, e); }
  /// Round half up: floor(value + 1/2).
  i128 roundHalfUp() const { return (*this + Dyadic{1, 1}).floor(); }
  friend bool operator<(Dyadic a, Dyadic b) {
    int e = std::max(a.e, b.e);
    return a.at(e) < b.at(e);
  }
};

/// The lookup table of §5 evaluated in exact rational arithmetic, written
/// from its definition: the input x = q · 2^-e_x (first rounded half up to
/// the grid 2^-(F_max + k) when finer), its position p = (x + 2^r) · 2^k in
/// segments, node 0 below the range, node N (or, for gelu, the unrounded
/// input) at or above it, and in between the chord
/// ((1 - d) · v[i] + d · v[i+1]) · 2^-E_T with i = floor(p), d = p - i; the
/// result rounded half up to e_y and saturated.
int64_t refLut(const std::vector<int64_t> &v, const LutParams &params,
               bool identityAbove, int64_t q, int ex, int ey, unsigned w,
               unsigned A, int64_t &count) {
  const int r = params.rangeLog2, k = params.segmentLog2;
  const int64_t n = int64_t(1) << (r + 1 + k);
  const int grid = int(A) - 17 + k; // finest input resolution: F_max + k
  Dyadic x = Dyadic::of(q, ex);
  Dyadic xr = x;
  if (ex > grid)
    xr = Dyadic::of(x.shifted(grid).roundHalfUp(), grid);
  Dyadic p = (xr + Dyadic::of(pow2(r))).shifted(k);
  Dyadic y;
  if (p < Dyadic::of(0)) {
    y = Dyadic::of(v[0], params.nodeExponent);
  } else if (!(p < Dyadic::of(n))) {
    if (identityAbove)
      y = x;
    else
      y = Dyadic::of(v[n], params.nodeExponent);
  } else {
    i128 i = p.floor();
    Dyadic d = p - Dyadic::of(i);
    Dyadic one = Dyadic::of(1);
    y = ((one - d) * Dyadic::of(v[size_t(i)]) + d * Dyadic::of(v[size_t(i) + 1]))
            .shifted(-params.nodeExponent);
  }
  return int64_t(refSaturate(y.shifted(ey).roundHalfUp(), w, count));
}

//===----------------------------------------------------------------------===//
// Normative tables of docs/fixed-point.md §5
//===----------------------------------------------------------------------===//

const std::vector<int64_t> kSigmoidTable = {
    11,    14,    18,    23,    30,    38,    49,    63,    81,    104,   133,
    171,   219,   281,   360,   461,   589,   753,   961,   1223,  1554,  1969,
    2486,  3124,  3906,  4851,  5978,  7297,  8813,  10513, 12371, 14347, 16384,
    18421, 20397, 22255, 23955, 25471, 26790, 27917, 28862, 29644, 30282, 30799,
    31214, 31545, 31807, 32015, 32179, 32307, 32408, 32487, 32549, 32597, 32635,
    32664, 32687, 32705, 32719, 32730, 32738, 32745, 32750, 32754, 32757};

const std::vector<int64_t> kGeluTanhTable = {
    0,     -1,    -1,    -2,    -3,    -4,    -6,    -10,   -15,   -22,   -32,
    -45,   -62,   -84,   -111,  -145,  -186,  -233,  -288,  -347,  -411,  -477,
    -542,  -601,  -650,  -684,  -696,  -681,  -632,  -544,  -411,  -231,  0,
    281,   613,   992,   1416,  1879,  2376,  2900,  3446,  4007,  4578,  5155,
    5733,  6309,  6880,  7447,  8006,  8559,  9105,  9644,  10178, 10707, 11232,
    11754, 12273, 12790, 13306, 13820, 14333, 14846, 15359, 15871, 16384};

const std::vector<int64_t> kGeluErfTable = {
    -1,    -1,    -1,    -2,    -3,    -5,    -8,    -11,   -17,   -24,   -34,
    -47,   -64,   -85,   -113,  -146,  -186,  -233,  -287,  -347,  -410,  -476,
    -541,  -600,  -650,  -684,  -696,  -681,  -632,  -543,  -411,  -231,  0,
    281,   613,   993,   1416,  1879,  2376,  2900,  3446,  4008,  4579,  5156,
    5734,  6309,  6881,  7447,  8006,  8558,  9103,  9643,  10176, 10705, 11230,
    11752, 12271, 12789, 13304, 13819, 14333, 14846, 15359, 15871, 16383};

const std::vector<int64_t> &normativeTable(LutFunction f) {
  switch (f) {
  case LutFunction::Sigmoid:
    return kSigmoidTable;
  case LutFunction::GeluTanh:
    return kGeluTanhTable;
  case LutFunction::GeluErf:
    return kGeluErfTable;
  }
  return kSigmoidTable;
}

const LutFunction kFunctions[] = {LutFunction::Sigmoid, LutFunction::GeluTanh,
                                  LutFunction::GeluErf};

//===----------------------------------------------------------------------===//
// §3.1 rescale
//===----------------------------------------------------------------------===//

TEST(FixedPointRescale, DocumentedTies) {
  EXPECT_EQ(rescale(5, 1), 3);   // 2.5
  EXPECT_EQ(rescale(-5, 1), -2); // -2.5
  EXPECT_EQ(rescale(-6, 2), -1); // -1.5
  EXPECT_EQ(rescale(-2, 2), 0);  // -0.5
  EXPECT_EQ(rescale(2, 2), 1);   // 0.5
  EXPECT_EQ(rescale(6, 2), 2);   // 1.5
  EXPECT_EQ(rescale(-3, 1), -1); // -1.5
  EXPECT_EQ(rescale(3, 1), 2);   // 1.5
  EXPECT_EQ(rescale(7, 0), 7);
  EXPECT_EQ(rescale(-7, 0), -7);
}

TEST(FixedPointRescale, Shift62And63) {
  const int64_t p61 = int64_t(1) << 61, p62 = int64_t(1) << 62;
  EXPECT_EQ(rescale(p61, 62), 1);
  EXPECT_EQ(rescale(-p61, 62), 0); // a tie, towards +inf
  EXPECT_EQ(rescale(-(p62 - 1), 62), -1);
  EXPECT_EQ(rescale(p62 - 1, 62), 1);
  EXPECT_EQ(rescale(p61 - 1, 62), 0);
  EXPECT_EQ(rescale(-p61 - 1, 62), -1);
  for (int s : {63, 64, 65, 100, 127, 1000})
    for (int64_t x : {int64_t(0), int64_t(1), int64_t(-1), p61, -p61, p62 - 1,
                      -(p62 - 1)})
      EXPECT_EQ(rescale(x, s), 0) << x << " >> " << s;
}

TEST(FixedPointRescale, ExhaustiveSmall) {
  for (int s = -12; s <= 24; ++s)
    for (int64_t x = -5000; x <= 5000; ++x)
      ASSERT_EQ(i128(rescale(x, s)), refRescale(x, s)) << x << ", " << s;
}

TEST(FixedPointRescale, RandomWide) {
  std::mt19937_64 rng(1);
  for (int i = 0; i < 200000; ++i) {
    int bits = int(rng() % 63); // |x| < 2^62
    int64_t x = bits == 0 ? 0 : int64_t(rng() >> (64 - bits));
    if (rng() & 1)
      x = -x;
    int s = int(rng() % 101);
    ASSERT_EQ(i128(rescale(x, s)), refRescale(x, s)) << x << ", " << s;
    // Left shifts, where the caller guarantees the result fits in 62 bits.
    int left = bits >= 62 ? 0 : int(rng() % (62 - bits));
    ASSERT_EQ(i128(rescale(x, -left)), refRescale(x, -left)) << x << ", -" << left;
  }
}

// §3.1: (x >> s) + ((x >> (s - 1)) & 1) is the same function.
TEST(FixedPointRescale, ShiftAndMaskForm) {
  std::mt19937_64 rng(2);
  for (int i = 0; i < 100000; ++i) {
    int64_t x = int64_t(rng() >> 2) * ((rng() & 1) ? 1 : -1);
    int s = 1 + int(rng() % 62);
    ASSERT_EQ(rescale(x, s), (x >> s) + ((x >> (s - 1)) & 1)) << x << ", " << s;
  }
}

//===----------------------------------------------------------------------===//
// §3.2 saturate
//===----------------------------------------------------------------------===//

TEST(FixedPointSaturate, MostNegativeCodeIsCounted) {
  int64_t count = 0;
  EXPECT_EQ(saturate(-32768, 16, count), -32767);
  EXPECT_EQ(count, 1);
  EXPECT_EQ(saturate(-128, 8, count), -127);
  EXPECT_EQ(count, 2);
  EXPECT_EQ(saturate(-(int64_t(1) << 23), 24, count), -8388607);
  EXPECT_EQ(count, 3);
  EXPECT_EQ(saturate(-32767, 16, count), -32767);
  EXPECT_EQ(saturate(32767, 16, count), 32767);
  EXPECT_EQ(count, 3);
  EXPECT_EQ(saturate(32768, 16, count), 32767);
  EXPECT_EQ(count, 4);
  EXPECT_EQ(saturate(std::numeric_limits<int64_t>::min(), 16, count), -32767);
  EXPECT_EQ(saturate(std::numeric_limits<int64_t>::max(), 16, count), 32767);
  EXPECT_EQ(count, 6);
}

TEST(FixedPointSaturate, EveryWidthAtItsEdges) {
  for (unsigned w = 2; w <= 63; ++w) {
    int64_t m = int64_t(refMax(w));
    for (int64_t x : {int64_t(0), int64_t(1), int64_t(-1), m, -m, m - 1,
                      -m + 1, m + 1, -m - 1, std::numeric_limits<int64_t>::max(),
                      std::numeric_limits<int64_t>::min()}) {
      int64_t count = 0, refCount = 0;
      i128 expected = refSaturate(x, w, refCount);
      ASSERT_EQ(i128(saturate(x, w, count)), expected) << x << " to " << w;
      ASSERT_EQ(count, refCount) << x << " to " << w;
    }
  }
}

TEST(FixedPointSaturate, ExhaustiveSmallWidths) {
  for (unsigned w = 2; w <= 10; ++w)
    for (int64_t x = -1100; x <= 1100; ++x) {
      int64_t count = 5, refCount = 5; // counts accumulate
      i128 expected = refSaturate(x, w, refCount);
      ASSERT_EQ(i128(saturate(x, w, count)), expected) << x << " to " << w;
      ASSERT_EQ(count, refCount) << x << " to " << w;
    }
}

//===----------------------------------------------------------------------===//
// §3.3 narrow
//===----------------------------------------------------------------------===//

TEST(FixedPointNarrow, DocumentedLeftShifts) {
  int64_t count = 0;
  EXPECT_EQ(narrow(1, -14, 16, count), 16384);
  EXPECT_EQ(count, 0);
  EXPECT_EQ(narrow(2, -14, 16, count), 32767);
  EXPECT_EQ(count, 1);
  EXPECT_EQ(narrow(-2, -14, 16, count), -32767);
  EXPECT_EQ(count, 2);
  EXPECT_EQ(narrow(-1, -14, 16, count), -16384);
  EXPECT_EQ(count, 2);
  for (int64_t x : {int64_t(1), int64_t(-1), int64_t(12345), int64_t(-7),
                    int64_t(1) << 61, -(int64_t(1) << 61)}) {
    int64_t before = count;
    EXPECT_EQ(narrow(x, -100, 16, count), x > 0 ? 32767 : -32767) << x;
    EXPECT_EQ(count, before + 1) << x;
  }
  int64_t before = count;
  EXPECT_EQ(narrow(0, -100, 16, count), 0);
  EXPECT_EQ(narrow(0, -62, 24, count), 0);
  EXPECT_EQ(narrow(0, -1000, 8, count), 0);
  EXPECT_EQ(count, before);
}

TEST(FixedPointNarrow, RightShiftsRoundThenSaturate) {
  int64_t count = 0;
  EXPECT_EQ(narrow(65535, 1, 16, count), 32767); // 32767.5 -> 32768 -> 32767
  EXPECT_EQ(count, 1);
  EXPECT_EQ(narrow(65533, 1, 16, count), 32767); // 32766.5 -> 32767
  EXPECT_EQ(count, 1);
  EXPECT_EQ(narrow(-65535, 1, 16, count), -32767); // -32767.5 -> -32767
  EXPECT_EQ(count, 1);
  EXPECT_EQ(narrow(-65536, 1, 16, count), -32767); // -32768: counted
  EXPECT_EQ(count, 2);
  EXPECT_EQ(narrow(-65537, 1, 16, count), -32767); // -32768.5 -> -32768
  EXPECT_EQ(count, 3);
}

TEST(FixedPointNarrow, AgainstExactReference) {
  std::mt19937_64 rng(3);
  for (unsigned w : {2u, 3u, 8u, 16u, 17u, 24u, 32u, 48u, 63u}) {
    int64_t m = int64_t(refMax(w));
    for (int s = -70; s <= 70; ++s) {
      std::vector<int64_t> xs = {0, 1, -1, 2, -2, 3, -3, m, -m, m + 1, -m - 1};
      // Around the saturation limit of a left shift: floor(m / 2^k) (+1).
      int k = s < 0 ? std::min(-s, 62) : 0;
      int64_t limit = m >> k;
      for (int64_t d = -2; d <= 2; ++d)
        xs.insert(xs.end(), {limit + d, -limit - d});
      // Around the saturation limit of a right shift: (m + 1/2) · 2^s.
      if (s > 0 && s < 62 - int(w)) {
        int64_t edge = (m << s) + (int64_t(1) << (s - 1));
        for (int64_t d = -2; d <= 2; ++d)
          xs.insert(xs.end(), {edge + d, -edge - d});
      }
      for (int i = 0; i < 40; ++i)
        xs.push_back(int64_t(rng() >> (2 + rng() % 62)) *
                     ((rng() & 1) ? 1 : -1));
      for (int64_t x : xs) {
        if (x >= (int64_t(1) << 62) || x <= -(int64_t(1) << 62))
          continue; // |x| < 2^62 is the primitives' precondition
        int64_t count = 0, refCount = 0;
        i128 expected = refNarrow(x, s, w, refCount);
        ASSERT_EQ(i128(narrow(x, s, w, count)), expected)
            << "narrow(" << x << ", " << s << ", " << w << ")";
        ASSERT_EQ(count, refCount)
            << "narrow(" << x << ", " << s << ", " << w << ")";
      }
    }
  }
}

//===----------------------------------------------------------------------===//
// §2.1-2.2 roundHalfAway, chooseExponent, quantizeConstant
//===----------------------------------------------------------------------===//

TEST(FixedPointRoundHalfAway, Examples) {
  EXPECT_EQ(roundHalfAway(2.5), 3);
  EXPECT_EQ(roundHalfAway(-2.5), -3);
  EXPECT_EQ(roundHalfAway(0.5), 1);
  EXPECT_EQ(roundHalfAway(-0.5), -1);
  EXPECT_EQ(roundHalfAway(1.5), 2);
  EXPECT_EQ(roundHalfAway(-1.5), -2);
  EXPECT_EQ(roundHalfAway(0.49999999999999994), 0);
  EXPECT_EQ(roundHalfAway(-0.49999999999999994), 0);
  EXPECT_EQ(roundHalfAway(2.4999999999999996), 2);
  EXPECT_EQ(roundHalfAway(0.0), 0);
  EXPECT_EQ(roundHalfAway(-0.0), 0);
  EXPECT_EQ(roundHalfAway(4503599627370495.5), 4503599627370496); // 2^52 - 1/2
  EXPECT_EQ(roundHalfAway(-4503599627370495.5), -4503599627370496);
  EXPECT_EQ(roundHalfAway(std::ldexp(1.0, 61)), int64_t(1) << 61);
}

/// Exact reference of a · 2^t <= M(w) for finite a > 0: a = mant · 2^ex with an
/// integer mant < 2^53.
bool refFits(double a, int t, unsigned w) {
  int p;
  double m = std::frexp(a, &p);
  i128 mant = i128(std::ldexp(m, 53));
  int shift = p - 53 + t; // a · 2^t = mant · 2^shift
  if (shift >= 0)
    return shift < 64 && mant * pow2(shift) <= refMax(w);
  return -shift >= 64 || mant <= refMax(w) * pow2(-shift);
}

/// §2.1: the largest e in [E_MIN, E_MAX] with a · 2^(e+h) <= M(w), else E_MIN.
int refChooseExponent(double a, unsigned w, int h) {
  if (a == 0)
    a = 1.0;
  for (int e = kMaxExponent; e > kMinExponent; --e)
    if (refFits(a, e + h, w))
      return e;
  return kMinExponent;
}

TEST(FixedPointChooseExponent, DocumentedExamples) {
  EXPECT_EQ(chooseExponent(1.0, 16), 14);
  EXPECT_EQ(chooseExponent(0.999, 16), 15);
  EXPECT_EQ(chooseExponent(4.406, 16), 12);
  EXPECT_EQ(chooseExponent(1.0, 8), 6);
  for (unsigned w : {4u, 8u, 16u, 24u})
    EXPECT_EQ(chooseExponent(0.0, w), int(w) - 2) << w; // a = 0 -> w - 2
  EXPECT_EQ(chooseExponent(1.0, 16, 1), 13); // one bit of headroom
  EXPECT_EQ(chooseExponent(1.0, 24), 22);
}

TEST(FixedPointChooseExponent, Limits) {
  EXPECT_EQ(chooseExponent(1e-30, 16), kMaxExponent);
  EXPECT_EQ(chooseExponent(1e30, 16), kMinExponent);
  EXPECT_EQ(kMinExponent, -32);
  EXPECT_EQ(kMaxExponent, 40);
  // a · 2^e == M exactly is representable; one ulp more is not.
  for (unsigned w : {8u, 16u, 24u})
    for (int e : {-30, -1, 0, 7, 14, 39}) {
      double a = std::ldexp(double(refMax(w)), -e);
      EXPECT_EQ(chooseExponent(a, w), e) << w << ", " << e;
      EXPECT_EQ(chooseExponent(std::nextafter(a, 2 * a), w), e - 1) << w << ", " << e;
    }
}

TEST(FixedPointChooseExponent, AgainstExactReference) {
  std::mt19937_64 rng(4);
  std::uniform_real_distribution<double> mantissa(0.5, 1.0);
  for (int i = 0; i < 20000; ++i) {
    double a = std::ldexp(mantissa(rng), int(rng() % 140) - 70);
    const unsigned widths[] = {2, 8, 16, 24, 32};
    unsigned w = widths[rng() % 5];
    int h = int(rng() % 4);
    ASSERT_EQ(chooseExponent(a, w, h), refChooseExponent(a, w, h))
        << a << ", " << w << ", " << h;
  }
}

/// clamp(round_half_away(k · 2^(e - j)), ±M(w)) exactly.
int64_t refQuantize(int64_t k, int j, int e, unsigned w) {
  int t = e - j;
  i128 mag = k < 0 ? -i128(k) : i128(k), q;
  if (t >= 0)
    q = t >= 64 ? pow2(100) : mag * pow2(t);
  else if (-t >= 100)
    q = 0;
  else
    q = floorDiv2(2 * mag + pow2(-t), -t + 1); // floor(|y| + 1/2)
  i128 m = refMax(w);
  q = q > m ? m : q;
  return int64_t(k < 0 ? -q : q);
}

TEST(FixedPointQuantizeConstant, TiesAwayAndClamps) {
  EXPECT_EQ(quantizeConstant(2.5, 16, 0), 3);
  EXPECT_EQ(quantizeConstant(-2.5, 16, 0), -3);
  EXPECT_EQ(quantizeConstant(0.3125, 8, 3), 3);    // 2.5
  EXPECT_EQ(quantizeConstant(-0.3125, 8, 3), -3);  // -2.5
  EXPECT_EQ(quantizeConstant(0.999, 16, 15), 32735);
  EXPECT_EQ(quantizeConstant(1.0, 16, 14), 16384);
  EXPECT_EQ(quantizeConstant(32766.5, 16, 0), 32767);
  EXPECT_EQ(quantizeConstant(32767.5, 16, 0), 32767);  // rounds to 32768
  EXPECT_EQ(quantizeConstant(-32767.5, 16, 0), -32767); // never -32768
  EXPECT_EQ(quantizeConstant(32768.0, 16, 0), 32767);
  EXPECT_EQ(quantizeConstant(-32768.0, 16, 0), -32767);
  EXPECT_EQ(quantizeConstant(127.49, 8, 0), 127);
  EXPECT_EQ(quantizeConstant(-128.0, 8, 0), -127);
  EXPECT_EQ(quantizeConstant(1e300, 16, 40), 32767);
  EXPECT_EQ(quantizeConstant(-1e300, 16, 40), -32767);
  EXPECT_EQ(quantizeConstant(1e30, 8, 0), 127);
  EXPECT_EQ(quantizeConstant(std::numeric_limits<double>::infinity(), 16, 0), 32767);
  EXPECT_EQ(quantizeConstant(-std::numeric_limits<double>::infinity(), 16, 0), -32767);
  EXPECT_EQ(quantizeConstant(std::ldexp(1.0, 70), 24, 0), 8388607);
  EXPECT_EQ(quantizeConstant(1e-30, 16, 40), 0);
}

TEST(FixedPointQuantizeConstant, AgainstExactReference) {
  std::mt19937_64 rng(5);
  for (int i = 0; i < 100000; ++i) {
    int64_t k = int64_t(rng() >> (11 + rng() % 53)) * ((rng() & 1) ? 1 : -1);
    int j = int(rng() % 60);
    int e = int(rng() % 73) - 32;
    const unsigned widths[] = {8, 16, 24};
    unsigned w = widths[rng() % 3];
    double x = std::ldexp(double(k), -j); // exact: |k| < 2^53
    ASSERT_EQ(quantizeConstant(x, w, e), refQuantize(k, j, e, w))
        << k << " / 2^" << j << " at " << e << ", " << w;
  }
  // Every tie of a small grid.
  for (int64_t k = -1000; k <= 1000; ++k)
    for (int j = 0; j <= 3; ++j)
      ASSERT_EQ(quantizeConstant(std::ldexp(double(k), -j), 8, 0),
                refQuantize(k, j, 0, 8))
          << k << " / 2^" << j;
}

//===----------------------------------------------------------------------===//
// §4.9, §8 addExponent, alignBound, shiftedBound, fitsAccumulator
//===----------------------------------------------------------------------===//

TEST(FixedPointAddExponent, Examples) {
  EXPECT_EQ(addExponent(12, 13, 16, 32), 13); // the finer one
  EXPECT_EQ(addExponent(13, 12, 16, 32), 13);
  EXPECT_EQ(addExponent(5, 5, 16, 32), 5);
  EXPECT_EQ(addExponent(0, 15, 16, 32), 15); // A - w - 1 = 15 apart: exact
  EXPECT_EQ(addExponent(0, 16, 16, 32), 15); // one more: clamped
  EXPECT_EQ(addExponent(0, 30, 16, 32), 15);
  EXPECT_EQ(addExponent(30, 0, 16, 32), 15);
  EXPECT_EQ(addExponent(0, 30, 24, 48), 23);
  EXPECT_EQ(addExponent(-10, 40, 24, 48), 13);
  EXPECT_EQ(addExponent(20, 20, 24, 24), 19); // A <= w: below both
}

TEST(FixedPointAddExponent, IsTheFinestExponentTheCoarserOperandReaches) {
  for (unsigned A = 18; A <= 62; A += 4)
    for (unsigned w : {8u, 16u, 24u})
      for (int a = -20; a <= 40; a += 3)
        for (int b = -20; b <= 40; b += 2) {
          // The largest e <= max(a, b) whose left shift of the coarser
          // operand, e - min(a, b), is at most A - w - 1 bits.
          int expected = std::max(a, b);
          while (expected - std::min(a, b) > int(A) - int(w) - 1)
            --expected;
          ASSERT_EQ(addExponent(a, b, w, A), expected)
              << a << ", " << b << ", " << w << ", " << A;
        }
}

TEST(FixedPointAlignBound, Examples) {
  EXPECT_EQ(alignBound(16, 12, 12), 32767);
  EXPECT_EQ(alignBound(16, 12, 14), 4 * 32767);
  EXPECT_EQ(alignBound(16, 14, 12), 8191 + 1);
  EXPECT_EQ(alignBound(16, 30, 15), 0 + 1);
  EXPECT_EQ(alignBound(16, 100, 0), 1);
  EXPECT_EQ(alignBound(24, 20, 19), 4194303 + 1);
  EXPECT_EQ(alignBound(16, 0, 47), int64_t(32767) << 47); // < 2^62
  EXPECT_EQ(alignBound(16, 0, 48), int64_t(1) << 62);     // saturates
  EXPECT_EQ(alignBound(16, 0, 100), int64_t(1) << 62);
  EXPECT_EQ(alignBound(2, 0, 61), int64_t(1) << 61);
  EXPECT_EQ(alignBound(2, 0, 62), int64_t(1) << 62);
}

// The bound holds for every code and is tight up to the rounding carry.
TEST(FixedPointAlignBound, BoundsEveryAlignedCode) {
  for (unsigned w : {2u, 3u, 5u, 8u, 10u})
    for (int from = -4; from <= 4; ++from)
      for (int to = -70; to <= 70; ++to) {
        int s = from - to;
        if (to > from && refMax(w) * pow2(to - from) >= pow2(62))
          continue; // beyond rescale's contract; the bound saturates
        i128 largest = 0;
        for (int64_t q = -int64_t(refMax(w)); q <= int64_t(refMax(w)); ++q) {
          i128 a = refRescale(q, s);
          largest = std::max(largest, a < 0 ? -a : a);
        }
        i128 bound = alignBound(w, from, to);
        ASSERT_TRUE(largest <= bound) << w << ": " << from << " -> " << to;
        if (to >= from)
          ASSERT_TRUE(largest == bound) << w << ": " << from << " -> " << to;
        else
          ASSERT_TRUE(bound - largest <= 1) << w << ": " << from << " -> " << to;
      }
}

TEST(FixedPointShiftedBound, Examples) {
  EXPECT_TRUE(shiftedBound(3, 4) == Bound(48));
  EXPECT_TRUE(shiftedBound(-3, 4) == Bound(48));
  EXPECT_TRUE(shiftedBound(0, 500) == Bound(0));
  EXPECT_TRUE(shiftedBound(-32767, 0) == Bound(32767));
  EXPECT_TRUE(shiftedBound(1, 63) == (Bound(1) << 63));
  EXPECT_TRUE(shiftedBound(32767, 40) == (Bound(32767) << 40));
  EXPECT_TRUE(shiftedBound(1, 64) == (Bound(1) << 100));
  EXPECT_TRUE(shiftedBound(-5, 267) == (Bound(1) << 100));
}

TEST(FixedPointFitsAccumulator, StrictBound) {
  for (unsigned A : {18u, 32u, 48u, 62u}) {
    Bound limit = Bound(1) << (A - 1);
    EXPECT_TRUE(fitsAccumulator(limit - 1, A)) << A;
    EXPECT_FALSE(fitsAccumulator(limit, A)) << A;
    EXPECT_FALSE(fitsAccumulator(Bound(1) << 100, A)) << A;
    EXPECT_TRUE(fitsAccumulator(0, A)) << A;
  }
  EXPECT_EQ(maxCode(16), 32767);
  EXPECT_EQ(maxCode(24), 8388607);
  EXPECT_EQ(maxCode(8), 127);
  EXPECT_EQ(maxCode(2), 1);
}

//===----------------------------------------------------------------------===//
// §5 lookup tables
//===----------------------------------------------------------------------===//

TEST(FixedPointLut, StandardParameters) {
  LutParams s = getStandardLutParams(LutFunction::Sigmoid);
  EXPECT_EQ(s.rangeLog2, 3);
  EXPECT_EQ(s.segmentLog2, 2);
  EXPECT_EQ(s.nodeExponent, 15);
  EXPECT_EQ(s.numSegments(), 64);
  for (LutFunction f : {LutFunction::GeluTanh, LutFunction::GeluErf}) {
    LutParams g = getStandardLutParams(f);
    EXPECT_EQ(g.rangeLog2, 2);
    EXPECT_EQ(g.segmentLog2, 3);
    EXPECT_EQ(g.nodeExponent, 12);
    EXPECT_EQ(g.numSegments(), 64);
  }
}

TEST(FixedPointLut, NodesEqualTheNormativeTables) {
  for (LutFunction f : kFunctions) {
    std::vector<int64_t> nodes = computeLutNodes(f, getStandardLutParams(f));
    EXPECT_EQ(nodes, normativeTable(f)) << int(f);
  }
}

/// The float functions in long double, independently of the library's double
/// versions.
long double refFunction(LutFunction f, long double x) {
  switch (f) {
  case LutFunction::Sigmoid:
    return 1.0L / (1.0L + std::exp(-x));
  case LutFunction::GeluTanh:
    return 0.5L * x *
           (1.0L + std::tanh(std::sqrt(2.0L / 3.141592653589793238462643383279503L) *
                             (x + 0.044715L * x * x * x)));
  case LutFunction::GeluErf:
    return 0.5L * x * (1.0L + std::erf(x / std::sqrt(2.0L)));
  }
  return 0;
}

// §5: v[i] = round_half_away(f(x_i) · 2^E_T), x_i = -R + i · 2^-k, and no value
// lies within 0.003 LSB of a tie.
TEST(FixedPointLut, TablesFollowTheirDefinition) {
  for (LutFunction f : kFunctions) {
    LutParams p = getStandardLutParams(f);
    const std::vector<int64_t> &v = normativeTable(f);
    ASSERT_EQ(int64_t(v.size()), p.numSegments() + 1);
    for (int64_t i = 0; i <= p.numSegments(); ++i) {
      long double x = -std::ldexp(1.0L, p.rangeLog2) +
                      std::ldexp((long double)i, -p.segmentLog2);
      long double y = std::ldexp(refFunction(f, x), p.nodeExponent);
      EXPECT_EQ(v[i], (int64_t)std::round(y)) << int(f) << " node " << i;
      long double frac = std::fabs(y - std::trunc(y));
      EXPECT_GT(std::fabs(frac - 0.5L), 0.003L) << int(f) << " node " << i;
      EXPECT_NEAR(evaluateLutFunction(f, double(x)), double(refFunction(f, x)),
                  4e-15)
          << int(f) << " at " << double(x);
    }
  }
}

TEST(FixedPointLut, SigmoidSymmetryAndMonotonicity) {
  const std::vector<int64_t> &v = kSigmoidTable;
  const int64_t n = 64;
  for (int64_t i = 0; i <= n; ++i)
    EXPECT_EQ(v[i] + v[n - i], int64_t(1) << 15) << i;
  for (int64_t i = 0; i < n; ++i)
    EXPECT_LE(v[i], v[i + 1]) << i;
  EXPECT_EQ(v[32], 16384); // σ(0) = 1/2
}

// gelu(x) - gelu(-x) = x for both approximations, so v[i] - v[N - i] is x_i ·
// 2^12 = 512 i - 16384 up to the two roundings.
TEST(FixedPointLut, GeluOddPart) {
  for (const std::vector<int64_t> *v : {&kGeluTanhTable, &kGeluErfTable})
    for (int64_t i = 0; i <= 64; ++i)
      EXPECT_LE(std::llabs((*v)[i] - (*v)[64 - i] - (512 * i - 16384)), 1) << i;
  EXPECT_EQ(kGeluTanhTable[32], 0);
  EXPECT_EQ(kGeluErfTable[32], 0);
}

TEST(FixedPointLut, WorkedExample) {
  // q = 3584 at e_x = 13 (0.4375) into e_y = 15: f = 11, j = 1, d = 1536,
  // i = 33, t = 18421 · 2048 + 1976 · 1536 = 40761344, y = rescale(t, 11).
  LutParams p = getStandardLutParams(LutFunction::Sigmoid);
  int64_t count = 0;
  EXPECT_EQ(evaluateLut(kSigmoidTable, p, false, 3584, 13, 15, 16, 32, count),
            19903);
  EXPECT_EQ(count, 0);
  EXPECT_EQ(rescale(40761344, 11), 19903);
  int64_t refCount = 0;
  EXPECT_EQ(refLut(kSigmoidTable, p, false, 3584, 13, 15, 16, 32, refCount),
            19903);
}

TEST(FixedPointLut, BranchExamples) {
  LutParams s = getStandardLutParams(LutFunction::Sigmoid);
  LutParams g = getStandardLutParams(LutFunction::GeluTanh);
  int64_t count = 0;
  // x = -9 (below [-8, 8)): node 0 = 11 at 2^-15.
  EXPECT_EQ(evaluateLut(kSigmoidTable, s, false, -9 * 1024, 10, 15, 16, 32, count), 11);
  // x = 8 exactly is above the range: node 64.
  EXPECT_EQ(evaluateLut(kSigmoidTable, s, false, 8 << 10, 10, 15, 16, 32, count), 32757);
  // x = -8 exactly is node 0 (inside).
  EXPECT_EQ(evaluateLut(kSigmoidTable, s, false, -8 * 1024, 10, 15, 16, 32, count), 11);
  // gelu above the range is the identity: x = 5 at e 10 -> 5 · 2^12 at e 12.
  EXPECT_EQ(evaluateLut(kGeluTanhTable, g, true, 5 << 10, 10, 12, 16, 32, count), 5 << 12);
  // ... and saturates like any narrow: 5 · 2^13 > 32767.
  EXPECT_EQ(evaluateLut(kGeluTanhTable, g, true, 5 << 10, 10, 13, 16, 32, count), 32767);
  EXPECT_EQ(count, 1);
  // Nodes in between: x = 0.5 at e 1 (f = -2): u = 4, node 36 of gelu_tanh.
  EXPECT_EQ(evaluateLut(kGeluTanhTable, g, true, 1, 1, 12, 16, 32, count), 1416);
  EXPECT_EQ(count, 1);
}

struct LutCase {
  const char *name;
  std::vector<int64_t> nodes;
  LutParams params;
  bool identityAbove;
};

std::vector<LutCase> lutCases() {
  std::vector<LutCase> cases = {
      {"sigmoid", kSigmoidTable, getStandardLutParams(LutFunction::Sigmoid), false},
      {"gelu_tanh", kGeluTanhTable, getStandardLutParams(LutFunction::GeluTanh), true},
      {"gelu_erf", kGeluErfTable, getStandardLutParams(LutFunction::GeluErf), true},
      {"gelu_tanh, node N above", kGeluTanhTable,
       getStandardLutParams(LutFunction::GeluTanh), false},
      {"sigmoid, identity above", kSigmoidTable,
       getStandardLutParams(LutFunction::Sigmoid), true},
  };
  // Random tables (steep, non-monotone chords) of other shapes.
  std::mt19937_64 rng(6);
  for (LutParams p : {LutParams{1, 1, 10}, LutParams{0, 0, 15}, LutParams{2, 0, 3},
                      LutParams{0, 4, 20}}) {
    std::vector<int64_t> nodes(p.numSegments() + 1);
    for (int64_t &v : nodes)
      v = int64_t(rng() % 65535) - 32767;
    nodes.front() = -32767;
    nodes.back() = 32767;
    cases.push_back({"random", nodes, p, false});
    cases.push_back({"random, identity above", nodes, p, true});
  }
  return cases;
}

/// Compares evaluateLut with the exact reference for the codes `qs`.
void checkLut(const LutCase &c, const std::vector<int64_t> &qs, int ex, int ey,
              unsigned w, unsigned A) {
  int64_t count = 0, refCount = 0;
  for (int64_t q : qs) {
    int64_t got = evaluateLut(c.nodes, c.params, c.identityAbove, q, ex, ey, w,
                              A, count);
    int64_t expected =
        refLut(c.nodes, c.params, c.identityAbove, q, ex, ey, w, A, refCount);
    ASSERT_EQ(got, expected) << c.name << ": q = " << q << ", e_x = " << ex
                             << ", e_y = " << ey << ", w = " << w << ", A = " << A;
    ASSERT_EQ(count, refCount) << c.name << ": q = " << q << ", e_x = " << ex
                               << ", e_y = " << ey << ", w = " << w << ", A = " << A;
  }
}

// Every 16-bit code, with input exponents covering each branch of §5:
// f = e_x - k above F_max = A - 17 (input rounded first), f in [0, F_max],
// f < 0 (input coarser than a segment), and inputs below and above the range.
TEST(FixedPointLut, EvaluateAgainstExactReference16) {
  std::vector<int64_t> all;
  for (int64_t q = -32767; q <= 32767; ++q)
    all.push_back(q);
  for (const LutCase &c : lutCases()) {
    const int k = c.params.segmentLog2, e = c.params.nodeExponent;
    for (unsigned A : {18u, 32u}) {
      const int fMax = int(A) - 17;
      std::vector<int> exponents = {k - 20, k - 3, k - 1,        k,
                                    k + 1,  13,    k + fMax,     k + fMax + 1,
                                    k + fMax + 7, 40};
      for (int ex : exponents)
        for (int ey : {e - 20, e - 1, e, e + 3, 30}) {
          SCOPED_TRACE(std::string(c.name) + ", A = " + std::to_string(A));
          checkLut(c, all, ex, ey, 16, A);
          if (HasFatalFailure())
            return;
        }
    }
  }
}

// 24-bit codes (sampled) under A = 48, F_max = 31.
TEST(FixedPointLut, EvaluateAgainstExactReference24) {
  std::mt19937_64 rng(7);
  std::vector<int64_t> qs = {0, 1, -1, 8388607, -8388607};
  for (int i = 0; i < 4000; ++i)
    qs.push_back(int64_t(rng() % 16777215) - 8388607);
  for (int i = 0; i < 2000; ++i) // small codes: near x = 0 at fine exponents
    qs.push_back(int64_t(rng() % 4001) - 2000);
  for (const LutCase &c : lutCases()) {
    const int k = c.params.segmentLog2, e = c.params.nodeExponent;
    for (int ex : {k - 9, k, 20, k + 31, k + 32, 60})
      for (int ey : {e - 30, e, 22, 45}) {
        SCOPED_TRACE(c.name);
        checkLut(c, qs, ex, ey, 24, 48);
        if (HasFatalFailure())
          return;
      }
  }
}

} // namespace
