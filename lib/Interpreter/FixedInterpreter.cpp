//===- FixedInterpreter.cpp - Integer interpreter of quantised models -----===//
//
// One closure per op over int64_t code buffers, as the float Interpreter.
// Each closure computes its op exactly as docs/fixed-point.md §4/§5 write
// it, with the primitives of FixedPoint.h; constants are read and aligned
// once, in create(). Sums are exact (the verifier bounds every intermediate
// below 2^(A-1) <= 2^61), so zero weights are skipped and the order of
// accumulation does not matter.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Interpreter/FixedInterpreter.h"
#include "lrnn/Analysis/CostModel.h"
#include "lrnn/Dialect/LRNN/IR/FixedPoint.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Support/Npy.h"

#include <cmath>

using namespace mlir;
using namespace lrnn;

bool lrnn::isQuantizedModel(ModelOp model) {
  return isa<FixedType>(model.getInputType().getElementType());
}

namespace {
/// A weight of integer codes in CSR form, zero codes dropped.
struct CodeMatrix {
  int64_t rows = 0, cols = 0;
  std::vector<int64_t> rowStart;
  std::vector<int32_t> colIndex;
  std::vector<int64_t> codes;
};

/// acc[r] (+)= sign · Σ_k W[r, k] · x[k], exact.
static void accumulate(const CodeMatrix &w, const int64_t *x, int64_t *acc,
                       int64_t sign) {
  for (int64_t r = 0; r < w.rows; ++r) {
    int64_t sum = 0;
    for (int64_t i = w.rowStart[r]; i < w.rowStart[r + 1]; ++i)
      sum += w.codes[i] * x[w.colIndex[i]];
    acc[r] += sign * sum;
  }
}

/// Exponent and width of a fixed-point vector value.
struct Format {
  unsigned width;
  int exponent;
};
static Format formatOf(Value value) {
  FixedType type = getFixedType(value);
  return {type.getWidth(), type.getExponent()};
}

/// Builds the closure program of a FixedInterpreter from a model body.
class FixedProgramBuilder {
public:
  FixedProgramBuilder(std::vector<std::vector<int64_t>> &buffers,
                      std::vector<std::vector<int64_t>> &states,
                      unsigned accumulatorBits)
      : buffers(buffers), states(states), accumulatorBits(accumulatorBits) {}

  /// The buffer of `value`, created on first use.
  size_t slot(Value value) {
    auto [it, inserted] = slots.try_emplace(value, buffers.size());
    if (inserted)
      buffers.emplace_back(
          cast<RankedTensorType>(value.getType()).getDimSize(0));
    return it->second;
  }

  /// The closure of `op`, which adds its saturations to `*count`.
  llvm::Expected<std::function<void()>> build(Operation *op, int64_t *count);

  llvm::DenseMap<Value, size_t> takeSlots() { return std::move(slots); }

private:
  int64_t *data(Value value) { return buffers[slot(value)].data(); }
  size_t sizeOf(Value value) { return buffers[slot(value)].size(); }

