//===- Quantize.cpp - Float to fixed-point models -------------------------===//
//
// Implements docs/fixed-point.md §2 (choosing exponents and codes) and §4
// (which integer op each float op becomes). Ops are processed in program
// order because a weight block's exponent depends on its input's exponent.
// The new ops are built next to the old ones and the old ones erased only
// when every op succeeded, so a failure leaves the model unchanged.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/LRNN/Transforms/Quantize.h"
#include "lrnn/Analysis/CostModel.h"
#include "lrnn/Dialect/LRNN/IR/FixedPoint.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Dialect/LRNN/Transforms/Passes.h"

#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Verifier.h"

#include <cmath>

namespace lrnn {
#define GEN_PASS_DEF_QUANTIZE
#include "lrnn/Dialect/LRNN/Transforms/Passes.h.inc"
} // namespace lrnn

using namespace mlir;
using namespace lrnn;
using namespace lrnn::fixed;

std::optional<QuantizationScheme>
lrnn::getQuantizationScheme(StringRef name) {
  QuantizationScheme scheme;
  if (name == "w8a16")
    return scheme;
  if (name == "w8a24") {
    // 24 x 24-bit products are 46 bits; a 32-bit accumulator would force the
    // weight exponents far down (§1).
    scheme.actBits = 24;
    scheme.accBits = 48;
    return scheme;
  }
  return std::nullopt;
}

llvm::Error lrnn::checkQuantizationScheme(const QuantizationScheme &s) {
  auto range = [](StringRef what, unsigned bits, unsigned lo,
                  unsigned hi) -> llvm::Error {
    if (bits < lo || bits > hi)
      return llvm::createStringError(what + " = " + Twine(bits) +
                                     " is outside [" + Twine(lo) + ", " +
                                     Twine(hi) + "]");
    return llvm::Error::success();
  };
  if (auto e = range("weight-bits", s.weightBits, 2, kMaxWeightBits))
    return e;
  if (auto e = range("act-bits", s.actBits, 2, kMaxMessageBits))
    return e;
  if (auto e = range("bias-bits", s.biasBits, 2, kMaxConstantBits))
    return e;
  if (auto e = range("lambda-bits", s.lambdaBits, 2, kMaxConstantBits))
    return e;
  if (auto e = range("acc-bits", s.accBits, kMinAccumulatorBits,
                     kMaxAccumulatorBits))
    return e;
  if (s.headroom < 0 || s.headroom > 16)
    return llvm::createStringError("headroom = " + Twine(s.headroom) +
                                   " is outside [0, 16]");
  return llvm::Error::success();
}

static int64_t vectorSize(Value value) {
  return cast<RankedTensorType>(value.getType()).getDimSize(0);
}

namespace {

/// A dense row-major matrix of doubles (a weight block before quantisation).
struct Matrix {
  int64_t rows = 0, cols = 0;
  std::vector<double> values;
};

/// A quantised weight block with its bias (§2.3, §2.4).
struct WeightBlock {
  std::vector<std::vector<int64_t>> codes; ///< One per matrix, row-major.
  int exponent = 0;
  std::optional<std::vector<int64_t>> bias;
  int biasExponent = 0;
};

class Quantizer {
public:
  Quantizer(ModelOp model, const CalibrationRanges &ranges,
            StringRef calibrationName, const QuantizationScheme &scheme,
            double maxSparseDensity)
      : model(model), ranges(ranges), calibrationName(calibrationName),
        s(scheme), maxSparseDensity(maxSparseDensity),
        context(model.getContext()), builder(model.getContext()) {}

  LogicalResult run();

private:
  LogicalResult checkCalibration();
  LogicalResult quantizeOp(Operation *op, const OpRanges &opRanges);

  /// The exponent of a value with calibrated magnitude `absMax` (§2.5),
  /// with a warning on `op` when even the coarsest exponent saturates.
  int activationExponent(Operation *op, double absMax);
  int calibratedExponent(Operation *op, const OpRanges &r) {
    double absMax = 0;
    for (const ElementRange &range : r.results)
      absMax = std::max(absMax, range.absMax());
    return activationExponent(op, absMax);
  }
  RankedTensorType fixedVector(int64_t size, int exponent) {
    return RankedTensorType::get({size},
                                 FixedType::get(context, s.actBits, exponent));
  }
  int exponentOf(Value oldValue) { return exponents.lookup(oldValue); }
  Value mapped(Value oldValue) { return mapping.lookup(oldValue); }

