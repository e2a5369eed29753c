//===- Fuse.cpp - Pruning-aware fusion of projections and tails -----------===//
//
// Three rewrites, in this order:
//  1. consecutive linear operators are multiplied out when the product has
//     no more non-zeros than the two factors together;
//  2. the linear users of one vector (projections, complex projections,
//     D ⊙ z) become one lrnn.fused_project over the stacked operator;
//  3. connected element-wise ops become one lrnn.elementwise.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Dialect/LRNN/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/Format.h"

#include <cmath>
#include <map>
#include <optional>

namespace lrnn {
#define GEN_PASS_DEF_FUSE
#include "lrnn/Dialect/LRNN/Transforms/Passes.h.inc"
} // namespace lrnn

using namespace mlir;
using namespace lrnn;

namespace {

static int64_t vectorSize(Value value) {
  return cast<RankedTensorType>(value.getType()).getDimSize(0);
}

/// A matrix under construction, as a map from (row, col) to value.
struct EntryMatrix {
  int64_t rows = 0, cols = 0;
  std::map<std::pair<int64_t, int64_t>, double> entries;

  static EntryMatrix fromCsr(const CsrMatrix &m) {
    EntryMatrix e{m.rows, m.cols, {}};
    for (int64_t r = 0; r < m.rows; ++r)
      for (int64_t k = m.rowStart[r]; k < m.rowStart[r + 1]; ++k)
        if (m.values[k] != 0.0)
          e.entries[{r, m.colIndex[k]}] = m.values[k];
    return e;
  }

  /// Row-major f32 values (what buildWeight consumes).
  std::vector<float> toDense() const {
    std::vector<float> dense(rows * cols, 0.0f);
    for (const auto &[pos, v] : entries)
      dense[pos.first * cols + pos.second] = static_cast<float>(v);
    return dense;
  }
};

/// Product a * b (a: m x k, b: k x n), in double, dropping entries that
/// cancel to exactly 0 (tiny non-zero ones are kept, for f32Problem).
static EntryMatrix multiply(const CsrMatrix &a, const CsrMatrix &b) {
  EntryMatrix product{a.rows, b.cols, {}};
  for (int64_t r = 0; r < a.rows; ++r)
    for (int64_t i = a.rowStart[r]; i < a.rowStart[r + 1]; ++i) {
      int64_t mid = a.colIndex[i];
      for (int64_t j = b.rowStart[mid]; j < b.rowStart[mid + 1]; ++j)
        product.entries[{r, b.colIndex[j]}] += a.values[i] * b.values[j];
    }
  for (auto it = product.entries.begin(); it != product.entries.end();)
    it = it->second == 0.0 ? product.entries.erase(it) : std::next(it);
  return product;
}

/// Why `v` (computed in double) cannot be stored as an f32 weight without
/// changing what the model computes: it overflows, or a non-zero value
/// becomes 0 or subnormal (which loses precision, and which backends may
/// flush to zero). std::nullopt when it fits.
static std::optional<StringRef> f32Problem(double v) {
  float f = static_cast<float>(v);
  if (!std::isfinite(f))
    return StringRef("overflows");
  if (v != 0.0 && !std::isnormal(f))
    return StringRef("underflows");
  return std::nullopt;
}

/// Describes the first entry of a product matrix or folded bias (named
/// after the attribute it becomes) that does not fit in f32, or returns
/// std::nullopt when all fit.
static std::optional<std::string>
productF32Problem(ArrayRef<EntryMatrix> products,
                  ArrayRef<std::vector<double>> biases,
                  ArrayRef<StringRef> weightNames,
                  ArrayRef<StringRef> biasNames) {
  std::string message;
  llvm::raw_string_ostream os(message);
  for (auto [m, name] : llvm::zip(products, weightNames))
    for (const auto &[pos, v] : m.entries)
      if (std::optional<StringRef> problem = f32Problem(v)) {
        os << "product " << name << " entry (" << pos.first << ", "
           << pos.second << ") = " << llvm::format("%g", v) << " " << *problem
           << " f32";
        return message;
      }
  for (auto [bias, name] : llvm::zip(biases, biasNames))
    for (auto [i, v] : llvm::enumerate(bias))
      if (std::optional<StringRef> problem = f32Problem(v)) {
        os << "folded " << name << " entry " << i << " = "
           << llvm::format("%g", v) << " " << *problem << " f32";
        return message;
      }
  return std::nullopt;
}

static int64_t countStored(const CsrMatrix &m) {
  return llvm::count_if(m.values, [](double v) { return v != 0.0; });
}

static std::vector<double> readVector(ElementsAttr attr, int64_t size) {
  if (!attr)
    return std::vector<double>(size, 0.0);
  auto values = readF32Elements(attr);
  return std::vector<double>(values->begin(), values->end());
}

static std::vector<float> toFloat(ArrayRef<double> values) {
  return std::vector<float>(values.begin(), values.end());
}

struct FusePass : public lrnn::impl::FuseBase<FusePass> {
  using Base::Base;