  static llvm::Error error(Operation *op, const Twine &what) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'" + op->getName().getStringRef() +
                                       "': " + what);
  }
  static llvm::Error unsupported(Operation *op, StringRef why) {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "'" + op->getName().getStringRef() +
            "' is not supported by the integer interpreter" + why);
  }
  static llvm::Error unavailable(Operation *op, StringRef what) {
    return error(op, what + " data is unavailable");
  }

  llvm::Expected<std::vector<int64_t>> codes(Operation *op, ElementsAttr attr,
                                             StringRef what) {
    auto values = readIntElements(attr);
    if (failed(values))
      return unavailable(op, what);
    return std::move(*values);
  }

  /// The bias codes aligned to the accumulator exponent (an exact left
  /// shift: the verifier requires biasExp <= accExp), or zeros when absent.
  llvm::Expected<std::vector<int64_t>>
  alignedBias(Operation *op, ElementsAttr bias, std::optional<int32_t> biasExp,
              int accExp, int64_t rows, StringRef what) {
    if (!bias)
      return std::vector<int64_t>(rows, 0);
    auto values = codes(op, bias, what);
    if (!values)
      return values.takeError();
    if (!biasExp || *biasExp > accExp)
      return error(op, what + " exponent must not exceed the accumulator's " +
                           Twine(accExp));
    for (int64_t &q : *values)
      q = fixed::rescale(q, *biasExp - accExp);
    return values;
  }

  llvm::Expected<std::shared_ptr<CodeMatrix>> matrix(Operation *op,
                                                     Attribute weight,
                                                     StringRef what) {
    auto csr = readWeight(weight);
    if (failed(csr))
      return unavailable(op, what);
    auto m = std::make_shared<CodeMatrix>();
    m->rows = csr->rows;
    m->cols = csr->cols;
    m->rowStart.push_back(0);
    for (int64_t r = 0; r < csr->rows; ++r) {
      for (int64_t i = csr->rowStart[r]; i < csr->rowStart[r + 1]; ++i) {
        double v = csr->values[i];
        // Codes are verified integers of at most 32 bits.
        if (v != std::trunc(v) || std::fabs(v) >= 2147483648.0)
          return error(op, what + " holds a non-integer code");
        if (v == 0)
          continue;
        m->colIndex.push_back(csr->colIndex[i]);
        m->codes.push_back(static_cast<int64_t>(v));
      }
      m->rowStart.push_back(static_cast<int64_t>(m->codes.size()));
    }
    return m;
  }

  /// One qproject-like accumulator: y = narrow(W x + aligned bias).
  llvm::Expected<std::function<void()>>
  projection(Operation *op, Value input, Attribute weight, int weightExp,
             ElementsAttr bias, std::optional<int32_t> biasExp, Value result,
             StringRef weightName, StringRef biasName, int64_t *count) {
    auto w = matrix(op, weight, weightName);
    if (!w)
      return w.takeError();
    Format x = formatOf(input), y = formatOf(result);
    int accExp = weightExp + x.exponent;
    auto b = alignedBias(op, bias, biasExp, accExp, w.get()->rows, biasName);
    if (!b)
      return b.takeError();
    const int64_t *in = data(input);
    int64_t *out = data(result);
    int shift = accExp - y.exponent;
    unsigned width = y.width;
    return [w = *w, b = std::move(*b), in, out, shift, width, count] {
      for (int64_t r = 0; r < w->rows; ++r) {
        int64_t acc = b[r];
        for (int64_t i = w->rowStart[r]; i < w->rowStart[r + 1]; ++i)
          acc += w->codes[i] * in[w->colIndex[i]];
        out[r] = fixed::narrow(acc, shift, width, *count);
      }
    };
  }

  std::vector<std::vector<int64_t>> &buffers;
  std::vector<std::vector<int64_t>> &states;
  unsigned accumulatorBits;
  llvm::DenseMap<Value, size_t> slots;
};
} // namespace

