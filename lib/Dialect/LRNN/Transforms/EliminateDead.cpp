//===- EliminateDead.cpp - Dead states, dead or constant channels ---------===//
//
// Every vector of a model body is a list of channels (its elements). An op
// that works element by element (relu, add, scale, crelu, diag_recurrence,
// lrnn.elementwise, ...) ties channel i of its operands and results
// together: channel i of its results depends only on channel i of its
// operands. Values so tied form a class (union-find); removing channel i of a
// class removes element i of every value of the class at once, so the types
// stay consistent. The linear ops are the class boundaries: project,
// complex_project, fused_project and complex_readout produce a class by rows
// and consume one by columns. The model input and output are never changed.
//
// Two analyses over the body decide what may go:
//  - forward, per element: is it a constant (the same value at every step,
//    evaluated in double exactly as the interpreter does)? A row of a linear
//    op is constant when every input it reads with a non-zero weight is; a
//    recurrence state is constant (zero) when its input is constantly zero.
//  - backward, per element: is it live (can it influence the output)? A
//    row reads the inputs of its non-zero weights; x * 0 (also inside an
//    lrnn.elementwise body), D = 0 and a negative crelu real part cut the
//    dependence. Values are assumed finite, as in a stable model.
// Channel i of a class is removable when every boundary consumer either
// reads it from no live row (its column there is zero, or only dead rows
// read it), or reads a constant it can fold into its bias (complex_readout
// has no bias: only a constant zero).
//
// A class whose channels are all removable cannot become empty (vectors are
// non-empty). For an SSM block whose states are all dead, the readout of the
// live rows is exactly zero: when it only feeds lrnn.add, each add is
// replaced by its other operand and the complex_project / diag_recurrence /
// crelu / complex_readout chain is erased. Otherwise one channel (the first)
// is kept unchanged. Ops whose results are all unused are erased first.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Dialect/LRNN/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <cmath>
#include <optional>

namespace lrnn {
#define GEN_PASS_DEF_ELIMINATEDEAD
#include "lrnn/Dialect/LRNN/Transforms/Passes.h.inc"
} // namespace lrnn

using namespace mlir;
using namespace lrnn;

static int64_t vectorSize(Value value) {
  return cast<RankedTensorType>(value.getType()).getDimSize(0);
}

namespace {
/// Per-element facts about one vector of the model body.
struct VectorInfo {
  std::vector<double> value; ///< The constant, where isConst.
  std::vector<char> isConst;
  std::vector<char> live;

  explicit VectorInfo(int64_t size)
      : value(size, 0.0), isConst(size, 0), live(size, 0) {}
  int64_t size() const { return static_cast<int64_t>(value.size()); }
  bool isZero(int64_t i) const { return isConst[i] && value[i] == 0.0; }
  void setConst(int64_t i, double v) {
    // A non-finite "constant" would be an unstable model: leave it alone.
    if (!std::isfinite(v))
      return;
    isConst[i] = 1;
    value[i] = v;
  }
};

/// The weights and constant vectors of one op, read once. Absent optional
/// vectors read as zeros.
struct OpData {
  SmallVector<CsrMatrix, 2> matrices;
  SmallVector<std::vector<double>, 4> vectors;
};
} // namespace

/// Row `r` of `m` times `x` when every input read with a non-zero weight is
/// constant.
static std::optional<double> constantRow(const CsrMatrix &m, int64_t r,
                                         const VectorInfo &x) {
  double sum = 0;
  for (int64_t k = m.rowStart[r]; k < m.rowStart[r + 1]; ++k) {
    if (m.values[k] == 0.0)
      continue;
    int32_t c = m.colIndex[k];
    if (!x.isConst[c])
      return std::nullopt;
    sum += m.values[k] * x.value[c];
  }
  return sum;
}

/// Marks live the inputs that row `r` of `m` reads with a non-zero weight.
static void markRow(const CsrMatrix &m, int64_t r, VectorInfo &x) {
  for (int64_t k = m.rowStart[r]; k < m.rowStart[r + 1]; ++k)
    if (m.values[k] != 0.0)
      x.live[m.colIndex[k]] = 1;
}

/// The columns of `m` read with a non-zero weight by a row marked in `rows`.
static void markReadColumns(const CsrMatrix &m, ArrayRef<char> rows,
                            std::vector<char> &read) {
  for (int64_t r = 0; r < m.rows; ++r)
    if (rows[r])
      for (int64_t k = m.rowStart[r]; k < m.rowStart[r + 1]; ++k)
        if (m.values[k] != 0.0)
          read[m.colIndex[k]] = 1;
}

/// Columns of `m` that are zero in every row.
static std::vector<char> zeroColumns(const CsrMatrix &m) {
  std::vector<char> zero(m.cols, 1);
  for (int64_t k = 0; k < m.numStored(); ++k)
    if (m.values[k] != 0.0)
      zero[m.colIndex[k]] = 0;
  return zero;
}

/// arith.cmpf on doubles, as the interpreter evaluates it.
static bool compare(arith::CmpFPredicate p, double a, double b) {
  bool unordered = std::isnan(a) || std::isnan(b);
  using P = arith::CmpFPredicate;
  switch (p) {
  case P::AlwaysFalse:
    return false;
  case P::AlwaysTrue:
    return true;
  case P::OEQ:
    return !unordered && a == b;
  case P::OGT:
    return !unordered && a > b;
  case P::OGE:
    return !unordered && a >= b;
  case P::OLT:
    return !unordered && a < b;
  case P::OLE:
    return !unordered && a <= b;
  case P::ONE:
    return !unordered && a != b;
  case P::ORD:
    return !unordered;
  case P::UEQ:
    return unordered || a == b;
  case P::UGT:
    return unordered || a > b;
  case P::UGE:
    return unordered || a >= b;
  case P::ULT:
    return unordered || a < b;
  case P::ULE:
    return unordered || a <= b;
  case P::UNE:
    return unordered || a != b;
  case P::UNO:
    return unordered;
  }
  return false;
}