  FailureOr<Matrix> readMatrix(Operation *op, Attribute weight);
  FailureOr<std::vector<double>> readVector(Operation *op, ElementsAttr attr);
  FailureOr<WeightBlock> quantizeBlock(Operation *op, StringRef what,
                                 ArrayRef<Matrix> matrices,
                                 const std::vector<double> *bias,
                                 int inputExponent);

  Attribute weightAttr(const Matrix &shape, ArrayRef<int64_t> codes,
                       StringRef name) {
    return buildCodeWeight(context, codes, shape.rows, shape.cols,
                           storageBits(s.weightBits), maxSparseDensity,
                           blobName(name));
  }
  ElementsAttr vectorAttr(ArrayRef<int64_t> codes, unsigned bits,
                          StringRef name) {
    return buildCodeElements(context, {int64_t(codes.size())}, codes,
                             storageBits(bits), blobName(name));
  }
  static unsigned storageBits(unsigned bits) { return bits <= 8 ? 8 : 16; }
  std::string blobName(StringRef name) {
    return ("q" + Twine(opIndex) + "." + name).str();
  }
  IntegerAttr exp(int e) { return builder.getSI32IntegerAttr(e); }

  ModelOp model;
  const CalibrationRanges &ranges;
  StringRef calibrationName;
  QuantizationScheme s;
  double maxSparseDensity;
  MLIRContext *context;
  OpBuilder builder;
  IRMapping mapping;
  llvm::DenseMap<Value, int> exponents;
  SmallVector<Operation *> created;
  int64_t opIndex = 0;
};

} // namespace

int Quantizer::activationExponent(Operation *op, double absMax) {
  int e = chooseExponent(absMax, s.actBits, s.headroom);
  if (std::ldexp(absMax, e + s.headroom) > double(maxCode(s.actBits)))
    op->emitWarning() << "'" << op->getName() << "' "
                      << (isa<ModelOp>(op) ? "input" : "result")
                      << ": calibrated magnitude " << absMax
                      << " exceeds what a " << s.actBits
                      << "-bit value can hold at the coarsest exponent " << e
                      << "; larger values will saturate";
  return e;
}

LogicalResult Quantizer::checkCalibration() {
  mlir::Block &body = model.getBodyBlock();
  size_t expected = 0;
  for (Operation &op : body)
    expected += op.getNumResults() > 0;
  auto mismatch = [&](const Twine &why) {
    return model.emitOpError()
           << "calibration '" << calibrationName
           << "' does not describe this model: " << why
           << " (calibrate the IR that is quantised, after --lrnn-fold-norm)";
  };
  if (ranges.ops.size() != expected)
    return mismatch(Twine(ranges.ops.size()) + " ops in the file, " +
                    Twine(expected) + " in the model");
  int64_t index = 0;
  auto it = ranges.ops.begin();
  for (Operation &op : body) {
    if (op.getNumResults() > 0) {
      if (it->index != index || it->opName != op.getName().getStringRef() ||
          it->results.size() != op.getNumResults())
        return mismatch("op " + Twine(index) + " is '" +
                        op.getName().getStringRef() + "' with " +
                        Twine(op.getNumResults()) +
                        " results in the model but entry " + Twine(it->index) +
                        " is '" + it->opName + "' with " +
                        Twine(it->results.size()));
      ++it;
    }
    ++index;
  }
  return success();
}

FailureOr<Matrix> Quantizer::readMatrix(Operation *op, Attribute weight) {
  auto csr = readWeight(weight);
  if (failed(csr))
    return op->emitOpError() << "weight data is unavailable";
  Matrix m{csr->rows, csr->cols,
           std::vector<double>(csr->rows * csr->cols, 0.0)};
  for (int64_t r = 0; r < m.rows; ++r)
    for (int64_t k = csr->rowStart[r]; k < csr->rowStart[r + 1]; ++k)
      m.values[r * m.cols + csr->colIndex[k]] = csr->values[k];
  return m;
}

FailureOr<std::vector<double>> Quantizer::readVector(Operation *op,
                                                     ElementsAttr attr) {
  auto values = readF32Elements(attr);
  if (failed(values))
    return op->emitOpError() << "constant data is unavailable";
  return std::vector<double>(values->begin(), values->end());
}