llvm::Expected<std::function<void()>>
FixedProgramBuilder::build(Operation *op, int64_t *count) {
  // Buffers must all exist before closures capture their addresses.
  for (Value v : op->getOperands())
    slot(v);
  for (Value v : op->getResults())
    slot(v);
  for (Value v : llvm::concat<Value>(op->getOperands(), op->getResults())) {
    auto type = dyn_cast<ShapedType>(v.getType());
    if (!type || !isa<FixedType>(type.getElementType()))
      return unsupported(op, " (an op on float values in a quantised model)");
  }

  // §4.1
  if (auto project = dyn_cast<QProjectOp>(op))
    return projection(op, project.getInput(), project.getWeight(),
                      project.getWeightExp(), project.getBiasAttr(),
                      project.getBiasExp(), project.getResult(), "weight",
                      "bias", count);

  // §4.3: two projections of the same input into a shared format.
  if (auto project = dyn_cast<QComplexProjectOp>(op)) {
    auto re = projection(op, project.getInput(), project.getWeightRe(),
                         project.getWeightReExp(), project.getBiasReAttr(),
                         project.getBiasReExp(), project.getReal(),
                         "weight_re", "bias_re", count);
    if (!re)
      return re.takeError();
    auto im = projection(op, project.getInput(), project.getWeightIm(),
                         project.getWeightImExp(), project.getBiasImAttr(),
                         project.getBiasImExp(), project.getImag(),
                         "weight_im", "bias_im", count);
    if (!im)
      return im.takeError();
    return [re = std::move(*re), im = std::move(*im)] {
      re();
      im();
    };
  }

  // §4.4
  if (auto rec = dyn_cast<QDiagRecurrenceOp>(op)) {
    auto lr = codes(op, rec.getLambdaRe(), "lambda_re");
    if (!lr)
      return lr.takeError();
    auto li = codes(op, rec.getLambdaIm(), "lambda_im");
    if (!li)
      return li.takeError();
    size_t n = sizeOf(rec.getStateRe());
    if (lr->size() != n || li->size() != n)
      return error(op, "lambda must have one code per state");
    Format v = formatOf(rec.getInputRe()), x = formatOf(rec.getStateRe());
    int eL = rec.getLambdaExp();
    int align = v.exponent - x.exponent; // align(v, e_v -> e_x)
    unsigned width = x.width;
    states.emplace_back(2 * n, 0);
    // States never move: the caller reserves one per recurrence.
    int64_t *state = states.back().data();
    const int64_t *vr = data(rec.getInputRe()), *vi = data(rec.getInputIm());
    int64_t *xr = data(rec.getStateRe()), *xi = data(rec.getStateIm());
    return [lr = std::move(*lr), li = std::move(*li), n, eL, align, width,
            state, vr, vi, xr, xi, count] {
      using fixed::rescale;
      for (size_t k = 0; k < n; ++k) {
        int64_t re = state[k], im = state[n + k];
        int64_t aRe = rescale(vr[k], align), aIm = rescale(vi[k], align);
        int64_t nextRe =
            rescale(lr[k] * re, eL) - rescale(li[k] * im, eL) + aRe;
        int64_t nextIm =
            rescale(lr[k] * im, eL) + rescale(li[k] * re, eL) + aIm;
        state[k] = xr[k] = fixed::saturate(nextRe, width, *count);
        state[n + k] = xi[k] = fixed::saturate(nextIm, width, *count);
      }
    };
  }

  // §4.5: one accumulator for both matrices.
  if (auto readout = dyn_cast<QComplexReadoutOp>(op)) {
    auto re = matrix(op, readout.getWeightRe(), "weight_re");
    if (!re)
      return re.takeError();
    auto im = matrix(op, readout.getWeightIm(), "weight_im");
    if (!im)
      return im.takeError();
    Format x = formatOf(readout.getReal()), y = formatOf(readout.getResult());
    int shift = int(readout.getWeightExp()) + x.exponent - y.exponent;
    const int64_t *xr = data(readout.getReal()), *xi = data(readout.getImag());
    int64_t *out = data(readout.getResult());
    unsigned width = y.width;
    return [re = *re, im = *im, xr, xi, out, shift, width, count,
            acc = std::vector<int64_t>(re.get()->rows)]() mutable {
      std::fill(acc.begin(), acc.end(), 0);
      accumulate(*re, xr, acc.data(), 1);
      accumulate(*im, xi, acc.data(), -1);
      for (size_t r = 0; r < acc.size(); ++r)
        out[r] = fixed::narrow(acc[r], shift, width, *count);
    };
  }

  // §4.6: exact; keep (re, im) where re > 0, or re == 0 and im > 0.
  if (auto crelu = dyn_cast<QCReluOp>(op)) {
    const int64_t *xr = data(crelu.getReal()), *xi = data(crelu.getImag());
    int64_t *yr = data(crelu.getResultRe()), *yi = data(crelu.getResultIm());
    size_t n = sizeOf(crelu.getReal());
    return [=] {
      for (size_t k = 0; k < n; ++k) {
        bool keep = xr[k] > 0 || (xr[k] == 0 && xi[k] > 0);
        yr[k] = keep ? xr[k] : 0;
        yi[k] = keep ? xi[k] : 0;
      }
    };
  }

  // §4.7: exact.
  if (auto relu = dyn_cast<QReluOp>(op)) {
    const int64_t *x = data(relu.getInput());
    int64_t *y = data(relu.getResult());
    size_t n = sizeOf(relu.getResult());
    return [=] {
      for (size_t i = 0; i < n; ++i)
        y[i] = x[i] > 0 ? x[i] : 0;
    };
  }

  // §4.8: a diagonal projection.
  if (auto scale = dyn_cast<QScaleOp>(op)) {
    auto factor = codes(op, scale.getFactor(), "factor");
    if (!factor)
      return factor.takeError();
    Format z = formatOf(scale.getInput()), y = formatOf(scale.getResult());
    int accExp = int(scale.getFactorExp()) + z.exponent;
    size_t n = sizeOf(scale.getResult());
    if (factor->size() != n)
      return error(op, "factor must have one code per element");
    auto bias = alignedBias(op, scale.getBiasAttr(), scale.getBiasExp(),
                            accExp, n, "bias");
    if (!bias)
      return bias.takeError();
    const int64_t *in = data(scale.getInput());
    int64_t *out = data(scale.getResult());
    int shift = accExp - y.exponent;
    unsigned width = y.width;
    return [f = std::move(*factor), b = std::move(*bias), in, out, shift,
            width, count] {
      for (size_t k = 0; k < f.size(); ++k)
        out[k] = fixed::narrow(f[k] * in[k] + b[k], shift, width, *count);
    };
  }

  // §4.9: exact sum at e_m, then one narrow.
  if (auto add = dyn_cast<QAddOp>(op)) {
    Format a = formatOf(add.getLhs()), b = formatOf(add.getRhs()),
           y = formatOf(add.getResult());
    int em = fixed::addExponent(a.exponent, b.exponent,
                                std::max(a.width, b.width), accumulatorBits);
    int alignA = a.exponent - em, alignB = b.exponent - em;
    int shift = em - y.exponent;
    const int64_t *qa = data(add.getLhs()), *qb = data(add.getRhs());
    int64_t *out = data(add.getResult());
    size_t n = sizeOf(add.getResult());
    unsigned width = y.width;
    return [=] {
      for (size_t i = 0; i < n; ++i) {
        int64_t acc =
            fixed::rescale(qa[i], alignA) + fixed::rescale(qb[i], alignB);
        out[i] = fixed::narrow(acc, shift, width, *count);
      }
    };
  }

  // §4.10
  if (auto mul = dyn_cast<QMulOp>(op)) {
    Format a = formatOf(mul.getLhs()), b = formatOf(mul.getRhs()),
           y = formatOf(mul.getResult());
    int shift = a.exponent + b.exponent - y.exponent;
    const int64_t *qa = data(mul.getLhs()), *qb = data(mul.getRhs());
    int64_t *out = data(mul.getResult());
    size_t n = sizeOf(mul.getResult());
    unsigned width = y.width;
    return [=] {
      for (size_t i = 0; i < n; ++i)
        out[i] = fixed::narrow(qa[i] * qb[i], shift, width, *count);
    };
  }

  // §5
  if (auto lut = dyn_cast<QLutOp>(op)) {
    auto nodes = codes(op, lut.getNodes(), "nodes");
    if (!nodes)
      return nodes.takeError();
    fixed::LutParams params;
    params.rangeLog2 = lut.getRangeLog2();
    params.segmentLog2 = lut.getSegmentLog2();
    params.nodeExponent = lut.getNodeExp();
    if (static_cast<int64_t>(nodes->size()) != params.numSegments() + 1)
      return error(op, "expected " + Twine(params.numSegments() + 1) +
                           " nodes, got " + Twine(nodes->size()));
    bool identityAbove = lut.getFunction() != LutFunction::Sigmoid;
    Format x = formatOf(lut.getInput()), y = formatOf(lut.getResult());
    const int64_t *in = data(lut.getInput());
    int64_t *out = data(lut.getResult());
    size_t n = sizeOf(lut.getResult());
    unsigned bits = accumulatorBits;
    return [nodes = std::move(*nodes), params, identityAbove, x, y, in, out, n,
            bits, count] {
      fixed::evaluateLut(nodes, params, identityAbove, in, out, int64_t(n),
                         x.exponent, y.exponent, y.width, bits, *count);
    };
  }

  return unsupported(op, "");
}

