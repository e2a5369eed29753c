//===- CostModel.cpp - Parameters, MACs and memory of lrnn models ---------===//
//
// The rules implemented here are documented, with their reasons, in
// docs/cost-model.md; keep the two in step.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Analysis/CostModel.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cmath>

using namespace mlir;
using namespace lrnn;

static llvm::Error makeError(const Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

int64_t lrnn::getElementBytes(Type elementType) {
  if (elementType.isIntOrFloat())
    return (elementType.getIntOrFloatBitWidth() + 7) / 8;
  if (auto fixed = dyn_cast<FixedType>(elementType))
    return (fixed.getWidth() + 7) / 8;
  // Unknown element types count as f32.
  return 4;
}

int64_t lrnn::getCsrBytes(int64_t rows, int64_t cols, int64_t nnz,
                          int64_t elementBytes) {
  int64_t indexBytes = cols <= 65536 ? 2 : 4;
  return nnz * (elementBytes + indexBytes) + 4 * (rows + 1);
}

static void collectLocationNames(Location loc,
                                 SmallVectorImpl<std::string> &names) {
  if (auto name = dyn_cast<NameLoc>(loc)) {
    names.push_back(name.getName().str());
    return;
  }
  if (auto fused = dyn_cast<FusedLoc>(loc)) {
    for (Location inner : fused.getLocations())
      collectLocationNames(inner, names);
    return;
  }
  if (auto callSite = dyn_cast<CallSiteLoc>(loc))
    collectLocationNames(callSite.getCallee(), names);
}

std::string lrnn::getLocationName(Location loc) {
  SmallVector<std::string> names;
  collectLocationNames(loc, names);
  SmallVector<std::string> distinct;
  for (std::string &name : names)
    if (!llvm::is_contained(distinct, name))
      distinct.push_back(std::move(name));
  return llvm::join(distinct, "+");
}

std::string lrnn::formatBytes(int64_t bytes) {
  const char *units[] = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024)
    return std::to_string(bytes) + " B";
  double value = double(bytes);
  int unit = -1;
  while (value >= 1024 && unit < 3) {
    value /= 1024;
    ++unit;
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format(value < 10 ? "%.2f %s" : "%.1f %s", value, units[unit]);
  return text;
}

//===----------------------------------------------------------------------===//
// Activation statistics
//===----------------------------------------------------------------------===//

static int64_t vectorSize(Value value) {
  return cast<RankedTensorType>(value.getType()).getDimSize(0);
}

ActivationStatsCollector::ActivationStatsCollector(ModelOp model)
    : model(model) {
  for (Operation &op : model.getBodyBlock()) {
    for (Value operand : op.getOperands()) {
      auto [it, inserted] = valueIndex.try_emplace(operand, values.size());
      if (!inserted)
        continue;
      values.push_back(operand);
      valueCounters.push_back(
          Counter{std::vector<int64_t>(vectorSize(operand), 0)});
    }
    if (auto rec = dyn_cast<DiagRecurrenceOp>(op)) {
      int64_t n = vectorSize(rec.getStateRe());
      recurrences.push_back(Recurrence{rec, std::vector<double>(n, 0.0),
                                       std::vector<double>(n, 0.0),
                                       Counter{std::vector<int64_t>(n, 0)},
                                       Counter{std::vector<int64_t>(n, 0)}});
    }
  }
}

void ActivationStatsCollector::count(Counter &counter, ArrayRef<double> values) {
  size_t n = std::min(counter.nonZero.size(), values.size());
  for (size_t i = 0; i < n; ++i)
    counter.nonZero[i] += values[i] != 0.0;
}

void ActivationStatsCollector::addStep(
    llvm::function_ref<ArrayRef<double>(Value)> valueOf) {
  ++steps;
  for (size_t v = 0; v < values.size(); ++v)
    count(valueCounters[v], valueOf(values[v]));
  // The state a recurrence reads is the one it wrote the step before.
  for (Recurrence &rec : recurrences) {
    count(rec.re, rec.previousRe);
    count(rec.im, rec.previousIm);
    ArrayRef<double> re = valueOf(rec.op.getStateRe());
    ArrayRef<double> im = valueOf(rec.op.getStateIm());
    std::copy_n(re.begin(), std::min(re.size(), rec.previousRe.size()),
                rec.previousRe.begin());
    std::copy_n(im.begin(), std::min(im.size(), rec.previousIm.size()),
                rec.previousIm.begin());
  }
}

ActivationStats ActivationStatsCollector::getStats() const {
  auto toStats = [&](const Counter &counter) {
    VectorStats stats;
    int64_t nonZero = 0;
    for (int64_t c : counter.nonZero) {
      stats.nonZeroFraction.push_back(steps ? double(c) / double(steps) : 0.0);
      nonZero += c;
    }
    int64_t total = steps * static_cast<int64_t>(counter.nonZero.size());
    stats.zeroFraction =
        total > 0 ? double(total - nonZero) / double(total) : 0.0;
    return stats;
  };
  ActivationStats result;
  result.modelName = model.getSymName().str();
  result.steps = steps;
  size_t recurrence = 0;
  for (auto [index, op] : llvm::enumerate(model.getBodyBlock())) {
    OpStats opStats;
    opStats.index = static_cast<int64_t>(index);
    opStats.opName = op.getName().getStringRef().str();
    opStats.locName = getLocationName(op.getLoc());
    for (Value operand : op.getOperands())
      opStats.operands.push_back(toStats(valueCounters[valueIndex.at(operand)]));
    if (isa<DiagRecurrenceOp>(op)) {
      const Recurrence &rec = recurrences[recurrence++];
      opStats.state.push_back(toStats(rec.re));
      opStats.state.push_back(toStats(rec.im));
    }
    result.ops.push_back(std::move(opStats));
  }
  return result;
}

static constexpr const char *kStatsFormat = "lrnn-activation-stats/1";

static void writeVectorStats(llvm::json::OStream &json,
                             const VectorStats &stats) {
  json.object([&] {
    json.attribute("size", stats.size());
    json.attribute("zero_fraction", stats.zeroFraction);
    json.attributeArray("nonzero_fraction", [&] {
      for (double f : stats.nonZeroFraction)
        json.value(f);
    });
  });
}

void lrnn::writeActivationStats(const ActivationStats &stats,
                                llvm::raw_ostream &os) {
  // One line per op: readable in a text viewer, and diffs stay local.
  os << "{\n  \"format\": " << llvm::json::Value(kStatsFormat)
     << ",\n  \"model\": " << llvm::json::Value(stats.modelName)
     << ",\n  \"steps\": " << stats.steps << ",\n  \"ops\": [";
  for (auto [i, op] : llvm::enumerate(stats.ops)) {
    os << (i ? ",\n    " : "\n    ");
    llvm::json::OStream json(os); // Compact.
    json.object([&] {
      json.attribute("index", op.index);
      json.attribute("op", op.opName);
      json.attribute("loc", op.locName);
      json.attributeArray("operands", [&] {
        for (const VectorStats &v : op.operands)
          writeVectorStats(json, v);
      });
      if (!op.state.empty())
        json.attributeArray("state", [&] {
          for (const VectorStats &v : op.state)
            writeVectorStats(json, v);
        });
    });
  }
  os << "\n  ]\n}\n";
}

namespace {
/// Reads the statistics JSON, reporting the path of the first bad key.
class StatsParser {
public:
  explicit StatsParser(StringRef name) : name(name) {}

  llvm::Expected<ActivationStats> parse(StringRef text) {
    llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(text);
    if (!parsed)
      return makeError(name + ": malformed JSON: " +
                       llvm::toString(parsed.takeError()));
    const llvm::json::Object *root = parsed->getAsObject();
    if (!root)
      return error("", "must be a JSON object");
    ActivationStats stats;
    std::optional<StringRef> format = root->getString("format");
    if (!format || *format != kStatsFormat)
      return error("format", Twine("must be \"") + kStatsFormat +
                                 "\" (not an lrnn-run --stats file?)");
    std::optional<StringRef> model = root->getString("model");
    if (!model)
      return error("model", "missing or not a string");
    stats.modelName = model->str();
    std::optional<int64_t> steps = root->getInteger("steps");
    if (!steps || *steps < 1)
      return error("steps", "missing or not a positive integer");
    stats.steps = *steps;
    const llvm::json::Array *ops = root->getArray("ops");
    if (!ops)
      return error("ops", "missing or not an array");
    for (auto [i, value] : llvm::enumerate(*ops)) {
      std::string path = "ops[" + std::to_string(i) + "]";
      const llvm::json::Object *op = value.getAsObject();
      if (!op)
        return error(path, "must be an object");
      OpStats opStats;
      std::optional<int64_t> index = op->getInteger("index");
      if (!index || *index != static_cast<int64_t>(i))
        return error(path + ".index", "missing or not " + Twine(i));
      opStats.index = *index;
      std::optional<StringRef> opName = op->getString("op");
      if (!opName)
        return error(path + ".op", "missing or not a string");
      opStats.opName = opName->str();
      if (std::optional<StringRef> loc = op->getString("loc"))
        opStats.locName = loc->str();
      if (auto err = vectors(*op, "operands", path, /*required=*/true,
                             opStats.operands))
        return std::move(err);
      if (auto err = vectors(*op, "state", path, /*required=*/false,
                             opStats.state))
        return std::move(err);
      stats.ops.push_back(std::move(opStats));
    }
    return stats;
  }

private:
  llvm::Error error(const Twine &path, const Twine &reason) {
    if (path.isTriviallyEmpty())
      return makeError(name + ": " + reason);
    return makeError(name + ": " + path + ": " + reason);
  }

  static bool isFraction(std::optional<double> v) {
    return v && std::isfinite(*v) && *v >= 0.0 && *v <= 1.0;
  }

  llvm::Error vectors(const llvm::json::Object &op, StringRef key,
                      const std::string &opPath, bool required,
                      std::vector<VectorStats> &out) {
    const llvm::json::Value *value = op.get(key);
    if (!value) {
      if (required)
        return error(opPath + "." + key, "missing");
      return llvm::Error::success();
    }
    const llvm::json::Array *array = value->getAsArray();
    if (!array)
      return error(opPath + "." + key, "must be an array");
    for (auto [j, element] : llvm::enumerate(*array)) {
      std::string path = opPath + "." + key.str() + "[" + std::to_string(j) + "]";
      const llvm::json::Object *object = element.getAsObject();
      if (!object)
        return error(path, "must be an object");
      VectorStats stats;
      std::optional<double> zero = object->getNumber("zero_fraction");
      if (!isFraction(zero))
        return error(path + ".zero_fraction", "missing or not in [0, 1]");
      stats.zeroFraction = *zero;
      const llvm::json::Array *fractions = object->getArray("nonzero_fraction");
      if (!fractions)
        return error(path + ".nonzero_fraction", "missing or not an array");
      for (auto [k, f] : llvm::enumerate(*fractions)) {
        std::optional<double> v = f.getAsNumber();
        if (!isFraction(v))
          return error(path + ".nonzero_fraction[" + Twine(k) + "]",
                       "not a number in [0, 1]");
        stats.nonZeroFraction.push_back(*v);
      }
      std::optional<int64_t> size = object->getInteger("size");
      if (size && *size != stats.size())
        return error(path + ".size", Twine(*size) + " disagrees with the " +
                                         Twine(stats.size()) +
                                         " fractions of nonzero_fraction");
      out.push_back(std::move(stats));
    }
    return llvm::Error::success();
  }

  std::string name;
};
} // namespace

llvm::Expected<ActivationStats> lrnn::parseActivationStats(StringRef json,
                                                           StringRef name) {
  return StatsParser(name).parse(json);
}

llvm::Expected<ActivationStats> lrnn::readActivationStats(StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return makeError(path + ": cannot open: " + buffer.getError().message());
  return parseActivationStats((*buffer)->getBuffer(), path);
}

llvm::Error lrnn::checkActivationStats(const ActivationStats &stats,
                                       ModelOp model, StringRef name) {
  auto mismatch = [&](const Twine &reason) {
    return makeError(name + ": statistics do not match model @" +
                     model.getSymName() + ": " + reason);
  };
  Block &body = model.getBodyBlock();
  size_t numOps = std::distance(body.begin(), body.end());
  if (stats.ops.size() != numOps)
    return mismatch("they have " + Twine(stats.ops.size()) +
                    " ops, the model body " + Twine(numOps));
  for (auto [index, op] : llvm::enumerate(body)) {
    const OpStats &opStats = stats.ops[index];
    StringRef opName = op.getName().getStringRef();
    if (opStats.opName != opName)
      return mismatch("op " + Twine(index) + " is '" + opStats.opName +
                      "' there, '" + opName + "' in the model");
    if (opStats.operands.size() != op.getNumOperands())
      return mismatch("op " + Twine(index) + " ('" + opName + "') has " +
                      Twine(opStats.operands.size()) + " operands there, " +
                      Twine(op.getNumOperands()) + " in the model");
    for (auto [j, operand] : llvm::enumerate(op.getOperands()))
      if (opStats.operands[j].size() != vectorSize(operand))
        return mismatch("operand " + Twine(j) + " of op " + Twine(index) +
                        " ('" + opName + "') has " +
                        Twine(opStats.operands[j].size()) +
                        " elements there, " + Twine(vectorSize(operand)) +
                        " in the model");
    if (auto rec = dyn_cast<DiagRecurrenceOp>(op)) {
      int64_t n = vectorSize(rec.getStateRe());
      if (opStats.state.size() != 2 || opStats.state[0].size() != n ||
          opStats.state[1].size() != n)
        return mismatch("op " + Twine(index) + " ('" + opName +
                        "') needs the statistics of its 2 state vectors of " +
                        Twine(n) + " elements");
    }
  }
  return llvm::Error::success();
}

//===----------------------------------------------------------------------===//
// Costs
//===----------------------------------------------------------------------===//

Cost &Cost::operator+=(const Cost &other) {
  params += other.params;
  nnz += other.nnz;
  denseMacs += other.denseMacs;
  effectiveMacs += other.effectiveMacs;
  if (other.effectiveMacsWithActivations)
    effectiveMacsWithActivations =
        effectiveMacsWithActivations.value_or(0.0) +
        *other.effectiveMacsWithActivations;
  adds += other.adds;
  otherOps += other.otherOps;
  nonlinearOps += other.nonlinearOps;
  bytesDenseF32 += other.bytesDenseF32;
  bytesSparse += other.bytesSparse;
  stateBytes += other.stateBytes;
  return *this;
}

namespace {
/// A weight matrix as the cost rules need it.
struct MatrixInfo {
  int64_t rows = 0, cols = 0, nnz = 0;
  std::vector<int64_t> columnNonZeros; ///< Non-zeros of each column.
};

/// Counts the costs of one op into an OpCost.
class OpCounter {
public:
  OpCounter(OpCost &cost, const OpStats *stats) : cost(cost), stats(stats) {}

  LogicalResult count(Operation *op);

private:
  /// P(element i of operand j != 0) per step; nullptr without statistics.
  const std::vector<double> *probabilities(unsigned operand) const {
    return stats ? &stats->operands[operand].nonZeroFraction : nullptr;
  }

  void addActivationMacs(double macs) {
    cost.effectiveMacsWithActivations =
        cost.effectiveMacsWithActivations.value_or(0.0) + macs;
  }

  /// A stored matrix: parameters, non-zeros, bytes.
  FailureOr<MatrixInfo> matrix(Operation *op, StringRef name) {
    Attribute weight = op->getAttr(name);
    FailureOr<CsrMatrix> csr = readWeight(weight);
    if (failed(csr))
      return op->emitOpError() << name << ": weight data is unavailable";
    MatrixInfo info;
    info.rows = csr->rows;
    info.cols = csr->cols;
    info.columnNonZeros.assign(info.cols, 0);
    for (size_t k = 0; k < csr->values.size(); ++k)
      if (csr->values[k] != 0.0) {
        ++info.nnz;
        ++info.columnNonZeros[csr->colIndex[k]];
      }
    Type elementType;
    if (auto sparse = dyn_cast<SparseMatrixAttr>(weight))
      elementType = sparse.getValues().getElementType();
    else
      elementType = cast<ElementsAttr>(weight).getElementType();
    int64_t elementBytes = getElementBytes(elementType);
    WeightCost w;
    w.name = name.str();
    w.rows = info.rows;
    w.cols = info.cols;
    w.nnz = info.nnz;
    w.bytesDenseF32 = 4 * info.rows * info.cols;
    int64_t denseBytes = elementBytes * info.rows * info.cols;
    int64_t csrBytes = getCsrBytes(info.rows, info.cols, info.nnz, elementBytes);
    w.csr = csrBytes < denseBytes;
    w.bytesSparse = std::min(denseBytes, csrBytes);
    cost.params += info.rows * info.cols;
    cost.nnz += info.nnz;
    cost.bytesDenseF32 += w.bytesDenseF32;
    cost.bytesSparse += w.bytesSparse;
    cost.weights.push_back(std::move(w));
    return info;
  }

  /// A stored constant vector (bias, Λ̄, D, batch-norm statistics); absent
  /// optional vectors cost nothing.
  FailureOr<std::vector<float>> vector(Operation *op, StringRef name) {
    auto attr = op->getAttrOfType<ElementsAttr>(name);
    if (!attr)
      return std::vector<float>();
    FailureOr<std::vector<float>> values = failure();
    if (attr.getElementType().isF32()) {
      values = readF32Elements(attr);
    } else if (auto codes = readIntElements(attr); succeeded(codes)) {
      // Integer codes of quantised ops: only their zero pattern matters.
      values = std::vector<float>(codes->begin(), codes->end());
    }
    if (failed(values))
      return op->emitOpError() << name << ": data is unavailable";
    int64_t n = static_cast<int64_t>(values->size());
    cost.params += n;
    cost.nnz += llvm::count_if(*values, [](float v) { return v != 0.0f; });
    cost.bytesDenseF32 += 4 * n;
    // Vectors are stored dense: every element is read every step.
    cost.bytesSparse += getElementBytes(attr.getElementType()) * n;
    return values;
  }

  /// MACs of `W x` for a stored matrix applied to operand `operand`.
  void matrixMacs(const MatrixInfo &m, unsigned operand) {
    cost.denseMacs += m.rows * m.cols;
    cost.effectiveMacs += m.nnz;
    if (const std::vector<double> *p = probabilities(operand)) {
      double macs = 0;
      for (int64_t c = 0; c < m.cols; ++c)
        macs += double(m.columnNonZeros[c]) * (*p)[c];
      addActivationMacs(macs);
    }
  }

  /// One MAC per element of `x * factor[i]`: skipped where the constant is
  /// zero, and with statistics where the input element is zero.
  void diagonalMacs(ArrayRef<float> factor, unsigned operand) {
    int64_t n = static_cast<int64_t>(factor.size());
    cost.denseMacs += n;
    cost.effectiveMacs += llvm::count_if(factor, [](float v) { return v != 0; });
    if (const std::vector<double> *p = probabilities(operand)) {
      double macs = 0;
      for (int64_t i = 0; i < n; ++i)
        if (factor[i] != 0.0f)
          macs += (*p)[i];
      addActivationMacs(macs);
    }
  }

  /// MACs that have no constant operand (a product of two activations): the
  /// same in every column.
  void activationProductMacs(int64_t n) {
    cost.denseMacs += n;
    cost.effectiveMacs += n;
    if (stats)
      addActivationMacs(double(n));
  }

  LogicalResult countElementwise(ElementwiseOp op);

  OpCost &cost;
  const OpStats *stats;
};
} // namespace

LogicalResult OpCounter::countElementwise(ElementwiseOp op) {
  int64_t n = vectorSize(op.getResult(0));
  Block &body = op.getBody().front();
  auto constantValue = [](Value v) -> std::optional<double> {
    if (auto c = v.getDefiningOp<arith::ConstantOp>())
      if (auto f = dyn_cast<FloatAttr>(c.getValue()))
        return f.getValueAsDouble();
    return std::nullopt;
  };
  for (Operation &inner : body) {
    if (isa<YieldOp, arith::ConstantOp>(inner))
      continue;
    if (auto mul = dyn_cast<arith::MulFOp>(inner)) {
      std::optional<double> lhs = constantValue(mul.getLhs());
      std::optional<double> rhs = constantValue(mul.getRhs());
      if (!lhs && !rhs) {
        activationProductMacs(n);
        continue;
      }
      // A product with a constant is a MAC with a weight.
      cost.denseMacs += n;
      if ((lhs && *lhs == 0.0) || (rhs && *rhs == 0.0))
        continue;
      cost.effectiveMacs += n;
      if (!stats)
        continue;
      Value other = lhs ? mul.getRhs() : mul.getLhs();
      auto arg = dyn_cast<BlockArgument>(other);
      if (lhs && rhs) {
        addActivationMacs(double(n));
      } else if (arg && arg.getOwner() == &body) {
        // The activation is an input of the op: its statistics apply.
        const std::vector<double> &p =
            stats->operands[arg.getArgNumber()].nonZeroFraction;
        double macs = 0;
        for (double f : p)
          macs += f;
        addActivationMacs(macs);
      } else {
        addActivationMacs(double(n));
      }
      continue;
    }
    enum class Kind { Add, Other, Nonlinear, Unknown };
    Kind kind = llvm::TypeSwitch<Operation *, Kind>(&inner)
                    .Case<arith::AddFOp, arith::SubFOp>(
                        [](Operation *) { return Kind::Add; })
                    .Case<arith::NegFOp, arith::MaximumFOp, arith::MinimumFOp,
                          arith::CmpFOp, arith::SelectOp>(
                        [](Operation *) { return Kind::Other; })
                    .Case<arith::DivFOp, math::ExpOp, math::TanhOp,
                          math::ErfOp, math::SqrtOp>(
                        [](Operation *) { return Kind::Nonlinear; })
                    .Default([](Operation *) { return Kind::Unknown; });
    switch (kind) {
    case Kind::Add:
      cost.adds += n;
      break;
    case Kind::Other:
      cost.otherOps += n;
      break;
    case Kind::Nonlinear:
      cost.nonlinearOps += n;
      break;
    case Kind::Unknown:
      return op.emitOpError() << "cost model: cannot count '"
                              << inner.getName() << "' in the body";
    }
  }
  return success();
}

LogicalResult OpCounter::count(Operation *op) {
  // Integer ops cost what their float counterparts cost, with their own
  // element sizes (1-byte weights, 2-byte biases and Λ̄, narrow states).
  if (isa<ProjectOp, QProjectOp>(op)) {
    auto w = matrix(op, "weight");
    if (failed(w) || failed(vector(op, "bias")))
      return failure();
    matrixMacs(*w, 0);
    return success();
  }
  if (auto fused = dyn_cast<FusedProjectOp>(op)) {
    auto w = matrix(op, "weight");
    if (failed(w) || failed(vector(op, "bias")))
      return failure();
    matrixMacs(*w, 0);
    return success();
  }
  if (isa<ComplexProjectOp, QComplexProjectOp>(op)) {
    auto re = matrix(op, "weight_re");
    if (failed(re))
      return failure();
    auto im = matrix(op, "weight_im");
    if (failed(im) || failed(vector(op, "bias_re")) ||
        failed(vector(op, "bias_im")))
      return failure();
    matrixMacs(*re, 0);
    matrixMacs(*im, 0);
    return success();
  }
  if (isa<ComplexReadoutOp, QComplexReadoutOp>(op)) {
    // κ is folded into C̃ by any implementation: it costs nothing.
    auto re = matrix(op, "weight_re");
    if (failed(re))
      return failure();
    auto im = matrix(op, "weight_im");
    if (failed(im))
      return failure();
    matrixMacs(*re, 0);
    matrixMacs(*im, 1);
    return success();
  }
  if (isa<DiagRecurrenceOp, QDiagRecurrenceOp>(op)) {
    auto lr = vector(op, "lambda_re");
    if (failed(lr))
      return failure();
    auto li = vector(op, "lambda_im");
    if (failed(li))
      return failure();
    int64_t n = static_cast<int64_t>(lr->size());
    // x_re = v_re + λ_re x_re - λ_im x_im and x_im = v_im + λ_re x_im +
    // λ_im x_re: four MACs that start from v, each skipped when its λ part
    // is zero (or, with statistics, the state part it reads is zero).
    cost.denseMacs += 4 * n;
    for (int64_t k = 0; k < n; ++k)
      cost.effectiveMacs += 2 * (((*lr)[k] != 0.0f) + ((*li)[k] != 0.0f));
    if (stats) {
      const std::vector<double> &pr = stats->state[0].nonZeroFraction;
      const std::vector<double> &pi = stats->state[1].nonZeroFraction;
      double macs = 0;
      for (int64_t k = 0; k < n; ++k)
        macs += double(((*lr)[k] != 0.0f) + ((*li)[k] != 0.0f)) *
                (pr[k] + pi[k]);
      addActivationMacs(macs);
    }
    Type elementType =
        cast<RankedTensorType>(op->getResult(0).getType()).getElementType();
    cost.stateBytes += 2 * getElementBytes(elementType) * n;
    return success();
  }
  if (isa<ScaleOp, QScaleOp>(op)) {
    auto factor = vector(op, "factor");
    if (failed(factor) || failed(vector(op, "bias")))
      return failure();
    diagonalMacs(*factor, 0);
    return success();
  }
  if (isa<BatchNormOp>(op)) {
    // Folded to x * a + c with a = scale / sqrt(var + eps): one MAC per
    // element, zero where scale is zero. ε is a hyper-parameter.
    auto scale = vector(op, "scale");
    if (failed(scale) || failed(vector(op, "bias")) ||
        failed(vector(op, "mean")) || failed(vector(op, "var")))
      return failure();
    diagonalMacs(*scale, 0);
    return success();
  }
  if (isa<MulOp, QMulOp>(op)) {
    activationProductMacs(vectorSize(op->getResult(0)));
    return success();
  }
  if (isa<AddOp, QAddOp>(op)) {
    cost.adds += vectorSize(op->getResult(0));
    return success();
  }
  if (isa<ReluOp, QReluOp>(op)) {
    cost.otherOps += vectorSize(op->getResult(0));
    return success();
  }
  if (isa<CReluOp, QCReluOp>(op)) {
    // One lexicographic test per complex element decides both parts.
    cost.otherOps += vectorSize(op->getResult(0));
    return success();
  }
  if (isa<QLutOp>(op)) {
    // Like sigmoid and gelu: the table is part of the program, not a
    // parameter of the model.
    cost.nonlinearOps += vectorSize(op->getResult(0));
    return success();
  }
  if (isa<SigmoidOp, GeluOp>(op)) {
    cost.nonlinearOps += vectorSize(op->getResult(0));
    return success();
  }
  if (auto elementwise = dyn_cast<ElementwiseOp>(op))
    return countElementwise(elementwise);
  return op->emitOpError() << "cost model: unknown op";
}

FailureOr<ModelCost> lrnn::computeModelCost(ModelOp model,
                                            const ActivationStats *stats) {
  // Callers check with the file name for a better message; this only keeps
  // mismatched statistics from being indexed out of range.
  if (stats) {
    if (auto err = checkActivationStats(*stats, model, "activation statistics"))
      return model.emitOpError() << llvm::toString(std::move(err));
  }
  ModelCost result;
  result.name = model.getSymName().str();
  result.inputSize = model.getInputType().getDimSize(0);
  result.outputSize = model.getOutputType().getDimSize(0);
  result.numRecurrences = static_cast<int64_t>(
      llvm::count_if(model.getBodyBlock(), [](Operation &op) {
        return isa<DiagRecurrenceOp, QDiagRecurrenceOp>(op);
      }));
  result.numStates = model.getNumStates();
  if (stats)
    result.statsSteps = stats->steps;
  // Totals carry the activation column whenever statistics were given, even
  // for a model without MACs.
  if (stats)
    result.totals.effectiveMacsWithActivations = 0.0;
  for (auto [index, op] : llvm::enumerate(model.getBodyBlock())) {
    if (isa<OutputOp>(op))
      continue;
    OpCost cost;
    cost.op = &op;
    cost.index = static_cast<int64_t>(index);
    cost.opName = op.getName().getStringRef().str();
    cost.locName = getLocationName(op.getLoc());
    for (Value r : op.getResults())
      cost.resultShapes.emplace_back(
          cast<RankedTensorType>(r.getType()).getShape());
    const OpStats *opStats = stats ? &stats->ops[index] : nullptr;
    if (opStats) {
      cost.effectiveMacsWithActivations = 0.0;
      // Zero fraction over all input elements of the op, size-weighted.
      int64_t elements = 0;
      double zeroElements = 0;
      for (const VectorStats &v : opStats->operands) {
        elements += v.size();
        zeroElements += v.zeroFraction * double(v.size());
      }
      if (elements > 0)
        cost.inputZeroFraction = zeroElements / double(elements);
    }
    if (failed(OpCounter(cost, opStats).count(&op)))
      return failure();
    result.totals += cost;
    result.ops.push_back(std::move(cost));
  }
  return result;
}

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

static std::string formatDouble(double value, int decimals) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format("%.*f", decimals, value);
  return text;
}