  void runOnOperation() override;

private:
  std::string blobName(StringRef what) {
    return (getOperation().getSymName() + ".fused." + what + "." +
            Twine(blobCounter++))
        .str();
  }
  Attribute weightAttr(const EntryMatrix &m, StringRef what) {
    return buildWeight(&getContext(), m.toDense(), m.rows, m.cols,
                       kDefaultMaxSparseDensity, blobName(what));
  }
  ElementsAttr vectorAttr(ArrayRef<double> values, StringRef what) {
    return buildF32Elements(&getContext(), {int64_t(values.size())},
                            toFloat(values), blobName(what));
  }

  void fuseLinearChains();
  bool fuseOneLinearChain(llvm::DenseSet<Operation *> &keptApart);
  void fuseSameInputProjections();
  bool fuseOneSameInputGroup();
  void fuseElementwise();

  unsigned blobCounter = 0;
};

//===----------------------------------------------------------------------===//
// 1. Consecutive linear operators
//===----------------------------------------------------------------------===//

void FusePass::fuseLinearChains() {
  // A product may itself be the first factor of the next product, so rescan
  // after every rewrite; pairs decided against are remembered.
  llvm::DenseSet<Operation *> keptApart;
  while (fuseOneLinearChain(keptApart)) {
  }
}

bool FusePass::fuseOneLinearChain(llvm::DenseSet<Operation *> &keptApart) {
  ModelOp model = getOperation();
  for (ProjectOp first : model.getBodyBlock().getOps<ProjectOp>()) {
    Value mid = first.getResult();
    if (!mid.hasOneUse())
      continue;
    Operation *user = *mid.getUsers().begin();
    if (!isa<ProjectOp, ComplexProjectOp>(user) || keptApart.contains(user))
      continue;
    CsrMatrix a = *readWeight(first.getWeight());
    std::vector<double> biasA = readVector(first.getBiasAttr(), a.rows);
    int64_t nnzA = countStored(a);

    // The second operator's matrices (one, or real and imaginary parts) and
    // biases, multiplied out against the first.
    SmallVector<Attribute, 2> weights;
    SmallVector<ElementsAttr, 2> biases;
    SmallVector<StringRef, 2> weightNames, biasNames;
    if (auto project = dyn_cast<ProjectOp>(user)) {
      weights = {project.getWeight()};
      biases = {project.getBiasAttr()};
      weightNames = {"weight"};
      biasNames = {"bias"};
    } else {
      auto complex = cast<ComplexProjectOp>(user);
      weights = {complex.getWeightRe(), complex.getWeightIm()};
      biases = {complex.getBiasReAttr(), complex.getBiasImAttr()};
      weightNames = {"weight_re", "weight_im"};
      biasNames = {"bias_re", "bias_im"};
    }
    int64_t nnzB = 0, nnzProduct = 0;
    SmallVector<EntryMatrix, 2> products;
    SmallVector<std::vector<double>, 2> productBiases;
    // Whether each product gets a bias: only when a factor had one, so that
    // bias-free chains stay bias-free.
    SmallVector<bool, 2> productHasBias;
    for (auto [weight, bias] : llvm::zip(weights, biases)) {
      CsrMatrix b = *readWeight(weight);
      nnzB += countStored(b);
      products.push_back(multiply(b, a));
      nnzProduct += products.back().entries.size();
      // (B (A x + a)) + b = (B A) x + (B a + b).
      std::vector<double> combined = readVector(bias, b.rows);
      for (int64_t r = 0; r < b.rows; ++r)
        for (int64_t k = b.rowStart[r]; k < b.rowStart[r + 1]; ++k)
          combined[r] += b.values[k] * biasA[b.colIndex[k]];
      productBiases.push_back(std::move(combined));
      productHasBias.push_back(first.getBiasAttr() || bias);
    }
    // The product is stored as f32: an entry that overflows would be
    // invalid IR, one that underflows silently changes the model.
    if (std::optional<std::string> problem =
            productF32Problem(products, productBiases, weightNames,
                              biasNames)) {
      user->emitRemark() << "kept separate from the preceding lrnn.project: "
                         << *problem;
      keptApart.insert(user);
      continue;
    }
    if (nnzProduct > nnzA + nnzB) {
      user->emitRemark() << "kept separate from the preceding lrnn.project: "
                            "nnz(product) = "
                         << nnzProduct << " > nnz(A) + nnz(B) = "
                         << nnzA + nnzB;
      keptApart.insert(user);
      continue;
    }
    user->emitRemark() << "multiplied out with the preceding lrnn.project: "
                          "nnz(product) = "
                       << nnzProduct << " <= nnz(A) + nnz(B) = "
                       << nnzA + nnzB;
    OpBuilder builder(user);
    Value input = first.getInput();
    auto biasAttr = [&](unsigned i) {
      return productHasBias[i] ? vectorAttr(productBiases[i], biasNames[i])
                               : ElementsAttr();
    };
    if (auto project = dyn_cast<ProjectOp>(user)) {
      auto fused = ProjectOp::create(
          builder, user->getLoc(), project.getResult().getType(), input,
          weightAttr(products[0], "weight"), biasAttr(0));
      project.getResult().replaceAllUsesWith(fused.getResult());
    } else {
      auto second = cast<ComplexProjectOp>(user);
      auto fused = ComplexProjectOp::create(
          builder, user->getLoc(), second.getReal().getType(),
          second.getImag().getType(), input,
          weightAttr(products[0], "weight_re"),
          weightAttr(products[1], "weight_im"), biasAttr(0), biasAttr(1));
      second.getReal().replaceAllUsesWith(fused.getReal());
      second.getImag().replaceAllUsesWith(fused.getImag());
    }
    user->erase();
    first->erase();
    return true;
  }
  return false;
}

//===----------------------------------------------------------------------===//
// 2. Linear users of one vector become one stacked operator
//===----------------------------------------------------------------------===//

/// One linear user of a vector: its matrices (stacked in order), biases and
/// the results they produce.
struct LinearPiece {
  Operation *op;
  SmallVector<EntryMatrix, 2> matrices;
  SmallVector<std::vector<double>, 2> biases;
  SmallVector<Value, 2> results;
};

static std::optional<LinearPiece> asLinearPiece(Operation *op, Value input) {
  LinearPiece piece{op, {}, {}, {}};
  if (auto project = dyn_cast<ProjectOp>(op)) {
    CsrMatrix w = *readWeight(project.getWeight());
    piece.matrices.push_back(EntryMatrix::fromCsr(w));
    piece.biases.push_back(readVector(project.getBiasAttr(), w.rows));
    piece.results.push_back(project.getResult());
    return piece;
  }
  if (auto project = dyn_cast<ComplexProjectOp>(op)) {
    CsrMatrix re = *readWeight(project.getWeightRe());
    CsrMatrix im = *readWeight(project.getWeightIm());
    piece.matrices = {EntryMatrix::fromCsr(re), EntryMatrix::fromCsr(im)};
    piece.biases = {readVector(project.getBiasReAttr(), re.rows),
                    readVector(project.getBiasImAttr(), im.rows)};
    piece.results = {project.getReal(), project.getImag()};
    return piece;
  }
  if (auto scale = dyn_cast<ScaleOp>(op)) {
    // D ⊙ z as the diagonal matrix diag(D).
    int64_t n = vectorSize(input);
    std::vector<double> factor = readVector(scale.getFactor(), n);
    EntryMatrix diag{n, n, {}};
    for (int64_t i = 0; i < n; ++i)
      if (static_cast<float>(factor[i]) != 0.0f)
        diag.entries[{i, i}] = factor[i];
    piece.matrices.push_back(std::move(diag));
    piece.biases.push_back(readVector(scale.getBiasAttr(), n));
    piece.results.push_back(scale.getResult());
    return piece;
  }
  return std::nullopt;
}

void FusePass::fuseSameInputProjections() {
  // Each fusion erases ops whose results may be inputs of later fusions, so
  // rescan the block after every rewrite; a fused input has a single linear
  // user left and is not visited again.
  while (fuseOneSameInputGroup()) {
  }
}

bool FusePass::fuseOneSameInputGroup() {
  ModelOp model = getOperation();
  SmallVector<Value> vectors = {model.getInput()};
  for (Operation &op : model.getBodyBlock())
    llvm::append_range(vectors, op.getResults());

  for (Value input : vectors) {
    SmallVector<LinearPiece> pieces;
    int64_t matrices = 0, projections = 0;
    // Users in program order, each once.
    llvm::SetVector<Operation *> users;
    for (Operation &op : model.getBodyBlock())
      if (llvm::is_contained(op.getOperands(), input))
        users.insert(&op);
    for (Operation *user : users)
      if (auto piece = asLinearPiece(user, input)) {
        matrices += piece->matrices.size();
        projections += !isa<ScaleOp>(user);
        pieces.push_back(std::move(*piece));
      }
    // Stacking pays when the input's non-zeros are visited once for two or
    // more matrices; D ⊙ z joins only a pass over z that a projection makes
    // anyway (on its own it is cheaper as a scale).
    if (matrices < 2 || projections == 0)
      continue;
    int64_t cols = vectorSize(input);
    EntryMatrix stacked{0, cols, {}};
    std::vector<double> bias;
    SmallVector<int64_t> sizes;
    SmallVector<Value> oldResults;
    for (LinearPiece &piece : pieces)
      for (auto [m, b, result] :
           llvm::zip(piece.matrices, piece.biases, piece.results)) {
        for (const auto &[pos, v] : m.entries)
          stacked.entries[{stacked.rows + pos.first, pos.second}] = v;
        stacked.rows += m.rows;
        bias.insert(bias.end(), b.begin(), b.end());
        sizes.push_back(m.rows);
        oldResults.push_back(result);
      }
    OpBuilder builder(pieces.front().op);
    SmallVector<Type> types = llvm::to_vector(
        llvm::map_range(oldResults, [](Value v) { return v.getType(); }));
    SmallVector<Location> locs = llvm::to_vector(
        llvm::map_range(pieces, [](LinearPiece &p) { return p.op->getLoc(); }));
    bool hasBias = llvm::any_of(bias, [](double v) { return v != 0.0; });
    auto fused = FusedProjectOp::create(
        builder, builder.getFusedLoc(locs), types, input,
        weightAttr(stacked, "weight"),
        hasBias ? vectorAttr(bias, "bias") : ElementsAttr(),
        builder.getDenseI64ArrayAttr(sizes));
    for (auto [old, replacement] : llvm::zip(oldResults, fused.getResults()))
      old.replaceAllUsesWith(replacement);
    fused->emitRemark() << "fused " << pieces.size() << " linear ops ("
                        << matrices << " matrices, " << stacked.entries.size()
                        << " non-zeros) reading one vector";
    for (LinearPiece &piece : pieces)
      piece.op->erase();
    return true;
  }
  return false;
}

//===----------------------------------------------------------------------===//
// 3. Element-wise chains
//===----------------------------------------------------------------------===//

static bool isFusibleElementwise(Operation *op) {
  return isa<ReluOp, SigmoidOp, GeluOp, AddOp, MulOp, CReluOp>(op);
}

/// Emits the scalar body of one element-wise op; the scalars of its operands
/// are in `map`.
static void emitScalar(OpBuilder &b, Operation *op, IRMapping &map) {
  Location loc = op->getLoc();
  auto f32 = b.getF32Type();
  auto constant = [&](double v) -> Value {
    return arith::ConstantOp::create(b, loc, f32, b.getF32FloatAttr(v));
  };
  // An f32 constant is off by up to 2^-25 relative, and where gelu's
  // 1 + erf(.) or 1 + tanh(.) nearly cancels (x below about -5) that error is
  // amplified a thousandfold: with the constants rounded to f32, the fused
  // gelu differed from the interpreter's (double) lrnn.gelu by up to 6e-4
  // relative (erf near x = -7.4; tanh 2.4e-5 near x = -6.2, f32 outputs). As
  // the sum of two f32 constants (48 significant bits) the difference is at
  // most 5e-11 relative in double over x in [-12, 12], and the f32 outputs
  // are identical (fuse-gelu-exec.mlir). In f32 arithmetic the sum rounds
  // back to the f32 constant, so an f32 backend computes as before.
  auto preciseConstant = [&](double v) -> Value {
    float hi = static_cast<float>(v);
    float lo = static_cast<float>(v - hi);
    Value hiValue = constant(hi);
    if (lo == 0.0f)
      return hiValue;
    Value loValue = constant(lo);
    return arith::AddFOp::create(b, loc, hiValue, loValue);
  };
  auto in = [&](unsigned i) { return map.lookup(op->getOperand(i)); };
  if (isa<ReluOp>(op)) {
    map.map(op->getResult(0), arith::MaximumFOp::create(b, loc, in(0),
                                                        constant(0.0)));
  } else if (isa<SigmoidOp>(op)) {
    // 1 / (1 + exp(-x)), as the interpreter computes it.
    Value e = math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, in(0)));
    Value d = arith::AddFOp::create(b, loc, constant(1.0), e);
    map.map(op->getResult(0), arith::DivFOp::create(b, loc, constant(1.0), d));
  } else if (auto gelu = dyn_cast<GeluOp>(op)) {
    Value x = in(0), inner;
    if (gelu.getApproximation() == GeluApproximation::Erf) {
      Value scale = preciseConstant(1.0 / std::sqrt(2.0));
      inner = math::ErfOp::create(b, loc,
                                  arith::MulFOp::create(b, loc, x, scale));
    } else {
      Value cube = arith::MulFOp::create(
          b, loc, arith::MulFOp::create(b, loc, x, x), x);
      Value poly = arith::AddFOp::create(
          b, loc, x,
          arith::MulFOp::create(b, loc, preciseConstant(0.044715), cube));
      Value scale = preciseConstant(std::sqrt(2.0 / M_PI));
      inner = math::TanhOp::create(b, loc,
                                   arith::MulFOp::create(b, loc, scale, poly));
    }
    Value half = arith::MulFOp::create(b, loc, constant(0.5), x);
    map.map(op->getResult(0),
            arith::MulFOp::create(
                b, loc, half, arith::AddFOp::create(b, loc, constant(1.0), inner)));
  } else if (isa<AddOp>(op)) {
    map.map(op->getResult(0), arith::AddFOp::create(b, loc, in(0), in(1)));
  } else if (isa<MulOp>(op)) {
    map.map(op->getResult(0), arith::MulFOp::create(b, loc, in(0), in(1)));
  } else if (isa<CReluOp>(op)) {
    // Keep when re > 0, or re == 0 and im > 0; else both parts become 0.
    Value re = in(0), im = in(1), zero = constant(0.0);
    Value positive = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, re, zero);
    Value tie = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, re, zero);
    Value imPositive = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, im, zero);
    auto keep = [&](Value v) -> Value {
      Value onTie = arith::SelectOp::create(
          b, loc, tie, arith::SelectOp::create(b, loc, imPositive, v, zero), zero);
      return arith::SelectOp::create(b, loc, positive, v, onTie);
    };
    map.map(op->getResult(0), keep(re));
    map.map(op->getResult(1), keep(im));
  }
}