llvm::Expected<std::unique_ptr<FixedInterpreter>>
FixedInterpreter::create(ModelOp model) {
  auto fail = [&](const Twine &message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   message.str());
  };
  if (!isQuantizedModel(model) ||
      !isa<FixedType>(model.getOutputType().getElementType()))
    return fail("not a quantised model: @" + model.getSymName() +
                " takes and returns float vectors; run it with the float "
                "interpreter");
  std::optional<uint32_t> bits = model.getAccumulatorBits();
  if (!bits || *bits < fixed::kMinAccumulatorBits ||
      *bits > fixed::kMaxAccumulatorBits)
    return fail("quantised model @" + model.getSymName() +
                " must declare accumulator_bits in [" +
                Twine(fixed::kMinAccumulatorBits) + ", " +
                Twine(fixed::kMaxAccumulatorBits) + "]");

  std::unique_ptr<FixedInterpreter> interp(new FixedInterpreter());
  FixedType in = cast<FixedType>(model.getInputType().getElementType());
  FixedType out = cast<FixedType>(model.getOutputType().getElementType());
  interp->inputSize = model.getInputType().getDimSize(0);
  interp->outputSize = model.getOutputType().getDimSize(0);
  interp->inputWidth = in.getWidth();
  interp->inputExponent = in.getExponent();
  interp->outputWidth = out.getWidth();
  interp->outputExponent = out.getExponent();
  interp->accumulatorBits = *bits;

  Block &body = model.getBodyBlock();
  // Reserve so that the buffer, state and counter addresses captured by the
  // closures stay valid.
  size_t numValues = 1, numRecurrences = 0, numCounted = 0;
  for (Operation &op : body) {
    numValues += op.getNumResults();
    numCounted += op.getNumResults() > 0;
    if (auto rec = dyn_cast<QDiagRecurrenceOp>(op)) {
      ++numRecurrences;
      interp->numStates +=
          cast<RankedTensorType>(rec.getStateRe().getType()).getDimSize(0);
    }
  }
  interp->buffers.reserve(numValues);
  interp->states.reserve(numRecurrences);
  interp->counts.assign(numCounted, 0);
  interp->opInfo.reserve(numCounted);

  FixedProgramBuilder builder(interp->buffers, interp->states, *bits);
  builder.slot(model.getInput());
  for (auto [index, op] : llvm::enumerate(body)) {
    if (auto output = dyn_cast<OutputOp>(op)) {
      interp->outputBuffer = builder.slot(output.getValue());
      continue;
    }
    if (op.getNumResults() == 0)
      return fail("'" + op.getName().getStringRef() +
                  "' is not supported by the integer interpreter");
    int64_t *count = &interp->counts[interp->opInfo.size()];
    OpSaturations info;
    info.index = static_cast<int64_t>(index);
    info.opName = op.getName().getStringRef().str();
    info.locName = getLocationName(op.getLoc());
    interp->opInfo.push_back(std::move(info));
    auto fn = builder.build(&op, count);
    if (!fn)
      return fn.takeError();
    interp->program.push_back(std::move(*fn));
  }
  interp->slots = builder.takeSlots();
  return interp;
}