void lrnn::printCostReportText(ArrayRef<ModelCost> models,
                               llvm::raw_ostream &os) {
  if (models.empty()) {
    os << "lrnn cost report: no lrnn.model\n";
    return;
  }
  for (const ModelCost &model : models) {
    bool withStats = model.statsSteps.has_value();
    os << "lrnn cost report: @" << model.name << ": " << model.inputSize
       << " -> " << model.outputSize << ", " << model.numRecurrences
       << " recurrences, " << model.numStates << " complex states";
    if (withStats)
      os << ", activation statistics of " << *model.statsSteps << " steps";
    os << "\n";

    std::vector<std::string> header = {"#",          "op",       "location",
                                       "params",     "nnz",      "dense-MACs",
                                       "eff-MACs"};
    if (withStats) {
      header.push_back("in-zero%");
      header.push_back("eff-MACs-act");
    }
    for (const char *h : {"adds+ops", "nonlin", "bytes-f32", "bytes-sparse"})
      header.push_back(h);
    // Left-aligned text columns; the rest are numbers.
    auto isText = [](size_t column) { return column == 1 || column == 2; };

    auto numbers = [&](const Cost &c, std::optional<double> zero,
                       std::vector<std::string> &row) {
      row.push_back(std::to_string(c.params));
      row.push_back(std::to_string(c.nnz));
      row.push_back(std::to_string(c.denseMacs));
      row.push_back(std::to_string(c.effectiveMacs));
      if (withStats) {
        row.push_back(zero ? formatDouble(100.0 * *zero, 1) : "");
        row.push_back(formatDouble(c.effectiveMacsWithActivations.value_or(0), 1));
      }
      row.push_back(std::to_string(c.adds + c.otherOps));
      row.push_back(std::to_string(c.nonlinearOps));
      row.push_back(std::to_string(c.bytesDenseF32));
      row.push_back(std::to_string(c.bytesSparse));
    };
    std::vector<std::vector<std::string>> rows = {header};
    for (const OpCost &op : model.ops) {
      std::vector<std::string> row = {std::to_string(op.index),
                                      StringRef(op.opName).starts_with("lrnn.")
                                          ? op.opName.substr(5)
                                          : op.opName,
                                      op.locName.empty() ? "-" : op.locName};
      numbers(op, op.inputZeroFraction, row);
      rows.push_back(std::move(row));
    }
    std::vector<std::string> total = {"", "total", ""};
    numbers(model.totals, std::nullopt, total);
    rows.push_back(std::move(total));

    std::vector<size_t> widths(header.size(), 0);
    for (const auto &row : rows)
      for (size_t c = 0; c < row.size(); ++c)
        widths[c] = std::max(widths[c], row[c].size());
    for (const auto &row : rows) {
      std::string line;
      for (size_t c = 0; c < row.size(); ++c) {
        std::string pad(widths[c] - row[c].size(), ' ');
        line += c ? "  " : "";
        line += isText(c) ? row[c] + pad : pad + row[c];
      }
      os << StringRef(line).rtrim() << "\n";
    }

    const Cost &t = model.totals;
    os << "parameters: dense f32 " << t.bytesDenseF32 << " B ("
       << formatBytes(t.bytesDenseF32) << "), sparse " << t.bytesSparse
       << " B (" << formatBytes(t.bytesSparse) << "); state " << t.stateBytes
       << " B (" << formatBytes(t.stateBytes) << ")\n";
    os << "footprint (parameters + state): dense f32 "
       << t.bytesDenseF32 + t.stateBytes << " B ("
       << formatBytes(t.bytesDenseF32 + t.stateBytes) << "), sparse "
       << t.bytesSparse + t.stateBytes << " B ("
       << formatBytes(t.bytesSparse + t.stateBytes) << ")\n";
  }
}

