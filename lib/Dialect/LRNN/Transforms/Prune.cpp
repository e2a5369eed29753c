//===- Prune.cpp - Magnitude pruning of projection weights ----------------===//
//
// Zeroes the smallest-magnitude entries of every projection weight:
//   lrnn.project        weight
//   lrnn.complex_project weight_re, weight_im  (independent tensors)
//   lrnn.complex_readout weight_re, weight_im  (independent tensors)
//   lrnn.fused_project  weight                 (one tensor)
// Λ̄, D, biases and batch-norm parameters are constant vectors, never weights,
// and are never touched.
//
// The pass works in two steps:
//  1. decide how many entries ("slots", zero or not) each tensor keeps:
//     - per-layer: round((1 - s) * size) for every tensor;
//     - erk: the Erdős–Rényi-Kernel allocation of RigL, apportioned so that
//       the total is round((1 - s) * total) (see allocateErk);
//     - global: no per-tensor count; round((1 - s) * total) slots overall;
//  2. keep that many largest-magnitude entries. Ties in magnitude go to the
//     earlier position (row-major; for global, earlier tensor first, tensors
//     in program order, re before im). Zero entries are the smallest, so a
//     tensor asked to keep more slots than it has non-zeros keeps all of
//     them and nothing else changes.
//
// Kept values are copied bit for bit. A tensor that loses an entry is
// rebuilt with buildWeight(kDefaultMaxSparseDensity), so it becomes
// #lrnn.sparse (no explicit zeros) when at most half full; a tensor that
// loses nothing is left exactly as it was, which makes the pass idempotent
// and sparsity=0 a no-op on the IR. Every tensor gets a remark with its
// achieved sparsity and counts, and the model a summary remark.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Dialect/LRNN/Transforms/Passes.h"

#include "llvm/ADT/bit.h"
#include "llvm/Support/Format.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace lrnn {
#define GEN_PASS_DEF_PRUNE
#include "lrnn/Dialect/LRNN/Transforms/Passes.h.inc"
} // namespace lrnn

using namespace mlir;
using namespace lrnn;

namespace {

/// One prunable weight tensor.
struct Tensor {
  Operation *op = nullptr;
  StringRef attrName;
  int64_t rows = 0, cols = 0;
  /// The stored non-zeros in row-major order: flat position and exact f32.
  std::vector<int64_t> positions;
  std::vector<float> values;
  /// Which of `values` survive (filled by the selection).
  std::vector<bool> kept;