namespace {
/// The body of an lrnn.elementwise on one element whose inputs are partly
/// constant. A body value is a known constant when its operands are, when
/// it is x * 0 (x finite), or when it is a select on a constant condition
/// of a constant; constants are computed in double as the interpreter does.
class BodyElement {
public:
  BodyElement(ElementwiseOp op, ArrayRef<std::optional<double>> inputs);
  /// The constant value of result `r`, if known.
  std::optional<double> result(unsigned r) const;
  /// The inputs that results marked in `liveResults` depend on.
  SmallVector<char> neededInputs(ArrayRef<char> liveResults) const;

private:
  std::optional<double> constant(Value v) const {
    auto it = constants.find(v);
    return it == constants.end() ? std::nullopt
                                 : std::optional<double>(it->second);
  }
  bool isZero(Value v) const {
    std::optional<double> c = constant(v);
    return c && *c == 0.0;
  }

  Block &body;
  DenseMap<Value, double> constants;
};
} // namespace

BodyElement::BodyElement(ElementwiseOp op,
                         ArrayRef<std::optional<double>> inputs)
    : body(op.getBody().front()) {
  for (auto [arg, v] : llvm::zip(body.getArguments(), inputs))
    if (v)
      constants[arg] = *v;
  for (Operation &inner : body) {
    if (inner.getNumResults() != 1)
      continue;
    std::optional<double> r;
    if (auto c = dyn_cast<arith::ConstantOp>(inner)) {
      if (auto f = dyn_cast<FloatAttr>(c.getValue()))
        r = f.getValueAsDouble();
    } else if (isa<arith::MulFOp>(inner) &&
               (isZero(inner.getOperand(0)) || isZero(inner.getOperand(1)))) {
      r = 0.0;
    } else if (isa<arith::SelectOp>(inner) && constant(inner.getOperand(0))) {
      r = constant(
          inner.getOperand(*constant(inner.getOperand(0)) != 0.0 ? 1 : 2));
    } else if (llvm::all_of(inner.getOperands(),
                            [&](Value v) { return constant(v).has_value(); })) {
      auto in = [&](unsigned i) { return *constant(inner.getOperand(i)); };
      if (isa<arith::AddFOp>(inner)) {
        r = in(0) + in(1);
      } else if (isa<arith::SubFOp>(inner)) {
        r = in(0) - in(1);
      } else if (isa<arith::MulFOp>(inner)) {
        r = in(0) * in(1);
      } else if (isa<arith::DivFOp>(inner)) {
        r = in(0) / in(1);
      } else if (isa<arith::NegFOp>(inner)) {
        r = -in(0);
      } else if (isa<arith::MaximumFOp, arith::MinimumFOp>(inner)) {
        // NaN propagates; -0 < +0.
        double a = in(0), b = in(1);
        bool max = isa<arith::MaximumFOp>(inner);
        if (std::isnan(a) || std::isnan(b))
          r = NAN;
        else if (a == b)
          r = std::signbit(a) == max ? b : a;
        else
          r = (a > b) == max ? a : b;
      } else if (auto cmp = dyn_cast<arith::CmpFOp>(inner)) {
        r = compare(cmp.getPredicate(), in(0), in(1)) ? 1.0 : 0.0;
      } else if (isa<math::ExpOp>(inner)) {
        r = std::exp(in(0));
      } else if (isa<math::TanhOp>(inner)) {
        r = std::tanh(in(0));
      } else if (isa<math::ErfOp>(inner)) {
        r = std::erf(in(0));
      } else if (isa<math::SqrtOp>(inner)) {
        r = std::sqrt(in(0));
      }
    }
    if (r && std::isfinite(*r))
      constants[inner.getResult(0)] = *r;
  }
}

std::optional<double> BodyElement::result(unsigned r) const {
  return constant(body.getTerminator()->getOperand(r));
}

SmallVector<char> BodyElement::neededInputs(ArrayRef<char> liveResults) const {
  DenseSet<Value> needed;
  Operation *yield = body.getTerminator();
  for (auto [value, live] : llvm::zip(yield->getOperands(), liveResults))
    if (live)
      needed.insert(value);
  for (Operation &inner : llvm::reverse(body)) {
    if (inner.getNumResults() != 1 || !needed.count(inner.getResult(0)))
      continue;
    if (isa<arith::MulFOp>(inner)) {
      // x * 0 does not depend on x.
      if (!isZero(inner.getOperand(1)))
        needed.insert(inner.getOperand(0));
      if (!isZero(inner.getOperand(0)))
        needed.insert(inner.getOperand(1));
    } else if (isa<arith::SelectOp>(inner) && constant(inner.getOperand(0))) {
      needed.insert(inner.getOperand(0));
      needed.insert(
          inner.getOperand(*constant(inner.getOperand(0)) != 0.0 ? 1 : 2));
    } else {
      for (Value operand : inner.getOperands())
        needed.insert(operand);
    }
  }
  SmallVector<char> inputs;
  for (BlockArgument arg : body.getArguments())
    inputs.push_back(needed.count(arg) ? 1 : 0);
  return inputs;
}

static bool isElementWise(Operation *op) {
  return isa<ReluOp, SigmoidOp, GeluOp, AddOp, MulOp, ScaleOp, BatchNormOp,
             CReluOp, DiagRecurrenceOp, ElementwiseOp>(op);
}

static bool isLinear(Operation *op) {
  return isa<ProjectOp, ComplexProjectOp, FusedProjectOp, ComplexReadoutOp>(op);
}

namespace {
/// Constants, liveness and channel classes of one model body, and the
/// channels of each class that can be removed.
class Analysis {
public:
  explicit Analysis(ModelOp model) : model(model) {}

  /// Fails (with an error on the op) when some weight data is unavailable.
  LogicalResult run();

  unsigned idOf(Value v) const { return ids.lookup(v); }
  unsigned classOf(Value v) { return find(idOf(v)); }
  VectorInfo &info(Value v) { return infos[idOf(v)]; }
  const OpData &dataOf(Operation *op) const { return data.find(op)->second; }

  ModelOp model;
  SmallVector<Value> values; ///< Indexed by id.
  std::vector<VectorInfo> infos;
  /// Per class root: the removable channels (empty when none can go).
  DenseMap<unsigned, std::vector<char>> removable;
  /// Per class root: channels whose every boundary consumer column is zero.
  DenseMap<unsigned, std::vector<char>> unreadColumns;

  unsigned find(unsigned id) {
    while (parent[id] != id)
      id = parent[id] = parent[parent[id]];
    return id;
  }
  SmallVector<Value> membersOf(unsigned root) {
    SmallVector<Value> members;
    for (auto [id, v] : llvm::enumerate(values))
      if (find(id) == root)
        members.push_back(v);
    return members;
  }

private:
  LogicalResult readData(Operation *op);
  void propagateConstants(Operation *op);
  void propagateLiveness(Operation *op);
  void buildClasses();
  void findRemovable();

