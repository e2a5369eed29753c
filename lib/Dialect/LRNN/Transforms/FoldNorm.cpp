//===- FoldNorm.cpp - Fold inference batchnorm into linear users ----------===//
//
// An inference batchnorm is the affine map y = x * a + c with
// a = scale / sqrt(var + eps) and c = bias - mean * a. Every consumer that is
// itself affine in its input absorbs it exactly:
//   project / fused_project:  W y + b       = (W diag a) x + (b + W c)
//   complex_project:          B y + b       = (B diag a) x + (b + B c)  (re, im)
//   scale:                    f * y + b     = (f a) * x + (f c + b)
// a and c and the folded values are computed in double from the stored f32
// attributes, so each folded value carries one f32 rounding.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Dialect/LRNN/Transforms/Passes.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SetVector.h"

#include <cmath>
#include <optional>
#include <string>

namespace lrnn {
#define GEN_PASS_DEF_FOLDNORM
#include "lrnn/Dialect/LRNN/Transforms/Passes.h.inc"
} // namespace lrnn

using namespace mlir;
using namespace lrnn;

namespace {
/// The per-channel affine map y = x * a + c of a batchnorm.
struct NormMap {
  std::vector<double> a, c;
};

/// A new value for one attribute of a user, applied only once every user of
/// the batchnorm has been folded successfully.
struct AttrUpdate {
  Operation *op;
  StringRef name;
  Attribute value;
};

/// Why a fold did not happen: either the model cannot be folded without
/// changing what it computes (a remark, the batchnorm stays) or its data is
/// unreadable (an error, the pass fails).
struct Blocked {
  std::string reason;
  bool isError = false;
};

class Folder {
public:
  explicit Folder(ModelOp model) : model(model), context(model->getContext()) {}

  /// Folds `bn` into its users or explains why not. Returns failure only on
  /// an error (already reported).
  LogicalResult run(BatchNormOp bn);

private:
  std::optional<Blocked> foldInto(Operation *user, const NormMap &map,
                                  SmallVectorImpl<AttrUpdate> &updates);
  std::optional<Blocked> foldWeight(Operation *user, StringRef weightName,
                                    StringRef biasName, Attribute weight,
                                    ElementsAttr bias, const NormMap &map,
                                    SmallVectorImpl<AttrUpdate> &updates);
  std::optional<Blocked> foldScale(ScaleOp scale, const NormMap &map,
                                   SmallVectorImpl<AttrUpdate> &updates);

  std::string blobName(StringRef attrName) {
    return (model.getSymName() + ".fold_norm." + Twine(counter++) + "." +
            attrName)
        .str();
  }

  ModelOp model;
  MLIRContext *context;
  unsigned counter = 0;
};
} // namespace

static Blocked unavailable(Operation *user, StringRef name) {
  return {("'" + user->getName().getStringRef() + "' " + name +
           ": data is unavailable")
              .str(),
          /*isError=*/true};
}

static Blocked overflow(Operation *user, StringRef name) {
  return {("folding into '" + user->getName().getStringRef() + "' would make " +
           name + " overflow f32")
              .str()};
}

/// Rounds `value` to f32; nullopt when it does not fit. A zero (e.g. a
/// negative weight times a zero scale) is stored as +0.
static std::optional<float> toF32(double value) {
  float f = static_cast<float>(value);
  if (!std::isfinite(f))
    return std::nullopt;
  return f == 0.0f ? 0.0f : f;
}

/// A constant vector of a user, zeros when the optional attribute is absent.
static FailureOr<std::vector<double>> readVector(ElementsAttr attr,
                                                 int64_t size) {
  if (!attr)
    return std::vector<double>(size, 0.0);
  auto values = readF32Elements(attr);
  if (failed(values))
    return failure();
  return std::vector<double>(values->begin(), values->end());
}