  int64_t size() const { return rows * cols; }
  int64_t nonZeros() const { return static_cast<int64_t>(values.size()); }
};

/// Rounds half up, tolerating the representation error of decimal
/// sparsities: (1 - 0.9) * 5 is 0.49999999999999994 in double but 0.5 in
/// the user's arithmetic, and rounds to 1.
int64_t roundCount(double x) {
  return static_cast<int64_t>(
      std::floor(x + 0.5 + 1e-12 * (1.0 + std::fabs(x))));
}

/// Sort key of a non-zero: larger magnitudes first, then the smaller
/// ordinal (position in the tie-breaking order). The bits of a non-negative
/// finite float order like its value, so one 64-bit compare does both.
uint64_t selectionKey(float value, uint32_t ordinal) {
  uint32_t magnitude = llvm::bit_cast<uint32_t>(value) & 0x7FFFFFFFu;
  return (uint64_t(0x7FFFFFFFu - magnitude) << 32) | ordinal;
}

/// Of `keys` (selectionKey), leaves the `keep` smallest in front.
void partitionKeys(std::vector<uint64_t> &keys, int64_t keep) {
  std::nth_element(keys.begin(), keys.begin() + (keep - 1), keys.end());
}

/// Keeps the `keep` largest-magnitude non-zeros of `t` (ties: the earlier
/// position wins).
void selectWithinTensor(Tensor &t, int64_t keep) {
  int64_t nnz = t.nonZeros();
  t.kept.assign(nnz, keep >= nnz);
  if (keep >= nnz || keep <= 0)
    return;
  // Non-zeros are stored in position order, so the index breaks ties.
  std::vector<uint64_t> keys(nnz);
  for (int64_t i = 0; i < nnz; ++i)
    keys[i] = selectionKey(t.values[i], static_cast<uint32_t>(i));
  partitionKeys(keys, keep);
  for (int64_t i = 0; i < keep; ++i)
    t.kept[keys[i] & 0xFFFFFFFFu] = true;
}

/// Keeps the `keep` largest-magnitude non-zeros over all tensors (ties: the
/// earlier tensor, then the earlier position). At most 2^32 - 1 non-zeros
/// (checked by the caller).
void selectGlobal(MutableArrayRef<Tensor> tensors, int64_t keep) {
  int64_t nnz = 0;
  for (Tensor &t : tensors)
    nnz += t.nonZeros();
  for (Tensor &t : tensors)
    t.kept.assign(t.values.size(), keep >= nnz);
  if (keep >= nnz || keep <= 0)
    return;
  // The ordinal numbers the non-zeros of all tensors in order.
  std::vector<uint64_t> keys;
  std::vector<std::pair<uint32_t, Tensor *>> starts; // first ordinal, tensor
  keys.reserve(nnz);
  for (Tensor &t : tensors) {
    starts.push_back({static_cast<uint32_t>(keys.size()), &t});
    for (float v : t.values)
      keys.push_back(selectionKey(v, static_cast<uint32_t>(keys.size())));
  }
  partitionKeys(keys, keep);
  for (int64_t i = 0; i < keep; ++i) {
    uint32_t ordinal = keys[i] & 0xFFFFFFFFu;
    auto it = std::prev(
        llvm::upper_bound(starts, ordinal, [](uint32_t o, const auto &s) {
          return o < s.first;
        }));
    it->second->kept[ordinal - it->first] = true;
  }
}

/// Slots kept per tensor under the Erdős–Rényi-Kernel allocation (RigL's
/// `get_mask_random`/ERK with power scale 1): the density of tensor t is
/// eps * (rows_t + cols_t) / (rows_t * cols_t), with eps chosen so that the
/// kept slots add up to (1 - s) of all slots; a tensor whose density would
/// exceed 1 is made dense and eps recomputed over the others, until no
/// density exceeds 1. (RigL moves only the tensors of the largest raw density
/// per round; since eps only grows as tensors become dense, every tensor over
/// 1 would be moved in a later round anyway, so the fixed point is the same.)
///
/// The real quotas q_t = density_t * size_t are then apportioned to whole
/// slots by largest remainder: every tensor keeps floor(q_t) or ceil(q_t),
/// ties in remainder going to the earlier tensor, so that the total is
/// exactly round((1 - s) * total). When the per-tensor round(q_t) already add
/// up to that total this is round(q_t) for every tensor; otherwise the
/// tensors closest to a rounding boundary round the other way (rounding each
/// quota alone can miss the target by up to half the number of tensors).
std::vector<int64_t> allocateErk(ArrayRef<Tensor> tensors, double sparsity,
                                 int64_t targetKeep) {
  size_t n = tensors.size();
  std::vector<double> quota(n, 0.0);
  std::vector<bool> dense(n, false);
  double totalSlots = 0;
  for (const Tensor &t : tensors)
    totalSlots += double(t.size());
  double keepReal = (1.0 - sparsity) * totalSlots;
  for (size_t i = 0; i < n; ++i)
    if (tensors[i].size() == 0 || sparsity == 0.0)
      dense[i] = true; // empty tensors take no part; s = 0 keeps everything
  double eps = 0;
  while (true) {
    double rhs = keepReal, divisor = 0;
    for (size_t i = 0; i < n; ++i) {
      if (dense[i])
        rhs -= double(tensors[i].size());
      else // raw density (r + c) / (r c) times size r c
        divisor += double(tensors[i].rows + tensors[i].cols);
    }
    if (divisor == 0)
      break; // everything dense
    eps = rhs / divisor;
    bool changed = false;
    for (size_t i = 0; i < n; ++i) {
      if (dense[i])
        continue;
      double density = eps * double(tensors[i].rows + tensors[i].cols) /
                       double(tensors[i].size());
      if (density > 1.0) {
        dense[i] = true;
        changed = true;
      }
    }
    if (!changed)
      break;
  }
  std::vector<int64_t> keep(n, 0);
  int64_t sum = 0;
  for (size_t i = 0; i < n; ++i) {
    int64_t size = tensors[i].size();
    quota[i] = dense[i] ? double(size)
                        : eps * double(tensors[i].rows + tensors[i].cols);
    keep[i] = std::clamp<int64_t>(static_cast<int64_t>(std::floor(quota[i])), 0,
                                  size);
    sum += keep[i];
  }
  // Largest remainder: hand out (or take back) single slots.
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  auto remainder = [&](size_t i) { return quota[i] - double(keep[i]); };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return remainder(a) > remainder(b);
  });
  for (size_t i : order) {
    if (sum >= targetKeep)
      break;
    if (keep[i] < tensors[i].size()) {
      ++keep[i];
      ++sum;
    }
  }
  for (size_t i : llvm::reverse(order)) {
    if (sum <= targetKeep)
      break;
    if (keep[i] > 0 && !dense[i]) {
      --keep[i];
      --sum;
    }
  }
  return keep;
}