  /// Element `i` of each input of `op`, where constant.
  SmallVector<std::optional<double>> elementInputs(ElementwiseOp op,
                                                   int64_t i) {
    SmallVector<std::optional<double>> inputs;
    for (Value in : op.getInputs()) {
      const VectorInfo &x = info(in);
      inputs.push_back(x.isConst[i] ? std::optional<double>(x.value[i])
                                    : std::nullopt);
    }
    return inputs;
  }

  void unite(Value a, Value b) {
    unsigned ra = find(idOf(a)), rb = find(idOf(b));
    if (ra != rb)
      parent[rb] = ra;
  }

  DenseMap<Value, unsigned> ids;
  DenseMap<Operation *, OpData> data;
  std::vector<unsigned> parent;
  DenseSet<unsigned> pinnedIds;
};
} // namespace

LogicalResult Analysis::readData(Operation *op) {
  OpData d;
  auto matrix = [&](StringRef name, Attribute attr) -> LogicalResult {
    FailureOr<CsrMatrix> m = readWeight(attr);
    if (failed(m))
      return op->emitOpError() << name << ": weight data is unavailable";
    d.matrices.push_back(std::move(*m));
    return success();
  };
  auto vector = [&](StringRef name, ElementsAttr attr,
                    int64_t size) -> LogicalResult {
    if (!attr) {
      d.vectors.emplace_back(size, 0.0);
      return success();
    }
    FailureOr<std::vector<float>> v = readF32Elements(attr);
    if (failed(v))
      return op->emitOpError() << name << ": data is unavailable";
    d.vectors.emplace_back(v->begin(), v->end());
    return success();
  };
  LogicalResult result = success();
  if (auto p = dyn_cast<ProjectOp>(op))
    result = success(
        succeeded(matrix("weight", p.getWeight())) &&
        succeeded(vector("bias", p.getBiasAttr(), vectorSize(p.getResult()))));
  else if (auto p = dyn_cast<FusedProjectOp>(op))
    result =
        success(succeeded(matrix("weight", p.getWeight())) &&
                succeeded(vector("bias", p.getBiasAttr(),
                                 d.matrices.empty() ? 0 : d.matrices[0].rows)));
  else if (auto p = dyn_cast<ComplexProjectOp>(op))
    result = success(succeeded(matrix("weight_re", p.getWeightRe())) &&
                     succeeded(matrix("weight_im", p.getWeightIm())) &&
                     succeeded(vector("bias_re", p.getBiasReAttr(),
                                      vectorSize(p.getReal()))) &&
                     succeeded(vector("bias_im", p.getBiasImAttr(),
                                      vectorSize(p.getReal()))));
  else if (auto p = dyn_cast<ComplexReadoutOp>(op))
    result = success(succeeded(matrix("weight_re", p.getWeightRe())) &&
                     succeeded(matrix("weight_im", p.getWeightIm())));
  else if (auto p = dyn_cast<DiagRecurrenceOp>(op))
    result = success(succeeded(vector("lambda_re", p.getLambdaRe(), 0)) &&
                     succeeded(vector("lambda_im", p.getLambdaIm(), 0)));
  else if (auto p = dyn_cast<ScaleOp>(op))
    result = success(
        succeeded(vector("factor", p.getFactor(), 0)) &&
        succeeded(vector("bias", p.getBiasAttr(), vectorSize(p.getResult()))));
  else if (auto p = dyn_cast<BatchNormOp>(op))
    result = success(succeeded(vector("scale", p.getScale(), 0)) &&
                     succeeded(vector("bias", p.getBias(), 0)) &&
                     succeeded(vector("mean", p.getMean(), 0)) &&
                     succeeded(vector("var", p.getVar(), 0)));
  if (failed(result))
    return failure();
  data[op] = std::move(d);
  return success();
}