std::optional<Blocked>
Folder::foldWeight(Operation *user, StringRef weightName, StringRef biasName,
                   Attribute weight, ElementsAttr bias, const NormMap &map,
                   SmallVectorImpl<AttrUpdate> &updates) {
  FailureOr<CsrMatrix> w = readWeight(weight);
  if (failed(w))
    return unavailable(user, weightName);
  FailureOr<std::vector<double>> oldBias = readVector(bias, w->rows);
  if (failed(oldBias))
    return unavailable(user, biasName);

  // W diag(a), entry by entry, and b + W c from the unscaled entries. Scaling
  // keeps the sparsity pattern, except that a zero scale (or an underflow)
  // makes an entry zero, which buildWeight drops from sparse storage.
  std::vector<float> scaled(w->rows * w->cols, 0.0f);
  std::vector<float> newBias(w->rows);
  bool biasNonZero = false;
  for (int64_t r = 0; r < w->rows; ++r) {
    double sum = (*oldBias)[r];
    for (int64_t k = w->rowStart[r]; k < w->rowStart[r + 1]; ++k) {
      int32_t col = w->colIndex[k];
      std::optional<float> v = toF32(w->values[k] * map.a[col]);
      if (!v)
        return overflow(user, weightName);
      scaled[r * w->cols + col] = *v;
      sum += w->values[k] * map.c[col];
    }
    std::optional<float> b = toF32(sum);
    if (!b)
      return overflow(user, biasName);
    newBias[r] = *b;
    biasNonZero |= *b != 0.0f;
  }

  // Storage is kept: sparse stays sparse (density <= 1 always), dense dense.
  Attribute newWeight =
      isa<SparseMatrixAttr>(weight)
          ? buildWeight(context, scaled, w->rows, w->cols,
                        /*maxSparseDensity=*/1.0, blobName(weightName))
          : Attribute(buildF32Elements(context, {w->rows, w->cols}, scaled,
                                       blobName(weightName)));
  updates.push_back({user, weightName, newWeight});
  // An absent bias means zero; it stays absent when the fold adds nothing.
  if (bias || biasNonZero)
    updates.push_back({user, biasName,
                       buildF32Elements(context, {w->rows}, newBias,
                                        blobName(biasName))});
  return std::nullopt;
}

std::optional<Blocked> Folder::foldScale(ScaleOp scale, const NormMap &map,
                                         SmallVectorImpl<AttrUpdate> &updates) {
  Operation *user = scale.getOperation();
  int64_t size = static_cast<int64_t>(map.a.size());
  FailureOr<std::vector<double>> factor = readVector(scale.getFactor(), size);
  if (failed(factor))
    return unavailable(user, "factor");
  FailureOr<std::vector<double>> bias = readVector(scale.getBiasAttr(), size);
  if (failed(bias))
    return unavailable(user, "bias");

  std::vector<float> newFactor(size), newBias(size);
  bool biasNonZero = false;
  for (int64_t i = 0; i < size; ++i) {
    std::optional<float> f = toF32((*factor)[i] * map.a[i]);
    if (!f)
      return overflow(user, "factor");
    std::optional<float> b = toF32((*factor)[i] * map.c[i] + (*bias)[i]);
    if (!b)
      return overflow(user, "bias");
    newFactor[i] = *f;
    newBias[i] = *b;
    biasNonZero |= *b != 0.0f;
  }
  updates.push_back({user, "factor",
                     buildF32Elements(context, {size}, newFactor,
                                      blobName("factor"))});
  if (scale.getBiasAttr() || biasNonZero)
    updates.push_back({user, "bias",
                       buildF32Elements(context, {size}, newBias,
                                        blobName("bias"))});
  return std::nullopt;
}