FailureOr<WeightBlock> Quantizer::quantizeBlock(Operation *op, StringRef what,
                                          ArrayRef<Matrix> matrices,
                                          const std::vector<double> *bias,
                                          int inputExponent) {
  double absMax = 0;
  for (const Matrix &m : matrices)
    for (double v : m.values)
      absMax = std::max(absMax, std::abs(v));
  double biasAbsMax = 0;
  if (bias)
    for (double v : *bias)
      biasAbsMax = std::max(biasAbsMax, std::abs(v));
  int64_t rows = matrices.front().rows;
  WeightBlock block;
  // The accumulator rule (§2.3): lower the exponent until every row fits.
  for (block.exponent = chooseExponent(absMax, s.weightBits);;
       --block.exponent) {
    block.codes.clear();
    std::vector<Bound> bound(rows, 0);
    for (const Matrix &m : matrices) {
      std::vector<int64_t> &codes = block.codes.emplace_back(m.values.size());
      for (size_t i = 0; i < m.values.size(); ++i) {
        codes[i] = quantizeConstant(m.values[i], s.weightBits, block.exponent);
        bound[i / m.cols] +=
            Bound(std::llabs(codes[i])) * Bound(maxCode(s.actBits));
      }
    }
    int accExponent = block.exponent + inputExponent;
    if (bias) {
      block.biasExponent =
          std::min(chooseExponent(biasAbsMax, s.biasBits), accExponent);
      block.bias.emplace(bias->size());
      for (size_t r = 0; r < bias->size(); ++r) {
        (*block.bias)[r] =
            quantizeConstant((*bias)[r], s.biasBits, block.biasExponent);
        bound[r] += shiftedBound((*block.bias)[r],
                                 accExponent - block.biasExponent);
      }
    }
    if (llvm::all_of(bound, [&](Bound b) {
          return fitsAccumulator(b, s.accBits);
        }))
      return block;
    if (block.exponent <= kMinExponent)
      return op->emitOpError()
             << what << ": no weight exponent keeps every row below the "
             << s.accBits << "-bit accumulator";
  }
}

