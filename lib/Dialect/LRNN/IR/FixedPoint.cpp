//===- FixedPoint.cpp - Integer primitives of quantised lrnn models -------===//

#include "lrnn/Dialect/LRNN/IR/FixedPoint.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace lrnn;
using namespace lrnn::fixed;

/// 2^62: larger than every bound a valid model can reach (A <= 62).
static constexpr int64_t kBoundCap = int64_t(1) << 62;

int64_t fixed::rescale(int64_t x, int s) {
  if (s == 0)
    return x;
  if (s < 0) {
    // Only reached where the verifier proved the result fits; still never
    // shift a set bit out of range.
    if (x == 0)
      return 0;
    if (-s >= 62)
      return x > 0 ? kBoundCap : -kBoundCap;
    return x * (int64_t(1) << -s);
  }
  if (s >= 63)
    return 0; // |x| < 2^62 <= 2^(s-1): the exact result rounds to 0.
  return (x + (int64_t(1) << (s - 1))) >> s;
}

int64_t fixed::saturate(int64_t x, unsigned width, int64_t &count) {
  int64_t m = maxCode(width);
  if (x > m) {
    ++count;
    return m;
  }
  if (x < -m) {
    ++count;
    return -m;
  }
  return x;
}

int64_t fixed::narrow(int64_t x, int s, unsigned width, int64_t &count) {
  if (s >= 0)
    return saturate(rescale(x, s), width, count);
  int k = -s < 62 ? -s : 62;
  int64_t m = maxCode(width), limit = m >> k;
  if (x > limit) {
    ++count;
    return m;
  }
  if (x < -limit) {
    ++count;
    return -m;
  }
  return x * (int64_t(1) << k);
}

int64_t fixed::quantizeInput(double u, unsigned width, int exponent,
                             int64_t &count) {
  int64_t m = maxCode(width);
  double y = std::ldexp(u, exponent); // exact (or ±inf beyond range)
  if (std::isnan(y)) {
    ++count;
    return 0;
  }
  // Beyond ±(M + 1) the result saturates whatever the rounding; this also
  // keeps the conversion to int64_t in range.
  if (y >= double(m) + 1.0) {
    ++count;
    return m;
  }
  if (y <= -(double(m) + 1.0)) {
    ++count;
    return -m;
  }
  return saturate(roundHalfAway(y), width, count);
}

int64_t fixed::roundHalfAway(double y) {
  return static_cast<int64_t>(std::round(y));
}

int fixed::chooseExponent(double absMax, unsigned width, int headroom) {
  double a = absMax == 0.0 ? 1.0 : absMax;
  double m = static_cast<double>(maxCode(width));
  int e = kMaxExponent;
  while (e > kMinExponent && std::ldexp(a, e + headroom) > m)
    --e;
  return e;
}

int64_t fixed::quantizeConstant(double x, unsigned width, int exponent) {
  int64_t m = maxCode(width);
  double y = std::ldexp(x, exponent);
  if (std::isnan(y))
    return 0; // unreachable for verified (finite) constants
  // Beyond ±(m + 1) the clamp acts whatever the rounding; keeps the
  // conversion to int64_t in range.
  if (y >= double(m) + 1.0)
    return m;
  if (y <= -(double(m) + 1.0))
    return -m;
  int64_t q = roundHalfAway(y);
  return q > m ? m : q < -m ? -m : q;
}

int fixed::addExponent(int lhsExponent, int rhsExponent, unsigned width,
                       unsigned accumulatorBits) {
  int finer = std::max(lhsExponent, rhsExponent);
  int coarser = std::min(lhsExponent, rhsExponent);
  return std::min(finer, coarser + int(accumulatorBits) - int(width) - 1);
}

int64_t fixed::alignBound(unsigned width, int fromExponent, int toExponent) {
  int64_t m = maxCode(width);
  if (toExponent >= fromExponent) {
    int shift = toExponent - fromExponent;
    if (shift >= 62 || m > (kBoundCap >> shift))
      return kBoundCap;
    return m << shift;
  }
  int shift = fromExponent - toExponent;
  return (shift >= 63 ? 0 : m >> shift) + 1;
}

Bound fixed::shiftedBound(int64_t q, int shift) {
  Bound magnitude = Bound(q < 0 ? -q : q);
  if (magnitude == 0)
    return 0;
  return shift >= 64 ? Bound(1) << 100 : magnitude << shift;
}

LutParams fixed::getStandardLutParams(LutFunction function) {
  switch (function) {
  case LutFunction::Sigmoid:
    return {/*rangeLog2=*/3, /*segmentLog2=*/2, /*nodeExponent=*/15};
  case LutFunction::GeluTanh:
  case LutFunction::GeluErf:
    return {/*rangeLog2=*/2, /*segmentLog2=*/3, /*nodeExponent=*/12};
  }
  return {};
}

double fixed::evaluateLutFunction(LutFunction function, double x) {
  switch (function) {
  case LutFunction::Sigmoid:
    return 1.0 / (1.0 + std::exp(-x));
  case LutFunction::GeluTanh:
    return 0.5 * x *
           (1.0 + std::tanh(std::sqrt(2.0 / M_PI) * (x + 0.044715 * x * x * x)));
  case LutFunction::GeluErf:
    return 0.5 * x * (1.0 + std::erf(x / std::sqrt(2.0)));
  }
  return 0.0;
}