void Analysis::propagateConstants(Operation *op) {
  if (auto p = dyn_cast<ProjectOp>(op)) {
    const OpData &d = dataOf(op);
    VectorInfo &x = info(p.getInput()), &y = info(p.getResult());
    for (int64_t r = 0; r < y.size(); ++r)
      if (auto s = constantRow(d.matrices[0], r, x))
        y.setConst(r, *s + d.vectors[0][r]);
  } else if (auto p = dyn_cast<FusedProjectOp>(op)) {
    const OpData &d = dataOf(op);
    VectorInfo &x = info(p.getInput());
    int64_t row = 0;
    for (Value result : p.getResults()) {
      VectorInfo &y = info(result);
      for (int64_t r = 0; r < y.size(); ++r, ++row)
        if (auto s = constantRow(d.matrices[0], row, x))
          y.setConst(r, *s + d.vectors[0][row]);
    }
  } else if (auto p = dyn_cast<ComplexProjectOp>(op)) {
    const OpData &d = dataOf(op);
    VectorInfo &x = info(p.getInput());
    VectorInfo &re = info(p.getReal()), &im = info(p.getImag());
    for (int64_t r = 0; r < re.size(); ++r) {
      if (auto s = constantRow(d.matrices[0], r, x))
        re.setConst(r, *s + d.vectors[0][r]);
      if (auto s = constantRow(d.matrices[1], r, x))
        im.setConst(r, *s + d.vectors[1][r]);
    }
  } else if (auto p = dyn_cast<ComplexReadoutOp>(op)) {
    const OpData &d = dataOf(op);
    VectorInfo &xr = info(p.getReal()), &xi = info(p.getImag());
    VectorInfo &y = info(p.getResult());
    double kappa = p.getKappa().convertToDouble();
    for (int64_t r = 0; r < y.size(); ++r) {
      auto sr = constantRow(d.matrices[0], r, xr);
      auto si = constantRow(d.matrices[1], r, xi);
      if (sr && si)
        y.setConst(r, kappa * *sr + -kappa * *si);
    }
  } else if (auto p = dyn_cast<DiagRecurrenceOp>(op)) {
    // x_t = Λ̄ x_{t-1} + v is constant when v is constantly zero (x stays
    // zero) or Λ̄ is zero (x_t = v).
    const OpData &d = dataOf(op);
    VectorInfo &vr = info(p.getInputRe()), &vi = info(p.getInputIm());
    VectorInfo &xr = info(p.getStateRe()), &xi = info(p.getStateIm());
    for (int64_t k = 0; k < vr.size(); ++k) {
      if (!vr.isConst[k] || !vi.isConst[k])
        continue;
      bool zeroInput = vr.value[k] == 0.0 && vi.value[k] == 0.0;
      bool zeroLambda = d.vectors[0][k] == 0.0 && d.vectors[1][k] == 0.0;
      if (zeroInput || zeroLambda) {
        xr.setConst(k, vr.value[k]);
        xi.setConst(k, vi.value[k]);
      }
    }
  } else if (auto p = dyn_cast<CReluOp>(op)) {
    VectorInfo &xr = info(p.getReal()), &xi = info(p.getImag());
    VectorInfo &yr = info(p.getResultRe()), &yi = info(p.getResultIm());
    for (int64_t k = 0; k < xr.size(); ++k) {
      if (!xr.isConst[k])
        continue;
      double re = xr.value[k];
      if (re > 0) {
        yr.setConst(k, re);
        if (xi.isConst[k])
          yi.setConst(k, xi.value[k]);
      } else if (re < 0) {
        yr.setConst(k, 0.0);
        yi.setConst(k, 0.0);
      } else {
        yr.setConst(k, 0.0);
        if (xi.isConst[k])
          yi.setConst(k, xi.value[k] > 0 ? xi.value[k] : 0.0);
      }
    }
  } else if (isa<ReluOp, SigmoidOp, GeluOp>(op)) {
    VectorInfo &x = info(op->getOperand(0)), &y = info(op->getResult(0));
    auto fn = [&](double v) -> double {
      if (isa<ReluOp>(op))
        return v > 0 ? v : 0.0;
      if (isa<SigmoidOp>(op))
        return 1.0 / (1.0 + std::exp(-v));
      if (cast<GeluOp>(op).getApproximation() == GeluApproximation::Erf)
        return 0.5 * v * (1.0 + std::erf(v / std::sqrt(2.0)));
      const double c = std::sqrt(2.0 / M_PI);
      return 0.5 * v * (1.0 + std::tanh(c * (v + 0.044715 * v * v * v)));
    };
    for (int64_t i = 0; i < x.size(); ++i)
      if (x.isConst[i])
        y.setConst(i, fn(x.value[i]));
  } else if (auto p = dyn_cast<AddOp>(op)) {
    VectorInfo &a = info(p.getLhs()), &b = info(p.getRhs());
    VectorInfo &y = info(p.getResult());
    for (int64_t i = 0; i < y.size(); ++i)
      if (a.isConst[i] && b.isConst[i])
        y.setConst(i, a.value[i] + b.value[i]);
  } else if (auto p = dyn_cast<MulOp>(op)) {
    // Values of a stable model are finite, so x * 0 is 0.
    VectorInfo &a = info(p.getLhs()), &b = info(p.getRhs());
    VectorInfo &y = info(p.getResult());
    for (int64_t i = 0; i < y.size(); ++i) {
      if (a.isConst[i] && b.isConst[i])
        y.setConst(i, a.value[i] * b.value[i]);
      else if (a.isZero(i) || b.isZero(i))
        y.setConst(i, 0.0);
    }
  } else if (auto p = dyn_cast<ScaleOp>(op)) {
    const OpData &d = dataOf(op);
    VectorInfo &x = info(p.getInput()), &y = info(p.getResult());
    for (int64_t i = 0; i < y.size(); ++i) {
      double f = d.vectors[0][i], b = d.vectors[1][i];
      if (x.isConst[i])
        y.setConst(i, f * x.value[i] + b);
      else if (f == 0.0)
        y.setConst(i, b);
    }
  } else if (auto p = dyn_cast<BatchNormOp>(op)) {
    const OpData &d = dataOf(op);
    VectorInfo &x = info(p.getInput()), &y = info(p.getResult());
    double eps = p.getEpsilon().convertToDouble();
    for (int64_t i = 0; i < y.size(); ++i) {
      double scale = d.vectors[0][i], bias = d.vectors[1][i];
      double mean = d.vectors[2][i];
      double invStd = 1.0 / std::sqrt(d.vectors[3][i] + eps);
      if (x.isConst[i])
        y.setConst(i, (x.value[i] - mean) * invStd * scale + bias);
      else if (scale == 0.0)
        y.setConst(i, bias);
    }
  } else if (auto p = dyn_cast<ElementwiseOp>(op)) {
    int64_t n = vectorSize(p.getResult(0));
    for (int64_t i = 0; i < n; ++i) {
      BodyElement element(p, elementInputs(p, i));
      for (auto [r, result] : llvm::enumerate(p.getResults()))
        if (std::optional<double> c = element.result(r))
          info(result).setConst(i, *c);
    }
  }
  // Anything else: no constants.
}