static void writeCostFields(llvm::json::OStream &json, const Cost &c,
                            bool withStats) {
  json.attribute("params", c.params);
  json.attribute("nnz", c.nnz);
  json.attribute("dense_macs", c.denseMacs);
  json.attribute("effective_macs", c.effectiveMacs);
  if (withStats)
    json.attribute("effective_macs_with_activations",
                   c.effectiveMacsWithActivations.value_or(0.0));
  json.attribute("adds", c.adds);
  json.attribute("other_ops", c.otherOps);
  json.attribute("nonlinear_ops", c.nonlinearOps);
  json.attribute("bytes_dense_f32", c.bytesDenseF32);
  json.attribute("bytes_sparse", c.bytesSparse);
  json.attribute("state_bytes", c.stateBytes);
}

void lrnn::printCostReportJson(ArrayRef<ModelCost> models, StringRef statsFile,
                               llvm::raw_ostream &os) {
  llvm::json::OStream json(os, /*IndentSize=*/2);
  json.object([&] {
    json.attribute("format", "lrnn-cost-report/1");
    if (statsFile.empty())
      json.attribute("activation_stats", nullptr);
    else
      json.attribute("activation_stats", statsFile);
    json.attributeArray("models", [&] {
      for (const ModelCost &model : models) {
        bool withStats = model.statsSteps.has_value();
        json.object([&] {
          json.attribute("name", model.name);
          json.attribute("input_size", model.inputSize);
          json.attribute("output_size", model.outputSize);
          json.attribute("recurrences", model.numRecurrences);
          json.attribute("states", model.numStates);
          if (withStats)
            json.attribute("activation_steps", *model.statsSteps);
          json.attributeArray("ops", [&] {
            for (const OpCost &op : model.ops)
              json.object([&] {
                json.attribute("index", op.index);
                json.attribute("op", op.opName);
                json.attribute("loc", op.locName);
                json.attributeArray("result_shapes", [&] {
                  for (const auto &shape : op.resultShapes)
                    json.array([&] {
                      for (int64_t d : shape)
                        json.value(d);
                    });
                });
                writeCostFields(json, op, withStats);
                if (op.inputZeroFraction)
                  json.attribute("input_zero_fraction", *op.inputZeroFraction);
                json.attributeArray("weights", [&] {
                  for (const WeightCost &w : op.weights)
                    json.object([&] {
                      json.attribute("name", w.name);
                      json.attributeArray("shape", [&] {
                        json.value(w.rows);
                        json.value(w.cols);
                      });
                      json.attribute("nnz", w.nnz);
                      json.attribute("bytes_dense_f32", w.bytesDenseF32);
                      json.attribute("bytes_sparse", w.bytesSparse);
                      json.attribute("sparse_format", w.csr ? "csr" : "dense");
                    });
                });
              });
          });
          json.attributeObject("totals", [&] {
            writeCostFields(json, model.totals, withStats);
            json.attribute("footprint_dense_f32",
                           model.totals.bytesDenseF32 + model.totals.stateBytes);
            json.attribute("footprint_sparse",
                           model.totals.bytesSparse + model.totals.stateBytes);
          });
        });
      }
    });
  });
  os << "\n";
}