std::vector<int64_t> fixed::computeLutNodes(LutFunction function,
                                            const LutParams &params) {
  int64_t n = params.numSegments();
  std::vector<int64_t> nodes(n + 1);
  for (int64_t i = 0; i <= n; ++i) {
    double x = -std::ldexp(1.0, params.rangeLog2) +
               std::ldexp(double(i), -params.segmentLog2);
    nodes[i] = quantizeConstant(evaluateLutFunction(function, x),
                                kMaxLutNodeBits, params.nodeExponent);
  }
  return nodes;
}

// Branch-free over the codes, so that the loop vectorises (gathers of the
// nodes); clones for AVX2 and AVX-512 are picked at run time.
__attribute__((target_clones("arch=x86-64-v4", "avx512f", "avx2", "default")))
void fixed::evaluateLut(llvm::ArrayRef<int64_t> nodes, const LutParams &params,
                        bool identityAbove, const int64_t *__restrict codes,
                        int64_t *__restrict results, int64_t n,
                        int inputExponent, int outputExponent, unsigned width,
                        unsigned accumulatorBits, int64_t &count) {
  const int r = params.rangeLog2, k = params.segmentLog2;
  const int64_t segments = params.numSegments();
  const int64_t *__restrict v = nodes.data();
  const int fMax = int(accumulatorBits) - 17;
  // The input's offset u from x = 0 in units of 2^-f within a segment:
  // rounded when the input is finer than the intermediate allows, exact
  // when it is coarser than a segment (anything beyond ±2^(r+k+1) segments
  // is out of range anyway and is clamped there).
  const int fIn = inputExponent - k;
  const int64_t f = fIn > fMax ? fMax : fIn >= 0 ? fIn : 0;
  // u = rescale(q, down) when the input is finer than the intermediate
  // allows; u = q · 2^up clamped to ±2^(r+k+1) when it is coarser than a
  // segment (beyond that it is out of range anyway); else u = q.
  const int64_t down = std::min(fIn > fMax ? fIn - fMax : 0, 63);
  const int64_t downHalf = down ? int64_t(1) << (down - 1) : 0;
  const int up = fIn < 0 ? -fIn : 0;
  const int64_t limit = int64_t(2) << (r + k);
  const int64_t upLimit = up == 0    ? std::numeric_limits<int64_t>::max()
                          : up >= 62 ? 0
                                     : limit >> up;
  const int64_t upShift = up < 62 ? up : 0;
  const int64_t offset = int64_t(1) << (r + k);
  const int64_t one = int64_t(1) << f;
  const int64_t m = maxCode(width);
  // narrow(x, s, width) (§3.3) as one rounding right shift, then either a
  // clamp (s >= 0) or an exact left shift that saturates (s < 0).
  struct Narrowing {
    int64_t right = 0, left = 0, half = 0, limit = 0;
  };
  auto narrowing = [m](int s) {
    Narrowing n;
    n.right = std::clamp(s, 0, 63);
    n.half = n.right ? int64_t(1) << (n.right - 1) : 0;
    n.left = std::clamp(-s, 0, 62);
    n.limit = m >> n.left;
    return n;
  };
  const Narrowing table =
      narrowing(params.nodeExponent + f - outputExponent);
  const Narrowing identity = narrowing(inputExponent - outputExponent);
  auto narrowWith = [m](const Narrowing &n, int64_t x, int64_t &over) {
    int64_t y = (x + n.half) >> n.right;
    over = (y > n.limit) | (y < -n.limit);
    return over ? (y > 0 ? m : -m) : y * (int64_t(1) << n.left);
  };
  int64_t saturated = 0;
  for (int64_t e = 0; e < n; ++e) {
    int64_t q = codes[e];
    int64_t u = (q + downHalf) >> down;
    u = u > upLimit ? limit : u < -upLimit ? -limit : u * (int64_t(1) << upShift);
    int64_t j = u >> f;      // floor: segment counted from x = 0
    int64_t d = u - j * one; // position inside it, [0, 2^f)
    int64_t i = j + offset;  // segment index
    // Below the range: node 0; above: node N (or the identity).
    int64_t below = i < 0, above = i >= segments;
    int64_t at = below ? 0 : above ? segments - 1 : i;
    int64_t position = below ? 0 : above ? one : d;
    int64_t t = v[at] * one + (v[at + 1] - v[at]) * position;
    int64_t tableOver, identityOver;
    int64_t fromTable = narrowWith(table, t, tableOver);
    int64_t same = narrowWith(identity, q, identityOver);
    int64_t useIdentity = above & int64_t(identityAbove);
    results[e] = useIdentity ? same : fromTable;
    saturated += useIdentity ? identityOver : tableOver;
  }
  count += saturated;
}

// After the multiversioned definition: clang refuses a use before it.
int64_t fixed::evaluateLut(llvm::ArrayRef<int64_t> nodes,
                           const LutParams &params, bool identityAbove,
                           int64_t q, int inputExponent, int outputExponent,
                           unsigned width, unsigned accumulatorBits,
                           int64_t &count) {
  int64_t result;
  evaluateLut(nodes, params, identityAbove, &q, &result, 1, inputExponent,
              outputExponent, width, accumulatorBits, count);
  return result;
}