void FixedInterpreter::reset() {
  for (auto &state : states)
    std::fill(state.begin(), state.end(), 0);
}

void FixedInterpreter::step(ArrayRef<int64_t> inCodes,
                            MutableArrayRef<int64_t> outCodes) {
  assert(static_cast<int64_t>(inCodes.size()) == inputSize &&
         static_cast<int64_t>(outCodes.size()) == outputSize);
  std::vector<int64_t> &input = buffers[0];
  for (size_t i = 0; i < inCodes.size(); ++i)
    input[i] = fixed::saturate(inCodes[i], inputWidth, inputSaturations);
  for (auto &fn : program)
    fn();
  std::copy(buffers[outputBuffer].begin(), buffers[outputBuffer].end(),
            outCodes.begin());
  ++steps;
}

std::vector<int64_t> FixedInterpreter::run(ArrayRef<int64_t> inCodes,
                                           int64_t numSteps) {
  std::vector<int64_t> outputs(numSteps * outputSize);
  for (int64_t t = 0; t < numSteps; ++t)
    step(inCodes.slice(t * inputSize, inputSize),
         MutableArrayRef<int64_t>(outputs).slice(t * outputSize, outputSize));
  return outputs;
}

int64_t FixedInterpreter::quantizeInput(double u) {
  return fixed::quantizeInput(u, inputWidth, inputExponent, inputSaturations);
}

float FixedInterpreter::dequantize(int64_t q, int exponent) {
  return std::ldexp(static_cast<float>(q), -exponent);
}

std::string lrnn::serializeFixedOutputNpy(int64_t steps, int64_t width,
                                          ArrayRef<int64_t> codes,
                                          int exponent, bool raw) {
  if (raw)
    return serializeNpyI32(steps, width, codes);
  std::vector<float> values(codes.size());
  for (size_t i = 0; i < codes.size(); ++i)
    values[i] = FixedInterpreter::dequantize(codes[i], exponent);
  return serializeNpyF32(steps, width, values);
}

ArrayRef<int64_t> FixedInterpreter::getValue(Value value) const {
  auto it = slots.find(value);
  if (it == slots.end())
    return {};
  return buffers[it->second];
}

std::vector<OpSaturations> FixedInterpreter::getSaturations() const {
  std::vector<OpSaturations> result = opInfo;
  for (size_t i = 0; i < result.size(); ++i)
    result[i].count = counts[i];
  return result;
}

int64_t FixedInterpreter::getTotalSaturations() const {
  int64_t total = 0;
  for (int64_t c : counts)
    total += c;
  return total;
}

void FixedInterpreter::resetSaturations() {
  std::fill(counts.begin(), counts.end(), 0);
  inputSaturations = 0;
  steps = 0;
}