std::optional<Blocked> Folder::foldInto(Operation *user, const NormMap &map,
                                        SmallVectorImpl<AttrUpdate> &updates) {
  if (auto project = dyn_cast<ProjectOp>(user))
    return foldWeight(user, "weight", "bias", project.getWeight(),
                      project.getBiasAttr(), map, updates);
  if (auto fused = dyn_cast<FusedProjectOp>(user))
    return foldWeight(user, "weight", "bias", fused.getWeight(),
                      fused.getBiasAttr(), map, updates);
  if (auto project = dyn_cast<ComplexProjectOp>(user)) {
    if (auto blocked =
            foldWeight(user, "weight_re", "bias_re", project.getWeightRe(),
                       project.getBiasReAttr(), map, updates))
      return blocked;
    return foldWeight(user, "weight_im", "bias_im", project.getWeightIm(),
                      project.getBiasImAttr(), map, updates);
  }
  if (auto scale = dyn_cast<ScaleOp>(user))
    return foldScale(scale, map, updates);
  return Blocked{("its result is used by '" + user->getName().getStringRef() +
                  "', which cannot absorb it")
                     .str()};
}

static FailureOr<NormMap> readNormMap(BatchNormOp bn) {
  NormMap map;
  if (failed(bn.getAffineMap(map.a, map.c)))
    return failure();
  return map;
}

LogicalResult Folder::run(BatchNormOp bn) {
  Value result = bn.getResult();
  if (result.use_empty()) {
    bn->emitRemark() << "removed lrnn.batchnorm: its result is unused";
    bn->erase();
    return success();
  }

  // Every user must absorb the map, or the batchnorm stays for all of them.
  // Users that cannot are all named, each once, in program order (use lists
  // are in no useful order).
  llvm::SetVector<Operation *> unique;
  for (Operation *user : result.getUsers())
    unique.insert(user);
  SmallVector<Operation *> users(unique.begin(), unique.end());
  Block &body = model.getBodyBlock();
  llvm::stable_sort(users, [&](Operation *lhs, Operation *rhs) {
    Operation *a = body.findAncestorOpInBlock(*lhs);
    Operation *b = body.findAncestorOpInBlock(*rhs);
    return a && b && a != b && a->isBeforeInBlock(b);
  });
  llvm::SetVector<StringRef> blockers;
  for (Operation *user : users)
    if (!isa<ProjectOp, FusedProjectOp, ComplexProjectOp, ScaleOp>(user))
      blockers.insert(user->getName().getStringRef());
  if (!blockers.empty()) {
    auto remark = bn->emitRemark() << "lrnn.batchnorm not folded: its result "
                                      "is used by ";
    llvm::interleaveComma(blockers, remark,
                          [&](StringRef name) { remark << "'" << name << "'"; });
    remark << ", which cannot absorb it";
    return success();
  }

  FailureOr<NormMap> map = readNormMap(bn);
  if (failed(map))
    return bn->emitOpError() << "parameter data is unavailable";

  SmallVector<AttrUpdate> updates;
  for (Operation *user : users) {
    std::optional<Blocked> blocked = foldInto(user, *map, updates);
    if (!blocked)
      continue;
    if (blocked->isError)
      return bn->emitOpError() << "cannot fold: " << blocked->reason;
    bn->emitRemark() << "lrnn.batchnorm not folded: " << blocked->reason;
    return success();
  }

  for (const AttrUpdate &update : updates)
    update.op->setAttr(update.name, update.value);
  bn->emitRemark() << "folded lrnn.batchnorm into " << users.size()
                    << (users.size() == 1 ? " user" : " users");
  result.replaceAllUsesWith(bn.getInput());
  bn->erase();
  return success();
}

namespace {
struct FoldNormPass : public lrnn::impl::FoldNormBase<FoldNormPass> {
  using Base::Base;

  void runOnOperation() override {
    ModelOp model = getOperation();
    // Last first: when a batchnorm feeds another, the later one is folded
    // away first, and the earlier one then sees its users directly.
    SmallVector<BatchNormOp> norms;
    model.walk([&](BatchNormOp bn) { norms.push_back(bn); });
    Folder folder(model);
    for (BatchNormOp bn : llvm::reverse(norms))
      if (failed(folder.run(bn)))
        return signalPassFailure();
  }
};
} // namespace