struct PrunePass : public lrnn::impl::PruneBase<PrunePass> {
  using Base::Base;

  void runOnOperation() override {
    ModelOp model = getOperation();
    bool badOptions = false;
    if (!(sparsity >= 0.0 && sparsity < 1.0)) {
      model.emitError() << "lrnn-prune: sparsity must be in [0, 1), got "
                        << formatNumber(sparsity);
      badOptions = true;
    }
    if (scope != "global" && scope != "per-layer" && scope != "erk") {
      model.emitError() << "lrnn-prune: unknown scope '" << scope
                        << "' (expected global, per-layer or erk)";
      badOptions = true;
    }
    if (badOptions)
      return signalPassFailure();

    std::vector<Tensor> tensors;
    if (failed(collect(model, tensors)))
      return signalPassFailure();
    int64_t totalNonZeros = 0;
    for (const Tensor &t : tensors)
      totalNonZeros += t.nonZeros();
    if (totalNonZeros > int64_t(UINT32_MAX)) {
      model.emitError() << "lrnn-prune: more than 2^32 - 1 non-zero weights";
      return signalPassFailure();
    }

    int64_t totalSlots = 0;
    for (const Tensor &t : tensors)
      totalSlots += t.size();
    int64_t targetKeep = roundCount((1.0 - sparsity) * double(totalSlots));

    if (scope == "global") {
      selectGlobal(tensors, targetKeep);
    } else if (scope == "per-layer") {
      for (Tensor &t : tensors)
        selectWithinTensor(t, roundCount((1.0 - sparsity) * double(t.size())));
    } else {
      std::vector<int64_t> keep = allocateErk(tensors, sparsity, targetKeep);
      for (auto [t, k] : llvm::zip_equal(tensors, keep))
        selectWithinTensor(t, k);
    }

    int64_t totalKept = 0, totalBefore = 0;
    unsigned counter = 0;
    for (Tensor &t : tensors) {
      int64_t kept = llvm::count(t.kept, true);
      totalKept += kept;
      totalBefore += t.nonZeros();
      if (kept < t.nonZeros())
        rewrite(model, t, counter++);
      auto remark = t.op->emitRemark() << "pruned " << t.attrName;
      if (t.size() == 0) {
        remark << " (empty)";
        continue;
      }
      remark << " to " << percentSparse(kept, t.size()) << " sparsity (" << kept
             << " of " << t.size() << " kept, " << t.nonZeros()
             << " non-zero before)";
    }
    auto remark = model.emitRemark()
                  << "lrnn-prune scope=" << scope
                  << " sparsity=" << formatNumber(sparsity) << ": " << totalKept
                  << " of " << totalSlots << " weights kept";
    if (totalSlots > 0)
      remark << " (" << percentSparse(totalKept, totalSlots) << " sparse)";
    remark << " in " << tensors.size() << " tensors, " << totalBefore
           << " non-zero before";
  }

private:
  static std::string formatNumber(double value) {
    std::string text;
    llvm::raw_string_ostream os(text);
    os << llvm::format("%g", value);
    return text;
  }