void FusePass::fuseElementwise() {
  ModelOp model = getOperation();
  Block &body = model.getBodyBlock();
  // Groups of connected element-wise ops. An op joins the group of an
  // operand's producer only if no op outside that group, earlier in the
  // block, uses the group's results: the fused op replaces the group at the
  // position of its last member, so every outside use must come later.
  std::vector<SmallVector<Operation *>> groups;
  llvm::DenseMap<Operation *, size_t> groupOf;
  for (Operation &op : body) {
    if (!isFusibleElementwise(&op))
      continue;
    std::optional<size_t> joined;
    for (Value operand : op.getOperands()) {
      Operation *def = operand.getDefiningOp();
      if (!def || !groupOf.count(def) || vectorSize(operand) != vectorSize(op.getResult(0)))
        continue;
      size_t g = groupOf[def];
      bool usedEarlierOutside = llvm::any_of(groups[g], [&](Operation *member) {
        return llvm::any_of(member->getUsers(), [&](Operation *user) {
          return user != &op && !llvm::is_contained(groups[g], user) &&
                 user->isBeforeInBlock(&op);
        });
      });
      if (!usedEarlierOutside) {
        joined = g;
        break;
      }
    }
    if (!joined) {
      joined = groups.size();
      groups.emplace_back();
    }
    groups[*joined].push_back(&op);
    groupOf[&op] = *joined;
  }

  for (SmallVector<Operation *> &group : groups) {
    if (group.size() < 2)
      continue;
    llvm::SetVector<Value> inputs;
    SmallVector<Value> outputs;
    for (Operation *op : group) {
      for (Value operand : op->getOperands()) {
        Operation *def = operand.getDefiningOp();
        if (!def || !llvm::is_contained(group, def))
          inputs.insert(operand);
      }
      for (Value result : op->getResults())
        if (llvm::any_of(result.getUsers(), [&](Operation *user) {
              return !llvm::is_contained(group, user);
            }))
          outputs.push_back(result);
    }
    // Nothing outside uses the group: it is dead code, which
    // --lrnn-eliminate-dead removes; an lrnn.elementwise needs a result.
    if (outputs.empty())
      continue;
    Operation *last = group.back();
    OpBuilder builder(last);
    SmallVector<Type> resultTypes = llvm::to_vector(
        llvm::map_range(outputs, [](Value v) { return v.getType(); }));
    SmallVector<Location> locs = llvm::to_vector(
        llvm::map_range(group, [](Operation *op) { return op->getLoc(); }));
    auto fused = ElementwiseOp::create(builder, builder.getFusedLoc(locs),
                                       resultTypes, inputs.getArrayRef());
    Block *block = builder.createBlock(&fused.getBody());
    IRMapping map;
    for (Value input : inputs)
      map.map(input, block->addArgument(builder.getF32Type(), input.getLoc()));
    for (Operation *op : group)
      emitScalar(builder, op, map);
    SmallVector<Value> yielded = llvm::to_vector(
        llvm::map_range(outputs, [&](Value v) { return map.lookup(v); }));
    YieldOp::create(builder, fused.getLoc(), yielded);
    for (auto [old, replacement] : llvm::zip(outputs, fused.getResults()))
      old.replaceAllUsesWith(replacement);
    fused->emitRemark() << "fused " << group.size() << " element-wise ops";
    for (Operation *op : llvm::reverse(group))
      op->erase();
  }
}

void FusePass::runOnOperation() {
  // Weight data of a verified model is available; a failure to read it means
  // an elided resource, which the verifier reports, so stop early.
  WalkResult readable = getOperation().walk([&](Operation *op) {
    for (NamedAttribute attr : op->getAttrs())
      if (getWeightShape(attr.getValue()) && failed(readWeight(attr.getValue()))) {
        op->emitOpError() << attr.getName().getValue()
                          << ": weight data is unavailable";
        return WalkResult::interrupt();
      }
    return WalkResult::advance();
  });
  if (readable.wasInterrupted())
    return signalPassFailure();
  fuseLinearChains();
  fuseSameInputProjections();
  fuseElementwise();
}

} // namespace