void Analysis::propagateLiveness(Operation *op) {
  if (auto out = dyn_cast<OutputOp>(op)) {
    VectorInfo &x = info(out.getValue());
    std::fill(x.live.begin(), x.live.end(), 1);
  } else if (auto p = dyn_cast<ProjectOp>(op)) {
    VectorInfo &x = info(p.getInput()), &y = info(p.getResult());
    for (int64_t r = 0; r < y.size(); ++r)
      if (y.live[r])
        markRow(dataOf(op).matrices[0], r, x);
  } else if (auto p = dyn_cast<FusedProjectOp>(op)) {
    VectorInfo &x = info(p.getInput());
    int64_t row = 0;
    for (Value result : p.getResults()) {
      VectorInfo &y = info(result);
      for (int64_t r = 0; r < y.size(); ++r, ++row)
        if (y.live[r])
          markRow(dataOf(op).matrices[0], row, x);
    }
  } else if (auto p = dyn_cast<ComplexProjectOp>(op)) {
    VectorInfo &x = info(p.getInput());
    VectorInfo &re = info(p.getReal()), &im = info(p.getImag());
    for (int64_t r = 0; r < re.size(); ++r) {
      if (re.live[r])
        markRow(dataOf(op).matrices[0], r, x);
      if (im.live[r])
        markRow(dataOf(op).matrices[1], r, x);
    }
  } else if (auto p = dyn_cast<ComplexReadoutOp>(op)) {
    VectorInfo &xr = info(p.getReal()), &xi = info(p.getImag());
    VectorInfo &y = info(p.getResult());
    for (int64_t r = 0; r < y.size(); ++r)
      if (y.live[r]) {
        markRow(dataOf(op).matrices[0], r, xr);
        markRow(dataOf(op).matrices[1], r, xi);
      }
  } else if (auto p = dyn_cast<DiagRecurrenceOp>(op)) {
    // Complex multiplication mixes the parts: either needs both inputs.
    VectorInfo &vr = info(p.getInputRe()), &vi = info(p.getInputIm());
    VectorInfo &xr = info(p.getStateRe()), &xi = info(p.getStateIm());
    for (int64_t k = 0; k < xr.size(); ++k)
      if (xr.live[k] || xi.live[k])
        vr.live[k] = vi.live[k] = 1;
  } else if (auto p = dyn_cast<CReluOp>(op)) {
    // The real part decides whether the imaginary part is kept; a negative
    // constant real part zeroes both whatever the imaginary part is.
    VectorInfo &xr = info(p.getReal()), &xi = info(p.getImag());
    VectorInfo &yr = info(p.getResultRe()), &yi = info(p.getResultIm());
    for (int64_t k = 0; k < xr.size(); ++k)
      if (yr.live[k] || yi.live[k]) {
        xr.live[k] = 1;
        if (!(xr.isConst[k] && xr.value[k] < 0))
          xi.live[k] = 1;
      }
  } else if (isa<ReluOp, SigmoidOp, GeluOp>(op)) {
    VectorInfo &x = info(op->getOperand(0)), &y = info(op->getResult(0));
    for (int64_t i = 0; i < y.size(); ++i)
      x.live[i] |= y.live[i];
  } else if (auto p = dyn_cast<AddOp>(op)) {
    VectorInfo &a = info(p.getLhs()), &b = info(p.getRhs());
    VectorInfo &y = info(p.getResult());
    for (int64_t i = 0; i < y.size(); ++i)
      if (y.live[i])
        a.live[i] = b.live[i] = 1;
  } else if (auto p = dyn_cast<MulOp>(op)) {
    VectorInfo &a = info(p.getLhs()), &b = info(p.getRhs());
    VectorInfo &y = info(p.getResult());
    for (int64_t i = 0; i < y.size(); ++i) {
      if (!y.live[i])
        continue;
      // Read a before deciding about b: they may be the same vector.
      bool aZero = a.isZero(i), bZero = b.isZero(i);
      if (!bZero)
        a.live[i] = 1;
      if (!aZero)
        b.live[i] = 1;
    }
  } else if (auto p = dyn_cast<ScaleOp>(op)) {
    VectorInfo &x = info(p.getInput()), &y = info(p.getResult());
    for (int64_t i = 0; i < y.size(); ++i)
      if (y.live[i] && dataOf(op).vectors[0][i] != 0.0)
        x.live[i] = 1;
  } else if (auto p = dyn_cast<BatchNormOp>(op)) {
    VectorInfo &x = info(p.getInput()), &y = info(p.getResult());
    for (int64_t i = 0; i < y.size(); ++i)
      if (y.live[i] && dataOf(op).vectors[0][i] != 0.0)
        x.live[i] = 1;
  } else if (auto p = dyn_cast<ElementwiseOp>(op)) {
    int64_t n = vectorSize(p.getResult(0));
    SmallVector<char> liveResults;
    for (int64_t i = 0; i < n; ++i) {
      liveResults.clear();
      for (Value result : p.getResults())
        liveResults.push_back(info(result).live[i]);
      if (llvm::none_of(liveResults, [](char c) { return c; }))
        continue;
      SmallVector<char> needed =
          BodyElement(p, elementInputs(p, i)).neededInputs(liveResults);
      for (auto [in, need] : llvm::zip(p.getInputs(), needed))
        info(in).live[i] |= need;
    }
  } else {
    // Unknown: everything it reads is needed.
    for (Value operand : op->getOperands())
      if (ids.count(operand)) {
        VectorInfo &x = info(operand);
        std::fill(x.live.begin(), x.live.end(), 1);
      }
  }
}

void Analysis::buildClasses() {
  parent.resize(values.size());
  for (unsigned id = 0; id < values.size(); ++id)
    parent[id] = id;
  // The model input and output keep their types.
  pinnedIds.insert(idOf(model.getInput()));
  for (Operation &op : model.getBodyBlock()) {
    if (isElementWise(&op)) {
      Value first = op.getResult(0);
      for (Value v : llvm::concat<Value>(op.getOperands(), op.getResults()))
        unite(first, v);
    } else if (auto p = dyn_cast<ComplexProjectOp>(op)) {
      unite(p.getReal(), p.getImag());
    } else if (auto p = dyn_cast<ComplexReadoutOp>(op)) {
      unite(p.getReal(), p.getImag());
    } else if (!isa<ProjectOp, FusedProjectOp>(op)) {
      // lrnn.output and anything unknown.
      for (Value v : llvm::concat<Value>(op.getOperands(), op.getResults()))
        if (ids.count(v))
          pinnedIds.insert(idOf(v));
    }
  }
}

void Analysis::findRemovable() {
  DenseSet<unsigned> pinned;
  for (unsigned id : pinnedIds)
    pinned.insert(find(id));
  for (auto [id, v] : llvm::enumerate(values)) {
    unsigned root = find(id);
    if (pinned.count(root))
      continue;
    auto [it, inserted] = removable.try_emplace(root);
    if (inserted) {
      it->second.assign(vectorSize(v), 1);
      unreadColumns[root].assign(vectorSize(v), 1);
    }
  }
  for (auto [id, v] : llvm::enumerate(values)) {
    unsigned root = find(id);
    auto it = removable.find(root);
    if (it == removable.end())
      continue;
    std::vector<char> &canGo = it->second;
    std::vector<char> &unread = unreadColumns[root];
    const VectorInfo &x = infos[id];
    for (OpOperand &use : v.getUses()) {
      Operation *user = use.getOwner();
      if (user->getBlock() != &model.getBodyBlock()) {
        std::fill(canGo.begin(), canGo.end(), 0);
        continue;
      }
      if (isElementWise(user))
        continue;
      // A boundary consumer: which columns do its live rows read, and which
      // of its columns are zero altogether?
      std::vector<char> read(x.size(), 0);
      const OpData &d = dataOf(user);
      auto consume = [&](const CsrMatrix &m, ArrayRef<char> liveRows) {
        markReadColumns(m, liveRows, read);
        std::vector<char> zero = zeroColumns(m);
        for (int64_t i = 0; i < x.size(); ++i)
          unread[i] &= zero[i];
      };
      bool foldsAnyConstant = true;
      if (auto p = dyn_cast<ProjectOp>(user)) {
        consume(d.matrices[0], info(p.getResult()).live);
      } else if (auto p = dyn_cast<FusedProjectOp>(user)) {
        std::vector<char> liveRows;
        for (Value result : p.getResults())
          llvm::append_range(liveRows, info(result).live);
        consume(d.matrices[0], liveRows);
      } else if (auto p = dyn_cast<ComplexProjectOp>(user)) {
        consume(d.matrices[0], info(p.getReal()).live);
        consume(d.matrices[1], info(p.getImag()).live);
      } else if (auto p = dyn_cast<ComplexReadoutOp>(user)) {
        // No bias to fold a constant into.
        foldsAnyConstant = false;
        consume(d.matrices[use.getOperandNumber()], info(p.getResult()).live);
      } else {
        // Nothing else can be rewritten (classes read by lrnn.output or by
        // unknown ops are pinned already).
        std::fill(canGo.begin(), canGo.end(), 0);
        continue;
      }
      for (int64_t i = 0; i < x.size(); ++i) {
        bool folds = foldsAnyConstant ? x.isConst[i] : x.isZero(i);
        canGo[i] &= folds || !read[i];
      }
    }
  }
  // Forget classes where nothing can go.
  SmallVector<unsigned> none;
  for (auto &[root, canGo] : removable)
    if (llvm::none_of(canGo, [](char c) { return c; }))
      none.push_back(root);
  for (unsigned root : none)
    removable.erase(root);
}