  static std::string percentSparse(int64_t kept, int64_t size) {
    double percent = 100.0 * double(size - kept) / double(size);
    std::string text;
    llvm::raw_string_ostream os(text);
    os << llvm::format("%.1f%%", percent);
    return text;
  }

  /// Reads every prunable weight of `model`, in program order.
  LogicalResult collect(ModelOp model, std::vector<Tensor> &tensors) {
    auto add = [&](Operation *op, StringRef name) -> LogicalResult {
      Attribute weight = op->getAttr(name);
      auto shape = weight ? getWeightShape(weight) : std::nullopt;
      auto unavailable = [&] {
        return op->emitOpError() << name << ": weight data is unavailable";
      };
      if (!shape)
        return unavailable();
      Tensor t;
      t.op = op;
      t.attrName = name;
      t.rows = shape->first;
      t.cols = shape->second;
      // Dense storage includes zeros, which are not candidates.
      if (auto dense = dyn_cast<ElementsAttr>(weight)) {
        FailureOr<std::vector<float>> values = readF32Elements(dense);
        if (failed(values))
          return unavailable();
        for (auto [pos, v] : llvm::enumerate(*values))
          if (v != 0.0f) {
            t.positions.push_back(static_cast<int64_t>(pos));
            t.values.push_back(v);
          }
      } else {
        FailureOr<CsrMatrix> m = readWeight(weight);
        if (failed(m))
          return unavailable();
        t.positions.reserve(m->numStored());
        t.values.reserve(m->numStored());
        for (int64_t r = 0; r < m->rows; ++r)
          for (int64_t k = m->rowStart[r]; k < m->rowStart[r + 1]; ++k) {
            // Stored f32, widened to double by readWeight: narrowing back
            // is exact.
            float v = static_cast<float>(m->values[k]);
            if (v == 0.0f)
              continue;
            t.positions.push_back(r * m->cols + m->colIndex[k]);
            t.values.push_back(v);
          }
      }
      tensors.push_back(std::move(t));
      return success();
    };
    WalkResult result = model.walk([&](Operation *op) -> WalkResult {
      SmallVector<StringRef, 2> names;
      if (isa<ProjectOp, FusedProjectOp>(op))
        names = {"weight"};
      else if (isa<ComplexProjectOp, ComplexReadoutOp>(op))
        names = {"weight_re", "weight_im"};
      for (StringRef name : names)
        if (failed(add(op, name)))
          return WalkResult::interrupt();
      return WalkResult::advance();
    });
    return failure(result.wasInterrupted());
  }

  /// Replaces the weight of `t` by its kept entries.
  void rewrite(ModelOp model, const Tensor &t, unsigned counter) {
    std::vector<float> dense(t.size(), 0.0f);
    for (size_t i = 0; i < t.values.size(); ++i)
      if (t.kept[i])
        dense[t.positions[i]] = t.values[i];
    std::string blobName =
        (model.getSymName() + ".prune." + Twine(counter) + "." + t.attrName)
            .str();
    t.op->setAttr(t.attrName, buildWeight(&getContext(), dense, t.rows, t.cols,
                                          kDefaultMaxSparseDensity, blobName));
  }
};
} // namespace