LogicalResult Quantizer::quantizeOp(Operation *op, const OpRanges &r) {
  Location loc = op->getLoc();
  builder.setInsertionPoint(op);
  auto done = [&](Operation *newOp) {
    created.push_back(newOp);
    for (auto [oldResult, newResult] :
         llvm::zip(op->getResults(), newOp->getResults())) {
      mapping.map(oldResult, newResult);
      exponents[oldResult] = getFixedType(newResult).getExponent();
    }
    return success();
  };
  auto optionalBias = [&](ElementsAttr attr)
      -> FailureOr<std::optional<std::vector<double>>> {
    if (!attr)
      return std::optional<std::vector<double>>();
    auto values = readVector(op, attr);
    if (failed(values))
      return failure();
    return std::optional<std::vector<double>>(std::move(*values));
  };
  // A projection of `input` by one weight block: the shared part of
  // project, fused_project pieces and complex_project halves.
  auto project = [&](StringRef what, Value input, const Matrix &weight,
                     const std::optional<std::vector<double>> &bias,
                     int resultExponent) -> FailureOr<QProjectOp> {
    auto block = quantizeBlock(op, what, {weight},
                               bias ? &*bias : nullptr, exponentOf(input));
    if (failed(block))
      return failure();
    auto qop = QProjectOp::create(
        builder, loc, fixedVector(weight.rows, resultExponent), mapped(input),
        weightAttr(weight, block->codes[0], what), exp(block->exponent),
        block->bias ? vectorAttr(*block->bias, s.biasBits, (what + ".bias").str())
                    : ElementsAttr(),
        block->bias ? exp(block->biasExponent) : IntegerAttr());
    created.push_back(qop);
    return qop;
  };

  if (auto p = dyn_cast<ProjectOp>(op)) {
    auto weight = readMatrix(op, p.getWeight());
    auto bias = optionalBias(p.getBiasAttr());
    if (failed(weight) || failed(bias))
      return failure();
    auto qop = project("weight", p.getInput(), *weight, *bias,
                       calibratedExponent(op, r));
    if (failed(qop))
      return failure();
    created.pop_back();
    return done(*qop);
  }
  if (auto p = dyn_cast<FusedProjectOp>(op)) {
    // Each piece is its own weight block (§4.2).
    auto weight = readMatrix(op, p.getWeight());
    auto bias = optionalBias(p.getBiasAttr());
    if (failed(weight) || failed(bias))
      return failure();
    int64_t start = 0;
    for (auto [i, result] : llvm::enumerate(p.getResults())) {
      int64_t size = cast<RankedTensorType>(result.getType()).getDimSize(0);
      Matrix piece{size, weight->cols,
                   std::vector<double>(weight->values.begin() + start * weight->cols,
                                       weight->values.begin() +
                                           (start + size) * weight->cols)};
      std::optional<std::vector<double>> pieceBias;
      if (*bias)
        pieceBias.emplace((*bias)->begin() + start,
                          (*bias)->begin() + start + size);
      auto qop = project(("piece" + Twine(i)).str(), p.getInput(), piece,
                         pieceBias,
                         activationExponent(op, r.results[i].absMax()));
      if (failed(qop))
        return failure();
      mapping.map(result, qop->getResult());
      exponents[result] = getFixedType(qop->getResult()).getExponent();
      start += size;
    }
    return success();
  }
  if (auto p = dyn_cast<ComplexProjectOp>(op)) {
    auto re = readMatrix(op, p.getWeightRe());
    auto im = readMatrix(op, p.getWeightIm());
    auto biasRe = optionalBias(p.getBiasReAttr());
    auto biasIm = optionalBias(p.getBiasImAttr());
    if (failed(re) || failed(im) || failed(biasRe) || failed(biasIm))
      return failure();
    int e = calibratedExponent(op, r);
    int eIn = exponentOf(p.getInput());
    auto blockRe = quantizeBlock(op, "weight_re", {*re},
                                 *biasRe ? &**biasRe : nullptr, eIn);
    auto blockIm = quantizeBlock(op, "weight_im", {*im},
                                 *biasIm ? &**biasIm : nullptr, eIn);
    if (failed(blockRe) || failed(blockIm))
      return failure();
    auto biasAttr = [&](WeightBlock &b, StringRef name) {
      return b.bias ? vectorAttr(*b.bias, s.biasBits, name) : ElementsAttr();
    };
    auto biasExp = [&](WeightBlock &b) {
      return b.bias ? exp(b.biasExponent) : IntegerAttr();
    };
    auto type = fixedVector(re->rows, e);
    return done(QComplexProjectOp::create(
        builder, loc, type, type, mapped(p.getInput()),
        weightAttr(*re, blockRe->codes[0], "weight_re"),
        exp(blockRe->exponent), weightAttr(*im, blockIm->codes[0], "weight_im"),
        exp(blockIm->exponent), biasAttr(*blockRe, "bias_re"),
        biasExp(*blockRe), biasAttr(*blockIm, "bias_im"), biasExp(*blockIm)));
  }
  if (auto p = dyn_cast<DiagRecurrenceOp>(op)) {
    auto re = readVector(op, p.getLambdaRe());
    auto im = readVector(op, p.getLambdaIm());
    if (failed(re) || failed(im))
      return failure();
    double absMax = 0;
    for (double v : *re)
      absMax = std::max(absMax, std::abs(v));
    for (double v : *im)
      absMax = std::max(absMax, std::abs(v));
    int eL = chooseExponent(absMax, s.lambdaBits);
    std::vector<int64_t> codesRe(re->size()), codesIm(im->size());
    for (size_t k = 0; k < re->size(); ++k) {
      codesRe[k] = quantizeConstant((*re)[k], s.lambdaBits, eL);
      codesIm[k] = quantizeConstant((*im)[k], s.lambdaBits, eL);
    }
    // The clamp keeps the aligned input within the accumulator (§2.5).
    int e = std::min(calibratedExponent(op, r),
                     exponentOf(p.getInputRe()) + int(s.accBits) -
                         int(s.actBits) - 2);
    auto type = fixedVector(re->size(), e);
    return done(QDiagRecurrenceOp::create(
        builder, loc, type, type, mapped(p.getInputRe()),
        mapped(p.getInputIm()), vectorAttr(codesRe, s.lambdaBits, "lambda_re"),
        vectorAttr(codesIm, s.lambdaBits, "lambda_im"), exp(eL)));
  }
  if (auto p = dyn_cast<ComplexReadoutOp>(op)) {
    auto re = readMatrix(op, p.getWeightRe());
    auto im = readMatrix(op, p.getWeightIm());
    if (failed(re) || failed(im))
      return failure();
    // κ is multiplied in double (exact for κ = 1, 2); one block (§4.5).
    double kappa = p.getKappa().convertToDouble();
    for (Matrix *m : {&*re, &*im})
      for (double &v : m->values)
        v *= kappa;
    auto block = quantizeBlock(op, "weight", {*re, *im}, nullptr,
                               exponentOf(p.getReal()));
    if (failed(block))
      return failure();
    return done(QComplexReadoutOp::create(
        builder, loc, fixedVector(re->rows, calibratedExponent(op, r)),
        mapped(p.getReal()), mapped(p.getImag()),
        weightAttr(*re, block->codes[0], "weight_re"),
        weightAttr(*im, block->codes[1], "weight_im"), exp(block->exponent)));
  }
  // lrnn.scale, and a batchnorm as the scale it equals (§4.12).
  std::optional<std::vector<double>> factor, scaleBias;
  Value scaleInput;
  if (auto p = dyn_cast<ScaleOp>(op)) {
    auto f = readVector(op, p.getFactor());
    auto b = optionalBias(p.getBiasAttr());
    if (failed(f) || failed(b))
      return failure();
    factor = std::move(*f);
    scaleBias = std::move(*b);
    scaleInput = p.getInput();
  } else if (auto p = dyn_cast<BatchNormOp>(op)) {
    std::vector<double> a, c;
    if (failed(p.getAffineMap(a, c)))
      return op->emitOpError() << "constant data is unavailable";
    factor = std::move(a);
    scaleBias = std::move(c);
    scaleInput = p.getInput();
  }
  if (factor) {
    Matrix diagonal{int64_t(factor->size()), 1, *factor};
    auto block = quantizeBlock(op, "factor", {diagonal},
                               scaleBias ? &*scaleBias : nullptr,
                               exponentOf(scaleInput));
    if (failed(block))
      return failure();
    return done(QScaleOp::create(
        builder, loc, fixedVector(diagonal.rows, calibratedExponent(op, r)),
        mapped(scaleInput), vectorAttr(block->codes[0], s.weightBits, "factor"),
        exp(block->exponent),
        block->bias ? vectorAttr(*block->bias, s.biasBits, "bias")
                    : ElementsAttr(),
        block->bias ? exp(block->biasExponent) : IntegerAttr()));
  }
  if (auto p = dyn_cast<ReluOp>(op))
    return done(QReluOp::create(builder, loc, mapped(p.getInput())));
  if (auto p = dyn_cast<CReluOp>(op)) {
    Value re = mapped(p.getReal());
    return done(QCReluOp::create(builder, loc, re.getType(), re.getType(), re,
                                 mapped(p.getImag())));
  }
  auto binary = [&](auto newOp) { return done(newOp); };
  if (auto p = dyn_cast<AddOp>(op))
    return binary(QAddOp::create(
        builder, loc,
        fixedVector(vectorSize(p.getResult()), calibratedExponent(op, r)),
        mapped(p.getLhs()), mapped(p.getRhs())));
  if (auto p = dyn_cast<MulOp>(op))
    return binary(QMulOp::create(
        builder, loc,
        fixedVector(vectorSize(p.getResult()), calibratedExponent(op, r)),
        mapped(p.getLhs()), mapped(p.getRhs())));
  std::optional<LutFunction> function;
  Value lutInput;
  if (auto p = dyn_cast<SigmoidOp>(op)) {
    function = LutFunction::Sigmoid;
    lutInput = p.getInput();
  } else if (auto p = dyn_cast<GeluOp>(op)) {
    function = p.getApproximation() == GeluApproximation::Tanh
                   ? LutFunction::GeluTanh
                   : LutFunction::GeluErf;
    lutInput = p.getInput();
  }
  if (function) {
    LutParams params = getStandardLutParams(*function);
    std::vector<int64_t> nodes = computeLutNodes(*function, params);
    return done(QLutOp::create(
        builder, loc,
        fixedVector(vectorSize(op->getResult(0)), calibratedExponent(op, r)),
        mapped(lutInput), *function,
        buildCodeElements(context, {int64_t(nodes.size())}, nodes,
                          storageBits(s.lutBits), blobName("nodes")),
        params.rangeLog2, params.segmentLog2, params.nodeExponent));
  }
  if (isa<ElementwiseOp>(op))
    return op->emitOpError()
           << "cannot be quantised: run --lrnn-quantize before the "
              "element-wise fusion of --lrnn-fuse";
  return op->emitOpError() << "cannot be quantised";
}