LogicalResult Analysis::run() {
  Block &body = model.getBodyBlock();
  auto add = [&](Value v) {
    auto type = dyn_cast<RankedTensorType>(v.getType());
    if (!type || type.getRank() != 1)
      return;
    ids[v] = values.size();
    values.push_back(v);
    infos.emplace_back(vectorSize(v));
  };
  add(model.getInput());
  for (Operation &op : body) {
    for (Value v : op.getResults())
      add(v);
    if (failed(readData(&op)))
      return failure();
  }
  for (Operation &op : body)
    propagateConstants(&op);
  for (Operation &op : llvm::reverse(body))
    propagateLiveness(&op);
  buildClasses();
  findRemovable();
  return success();
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {
struct EliminateDeadPass
    : public lrnn::impl::EliminateDeadBase<EliminateDeadPass> {
  using Base::Base;

  void runOnOperation() override;

private:
  bool removeZeroBlocks(Analysis &analysis);
  void removeChannels(Analysis &analysis);
  void report(Analysis &analysis, unsigned root, const std::vector<char> &gone,
              bool keptOne);

  std::string blobName(StringRef what) {
    return (getOperation().getSymName() + ".dead." + what + "." +
            Twine(blobCounter++))
        .str();
  }
  Attribute rebuildMatrix(Attribute original, const CsrMatrix &m,
                          const std::vector<char> *rowsGone,
                          const std::vector<char> *colsGone, StringRef name);
  ElementsAttr rebuildVector(ArrayRef<double> v, const std::vector<char> *gone,
                             StringRef name);
  template <typename ProjectionOp>
  void shrinkProjection(Analysis &analysis, ProjectionOp p,
                        const std::vector<char> *rowsGone,
                        const std::vector<char> *colsGone);

  unsigned blobCounter = 0;
};
} // namespace

/// The message part `(a with ..., b with ...)` of a state count.
static std::string stateReasons(int64_t zeroInput, int64_t zeroColumns,
                                int64_t otherwise) {
  std::string s = "(" + std::to_string(zeroInput) + " with zero B̄ rows, " +
                  std::to_string(zeroColumns) + " with zero C̃ columns";
  if (otherwise)
    s += ", " + std::to_string(otherwise) + " read only by dead outputs";
  return s + ")";
}

/// Counts the removed states of `rec` by reason: constantly zero input (its
/// B̄ rows and bias are zero), every consumer's column zero, or read only by
/// rows that are dead themselves.
static std::string countStates(Analysis &analysis, DiagRecurrenceOp rec,
                               const std::vector<char> &gone) {
  const VectorInfo &vr = analysis.info(rec.getInputRe());
  const VectorInfo &vi = analysis.info(rec.getInputIm());
  const std::vector<char> &unread =
      analysis.unreadColumns[analysis.classOf(rec.getStateRe())];
  int64_t removed = 0, zeroInput = 0, zeroColumns = 0, otherwise = 0;
  for (size_t k = 0; k < gone.size(); ++k) {
    if (!gone[k])
      continue;
    ++removed;
    if (vr.isZero(k) && vi.isZero(k))
      ++zeroInput;
    else if (unread[k])
      ++zeroColumns;
    else
      ++otherwise;
  }
  return "removed " + std::to_string(removed) + " of " +
         std::to_string(gone.size()) + " states " +
         stateReasons(zeroInput, zeroColumns, otherwise);
}

bool EliminateDeadPass::removeZeroBlocks(Analysis &analysis) {
  // Candidates: classes whose channels can all go.
  SmallVector<unsigned> roots;
  for (auto &[root, canGo] : analysis.removable)
    if (llvm::all_of(canGo, [](char c) { return c; }))
      roots.push_back(root);
  llvm::sort(roots);
  for (unsigned root : roots) {
    SmallVector<Value> members = analysis.membersOf(root);
    llvm::SmallPtrSet<Operation *, 8> chain;
    SmallVector<DiagRecurrenceOp> recurrences;
    SmallVector<ComplexReadoutOp> readouts;
    bool ok = true;
    for (Value v : members) {
      Operation *def = v.getDefiningOp();
      if (!def || !isa<ComplexProjectOp, DiagRecurrenceOp, CReluOp>(def)) {
        ok = false;
        break;
      }
      if (auto rec = dyn_cast<DiagRecurrenceOp>(def);
          rec && chain.insert(def).second)
        recurrences.push_back(rec);
      chain.insert(def);
      for (Operation *user : v.getUsers()) {
        if (auto readout = dyn_cast<ComplexReadoutOp>(user)) {
          if (chain.insert(user).second)
            readouts.push_back(readout);
        } else if (!isa<DiagRecurrenceOp, CReluOp>(user)) {
          ok = false;
        }
      }
    }
    if (!ok || recurrences.empty())
      continue;
    // Every live row of every readout is exactly zero, and the readouts
    // only feed additions of something outside the block.
    SmallVector<std::pair<AddOp, Value>> adds;
    for (ComplexReadoutOp readout : readouts) {
      const VectorInfo &y = analysis.info(readout.getResult());
      for (int64_t r = 0; r < y.size(); ++r)
        ok &= !y.live[r] || y.isZero(r);
      for (Operation *user : readout.getResult().getUsers()) {
        auto add = dyn_cast<AddOp>(user);
        if (!add || add.getLhs() == add.getRhs()) {
          ok = false;
          continue;
        }
        Value other =
            add.getLhs() == readout.getResult() ? add.getRhs() : add.getLhs();
        if (Operation *def = other.getDefiningOp(); def && chain.count(def))
          ok = false;
        adds.push_back({add, other});
      }
    }
    if (!ok)
      continue;
    for (DiagRecurrenceOp rec : recurrences)
      rec->emitRemark() << countStates(analysis, rec, analysis.removable[root])
                        << "; the block's readout is zero, so the block is "
                           "removed with them";
    for (auto [add, other] : adds) {
      add.getResult().replaceAllUsesWith(other);
      add->erase();
    }
    Block &body = analysis.model.getBodyBlock();
    for (Operation &op : llvm::make_early_inc_range(llvm::reverse(body)))
      if (chain.count(&op))
        op.erase();
    // The analysis no longer describes the body.
    return true;
  }
  return false;
}

Attribute EliminateDeadPass::rebuildMatrix(Attribute original,
                                           const CsrMatrix &m,
                                           const std::vector<char> *rowsGone,
                                           const std::vector<char> *colsGone,
                                           StringRef name) {
  auto newIndex = [](int64_t n, const std::vector<char> *gone) {
    std::vector<int64_t> map(n);
    int64_t next = 0;
    for (int64_t i = 0; i < n; ++i)
      map[i] = gone && (*gone)[i] ? -1 : next++;
    return std::make_pair(map, next);
  };
  auto [rowMap, rows] = newIndex(m.rows, rowsGone);
  auto [colMap, cols] = newIndex(m.cols, colsGone);
  std::vector<float> dense(rows * cols, 0.0f);
  for (int64_t r = 0; r < m.rows; ++r) {
    if (rowMap[r] < 0)
      continue;
    for (int64_t k = m.rowStart[r]; k < m.rowStart[r + 1]; ++k)
      if (int64_t c = colMap[m.colIndex[k]]; c >= 0)
        dense[rowMap[r] * cols + c] = static_cast<float>(m.values[k]);
  }
  // Keep each weight in the storage it had.
  double threshold = isa<SparseMatrixAttr>(original) ? 1.0 : -1.0;
  return buildWeight(&getContext(), dense, rows, cols, threshold,
                     blobName(name));
}

ElementsAttr EliminateDeadPass::rebuildVector(ArrayRef<double> v,
                                              const std::vector<char> *gone,
                                              StringRef name) {
  std::vector<float> kept;
  for (size_t i = 0; i < v.size(); ++i)
    if (!gone || !(*gone)[i])
      kept.push_back(static_cast<float>(v[i]));
  return buildF32Elements(&getContext(), {int64_t(kept.size())}, kept,
                          blobName(name));
}

/// Adds to `bias` the contribution of the constant inputs that are removed
/// (`colsGone`) from the rows of `m`; returns whether any was non-zero.
static bool foldConstants(const CsrMatrix &m, const std::vector<char> *colsGone,
                          const VectorInfo &x, std::vector<double> &bias) {
  if (!colsGone)
    return false;
  bool changed = false;
  for (int64_t r = 0; r < m.rows; ++r)
    for (int64_t k = m.rowStart[r]; k < m.rowStart[r + 1]; ++k) {
      int32_t c = m.colIndex[k];
      if ((*colsGone)[c] && x.isConst[c] && m.values[k] != 0.0 &&
          x.value[c] != 0.0) {
        bias[r] += m.values[k] * x.value[c];
        changed = true;
      }
    }
  return changed;
}

void EliminateDeadPass::report(Analysis &analysis, unsigned root,
                               const std::vector<char> &gone, bool keptOne) {
  const char *keptNote =
      keptOne ? "; 1 more is dead but kept so that the vectors stay non-empty"
              : "";
  SmallVector<Value> members = analysis.membersOf(root);
  // States are reported by their recurrence, not by the projection that
  // feeds it.
  bool hasStates = false;
  for (Value v : members)
    if (auto rec = v.getDefiningOp<DiagRecurrenceOp>();
        rec && v == rec.getStateRe()) {
      rec->emitRemark() << countStates(analysis, rec, gone) << keptNote;
      hasStates = true;
    }
  if (hasStates)
    return;
  for (Value v : members) {
    Operation *def = v.getDefiningOp();
    if (!def || !isLinear(def))
      continue;
    // The two results of a complex projection are one set of rows.
    if (auto p = dyn_cast<ComplexProjectOp>(def); p && v != p.getReal())
      continue;
    const VectorInfo &y = analysis.info(v);
    int64_t removed = 0, constant = 0;
    for (size_t i = 0; i < gone.size(); ++i)
      if (gone[i]) {
        ++removed;
        constant += y.isConst[i];
      }
    InFlightDiagnostic diag = def->emitRemark()
                              << "removed " << removed << " of " << gone.size()
                              << " channels of " << def->getName();
    if (isa<FusedProjectOp>(def))
      diag << " result #" << cast<OpResult>(v).getResultNumber();
    diag << " (" << removed - constant << " unused, " << constant
         << " constant)" << keptNote;
  }
}

/// Drops the removed rows and columns of an lrnn.project or
/// lrnn.fused_project (one matrix, optional bias), folding removed constant
/// inputs into the bias.
template <typename ProjectionOp>
void EliminateDeadPass::shrinkProjection(Analysis &analysis, ProjectionOp p,
                                         const std::vector<char> *rowsGone,
                                         const std::vector<char> *colsGone) {
  const OpData &d = analysis.dataOf(p.getOperation());
  std::vector<double> bias = d.vectors[0];
  bool folded = foldConstants(d.matrices[0], colsGone,
                              analysis.info(p.getInput()), bias);
  p.setWeightAttr(rebuildMatrix(p.getWeight(), d.matrices[0], rowsGone,
                                colsGone, "weight"));
  if (p.getBiasAttr() || folded)
    p.setBiasAttr(rebuildVector(bias, rowsGone, "bias"));
}

void EliminateDeadPass::removeChannels(Analysis &analysis) {
  // Decide what goes per class; a class never becomes empty.
  DenseMap<unsigned, std::vector<char>> gone;
  SmallVector<unsigned> roots;
  for (auto &[root, canGo] : analysis.removable)
    roots.push_back(root);
  llvm::sort(roots);
  for (unsigned root : roots) {
    std::vector<char> g = analysis.removable[root];
    bool keptOne = llvm::all_of(g, [](char c) { return c; });
    if (keptOne)
      g[0] = 0;
    if (llvm::none_of(g, [](char c) { return c; }))
      continue;
    report(analysis, root, g, keptOne);
    gone[root] = std::move(g);
  }
  if (gone.empty())
    return;
  auto goneOf = [&](Value v) -> const std::vector<char> * {
    auto it = gone.find(analysis.classOf(v));
    return it == gone.end() ? nullptr : &it->second;
  };

  MLIRContext *context = &getContext();
  for (Operation &op : analysis.model.getBodyBlock()) {
    if (auto p = dyn_cast<ProjectOp>(op)) {
      const auto *rows = goneOf(p.getResult()), *cols = goneOf(p.getInput());
      if (!rows && !cols)
        continue;
      shrinkProjection(analysis, p, rows, cols);
    } else if (auto p = dyn_cast<FusedProjectOp>(op)) {
      const auto *cols = goneOf(p.getInput());
      std::vector<char> rows;
      SmallVector<int64_t> sizes;
      bool anyRows = false;
      for (Value result : p.getResults()) {
        const auto *g = goneOf(result);
        int64_t n = vectorSize(result), kept = n;
        for (int64_t i = 0; i < n; ++i) {
          char c = g ? (*g)[i] : 0;
          rows.push_back(c);
          kept -= c;
        }
        anyRows |= g != nullptr;
        sizes.push_back(kept);
      }
      if (!anyRows && !cols)
        continue;
      shrinkProjection(analysis, p, &rows, cols);
      p.setSizesAttr(DenseI64ArrayAttr::get(context, sizes));
    } else if (auto p = dyn_cast<ComplexProjectOp>(op)) {
      const auto *rows = goneOf(p.getReal()), *cols = goneOf(p.getInput());
      if (!rows && !cols)
        continue;
      const OpData &d = analysis.dataOf(&op);
      const VectorInfo &x = analysis.info(p.getInput());
      std::vector<double> biasRe = d.vectors[0], biasIm = d.vectors[1];
      bool foldedRe = foldConstants(d.matrices[0], cols, x, biasRe);
      bool foldedIm = foldConstants(d.matrices[1], cols, x, biasIm);
      p.setWeightReAttr(rebuildMatrix(p.getWeightRe(), d.matrices[0], rows,
                                      cols, "weight_re"));
      p.setWeightImAttr(rebuildMatrix(p.getWeightIm(), d.matrices[1], rows,
                                      cols, "weight_im"));
      if (p.getBiasReAttr() || foldedRe)
        p.setBiasReAttr(rebuildVector(biasRe, rows, "bias_re"));
      if (p.getBiasImAttr() || foldedIm)
        p.setBiasImAttr(rebuildVector(biasIm, rows, "bias_im"));
    } else if (auto p = dyn_cast<ComplexReadoutOp>(op)) {
      // Removed columns hold zeros or are read by dead rows only.
      const auto *rows = goneOf(p.getResult()), *cols = goneOf(p.getReal());
      if (!rows && !cols)
        continue;
      const OpData &d = analysis.dataOf(&op);
      p.setWeightReAttr(rebuildMatrix(p.getWeightRe(), d.matrices[0], rows,
                                      cols, "weight_re"));
      p.setWeightImAttr(rebuildMatrix(p.getWeightIm(), d.matrices[1], rows,
                                      cols, "weight_im"));
    } else if (auto p = dyn_cast<DiagRecurrenceOp>(op)) {
      if (const auto *g = goneOf(p.getStateRe())) {
        const OpData &d = analysis.dataOf(&op);
        p.setLambdaReAttr(rebuildVector(d.vectors[0], g, "lambda_re"));
        p.setLambdaImAttr(rebuildVector(d.vectors[1], g, "lambda_im"));
      }
    } else if (auto p = dyn_cast<ScaleOp>(op)) {
      if (const auto *g = goneOf(p.getResult())) {
        const OpData &d = analysis.dataOf(&op);
        p.setFactorAttr(rebuildVector(d.vectors[0], g, "factor"));
        if (p.getBiasAttr())
          p.setBiasAttr(rebuildVector(d.vectors[1], g, "bias"));
      }
    } else if (auto p = dyn_cast<BatchNormOp>(op)) {
      if (const auto *g = goneOf(p.getResult())) {
        const OpData &d = analysis.dataOf(&op);
        p.setScaleAttr(rebuildVector(d.vectors[0], g, "scale"));
        p.setBiasAttr(rebuildVector(d.vectors[1], g, "bias"));
        p.setMeanAttr(rebuildVector(d.vectors[2], g, "mean"));
        p.setVarAttr(rebuildVector(d.vectors[3], g, "var"));
      }
    }
  }
  // Finally shrink the vectors themselves.
  Type f32 = Float32Type::get(context);
  for (Value v : analysis.values)
    if (const auto *g = goneOf(v)) {
      int64_t kept = llvm::count(*g, 0);
      v.setType(RankedTensorType::get({kept}, f32));
    }
}

/// Erases ops none of whose results is used: pure ones and recurrences,
/// whose state nothing reads.
static void eraseUnused(ModelOp model) {
  Block &body = model.getBodyBlock();
  // Backwards, so that a chain of unused ops goes in one sweep.
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(body))) {
    if (op.getNumResults() == 0 || !op.use_empty() ||
        !(isPure(&op) || isa<DiagRecurrenceOp>(op)))
      continue;
    op.emitRemark() << "removed " << op.getName() << ": its result"
                    << (op.getNumResults() > 1 ? "s are" : " is") << " unused";
    op.erase();
  }
}

void EliminateDeadPass::runOnOperation() {
  // Removing a zero block changes the graph (and may leave the ops that
  // only fed it unused): analyse again until none is left. Each round
  // removes at least one recurrence.
  while (true) {
    eraseUnused(getOperation());
    Analysis analysis(getOperation());
    if (failed(analysis.run()))
      return signalPassFailure();
    if (removeZeroBlocks(analysis))
      continue;
    removeChannels(analysis);
    return;
  }
}