LogicalResult Quantizer::run() {
  if (isa<FixedType>(model.getInputType().getElementType()))
    return model.emitOpError() << "is already quantised";
  if (failed(checkCalibration()))
    return failure();
  Value input = model.getInput();
  mapping.map(input, input);
  exponents[input] =
      activationExponent(model, ranges.input.absMax());
  mlir::Block &body = model.getBodyBlock();
  auto it = ranges.ops.begin();
  SmallVector<Operation *> old;
  for (Operation &op : body) {
    if (isa<OutputOp>(op))
      break;
    old.push_back(&op);
  }
  for (Operation *op : old) {
    opIndex = it->index;
    if (failed(quantizeOp(op, *it++))) {
      for (Operation *newOp : llvm::reverse(created))
        newOp->erase();
      return failure();
    }
  }
  // Every integer op must verify before anything is committed: the
  // verifiers prove that no intermediate exceeds the accumulator, which
  // exponents chosen for extreme calibrated ranges (or weights) can break.
  // The interpreters and backends rely on that proof.
  int64_t inSize = model.getInputType().getDimSize(0);
  auto inType = fixedVector(inSize, exponents[input]);
  Type floatInType = input.getType();
  IntegerAttr floatAcc = model.getAccumulatorBitsAttr();
  input.setType(inType);
  model.setAccumulatorBits(s.accBits);
  for (Operation *newOp : created)
    if (failed(mlir::verify(newOp))) {
      input.setType(floatInType);
      if (floatAcc)
        model.setAccumulatorBitsAttr(floatAcc);
      else
        model.removeAccumulatorBitsAttr();
      for (Operation *op : llvm::reverse(created))
        op->erase();
      return failure();
    }
  // Commit: the output, the signature, then the float ops.
  auto output = cast<OutputOp>(body.getTerminator());
  Value result = mapped(output.getValue());
  output.getValueMutable().assign(result);
  for (Operation *op : llvm::reverse(old))
    op->erase();
  model.setFunctionType(
      FunctionType::get(context, {inType}, {result.getType()}));
  model.setAccumulatorBits(s.accBits);
  return success();
}

LogicalResult lrnn::quantizeModel(ModelOp model,
                                  const CalibrationRanges &ranges,
                                  StringRef calibrationName,
                                  const QuantizationScheme &scheme,
                                  double maxSparseDensity) {
  if (auto err = checkQuantizationScheme(scheme))
    return model.emitOpError() << llvm::toString(std::move(err));
  return Quantizer(model, ranges, calibrationName, scheme, maxSparseDensity)
      .run();
}

namespace {
struct QuantizePass : public lrnn::impl::QuantizeBase<QuantizePass> {
  using QuantizeBase::QuantizeBase;

  void runOnOperation() override {
    ModelOp model = getOperation();
    std::optional<QuantizationScheme> s = getQuantizationScheme(scheme);
    if (!s) {
      model.emitError() << "--lrnn-quantize: unknown scheme '" << scheme
                        << "' (expected w8a16 or w8a24)";
      return signalPassFailure();
    }
    for (auto [option, field] :
         {std::pair{unsigned(weightBits), &s->weightBits},
          {unsigned(actBits), &s->actBits},
          {unsigned(biasBits), &s->biasBits},
          {unsigned(lambdaBits), &s->lambdaBits},
          {unsigned(accBits), &s->accBits}})
      if (option != 0)
        *field = option;
    s->headroom = headroom;
    if (calibration.empty()) {
      model.emitError() << "--lrnn-quantize: needs calibration=FILE "
                           "(written by lrnn-run --calibrate)";
      return signalPassFailure();
    }
    auto ranges = readCalibrationFile(calibration);
    if (!ranges) {
      model.emitError() << llvm::toString(ranges.takeError());
      return signalPassFailure();
    }
    if (failed(quantizeModel(model, *ranges, calibration, *s,
                             maxSparseDensity)))
      return signalPassFailure();
  }
};
} // namespace
