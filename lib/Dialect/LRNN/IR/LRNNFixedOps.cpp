//===- LRNNFixedOps.cpp - integer ops of quantised models -----------------===//
//
// Verifiers of the lrnn.q* ops. Besides shapes and code widths they prove the
// static bounds of docs/fixed-point.md §8: from the widths and exponents of
// the types and the constant codes, no intermediate of any op can reach
// 2^(A-1), A being the model's accumulator_bits. A verified model therefore
// cannot overflow on any input, and an implementation in int64_t is exact.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/LRNN/IR/FixedPoint.h"
#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"

#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace lrnn;
using namespace lrnn::fixed;

FixedType lrnn::getFixedType(Value value) {
  return cast<FixedType>(cast<RankedTensorType>(value.getType()).getElementType());
}

static int64_t vectorSize(Value value) {
  return cast<RankedTensorType>(value.getType()).getDimSize(0);
}

/// The accumulator bound A declared by the enclosing model, after checking
/// that every value the op touches fits a Loihi 2 message.
static FailureOr<unsigned> verifyFixedOp(Operation *op) {
  for (auto [kind, values] : {std::pair{"operand", ValueRange(op->getOperands())},
                              {"result", ValueRange(op->getResults())}})
    for (auto [i, value] : llvm::enumerate(values))
      if (getFixedType(value).getWidth() > kMaxMessageBits)
        return op->emitOpError()
               << kind << " #" << i << ": " << getFixedType(value).getWidth()
               << "-bit values exceed the " << kMaxMessageBits
               << "-bit message payload";
  std::optional<uint32_t> bits =
      op->getParentOfType<ModelOp>().getAccumulatorBits();
  if (!bits)
    return op->emitOpError()
           << "requires the enclosing lrnn.model to declare accumulator_bits";
  return *bits;
}

static LogicalResult checkExponent(Operation *op, StringRef name, int e) {
  if (e < -128 || e > 127)
    return op->emitOpError() << name << " = " << e
                             << " is outside [-128, 127]";
  return success();
}


/// One accumulator: weight blocks summed together, an optional bias aligned
/// to it. Checks codes, the bias exponent and every row's bound (§8.2).
static LogicalResult
verifyAccumulator(Operation *op, StringRef what, ArrayRef<Attribute> weights,
                  ArrayRef<StringRef> names, int weightExp, ElementsAttr bias,
                  std::optional<int32_t> biasExp, Value input, int64_t rows,
                  unsigned accumulatorBits, bool diagonal = false) {
  int64_t cols = vectorSize(input);
  FixedType inType = getFixedType(input);
  if (failed(checkExponent(op, (what + "_exp").str(), weightExp)))
    return failure();
  std::vector<Bound> bound(rows, 0);
  for (auto [weight, name] : llvm::zip(weights, names)) {
    if (diagonal) {
      auto factor = cast<ElementsAttr>(weight);
      if (failed(verifyCodeVector(op, name, factor, rows, kMaxWeightBits)))
        return failure();
      std::vector<int64_t> codes = *readIntElements(factor);
      for (int64_t r = 0; r < rows; ++r)
        bound[r] += Bound(std::llabs(codes[r])) * Bound(inType.getMaxCode());
      continue;
    }
    if (failed(verifyCodeWeight(op, name, weight, rows, cols, kMaxWeightBits)))
      return failure();
    CsrMatrix matrix = *readWeight(weight);
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t k = matrix.rowStart[r]; k < matrix.rowStart[r + 1]; ++k)
        bound[r] += Bound(std::llabs(int64_t(matrix.values[k]))) *
                    Bound(inType.getMaxCode());
  }
  int eAcc = weightExp + inType.getExponent();
  if (bool(bias) != biasExp.has_value())
    return op->emitOpError() << what << ": a bias needs an exponent and an "
                                        "exponent needs a bias";
  if (bias) {
    std::string biasName = (what == "weight" || what == "factor")
                               ? std::string("bias")
                               : ("bias_" + what.take_back(2)).str();
    if (failed(verifyCodeVector(op, biasName, bias, rows, kMaxConstantBits)) ||
        failed(checkExponent(op, biasName + "_exp", *biasExp)))
      return failure();
    if (*biasExp > eAcc)
      return op->emitOpError()
             << biasName << "_exp = " << *biasExp
             << " is finer than the accumulator's exponent " << eAcc
             << " (aligning it would need a rounding shift)";
    std::vector<int64_t> codes = *readIntElements(bias);
    for (int64_t r = 0; r < rows; ++r)
      bound[r] += shiftedBound(codes[r], eAcc - *biasExp);
  }
  for (int64_t r = 0; r < rows; ++r)
    if (!fitsAccumulator(bound[r], accumulatorBits))
      return op->emitOpError()
             << what << ": row " << r << " may reach "
             << (bound[r] >> 64 ? std::string("more than 2^64")
                                : std::to_string(uint64_t(bound[r])))
             << ", beyond the " << accumulatorBits
             << "-bit accumulator (lower the weight exponent)";
  return success();
}

//===----------------------------------------------------------------------===//
// Ops
//===----------------------------------------------------------------------===//

LogicalResult QProjectOp::verify() {
  auto bits = verifyFixedOp(*this);
  if (failed(bits))
    return failure();
  return verifyAccumulator(*this, "weight", {getWeight()}, {"weight"},
                           getWeightExp(), getBiasAttr(), getBiasExp(),
                           getInput(), vectorSize(getResult()), *bits);
}

LogicalResult QComplexProjectOp::verify() {
  auto bits = verifyFixedOp(*this);
  if (failed(bits))
    return failure();
  int64_t rows = vectorSize(getReal());
  if (failed(verifyAccumulator(*this, "weight_re", {getWeightRe()},
                               {"weight_re"}, getWeightReExp(),
                               getBiasReAttr(), getBiasReExp(), getInput(),
                               rows, *bits)))
    return failure();
  return verifyAccumulator(*this, "weight_im", {getWeightIm()}, {"weight_im"},
                           getWeightImExp(), getBiasImAttr(), getBiasImExp(),
                           getInput(), rows, *bits);
}

LogicalResult QComplexReadoutOp::verify() {
  auto bits = verifyFixedOp(*this);
  if (failed(bits))
    return failure();
  return verifyAccumulator(*this, "weight", {getWeightRe(), getWeightIm()},
                           {"weight_re", "weight_im"}, getWeightExp(),
                           nullptr, std::nullopt, getReal(),
                           vectorSize(getResult()), *bits);
}

LogicalResult QScaleOp::verify() {
  auto bits = verifyFixedOp(*this);
  if (failed(bits))
    return failure();
  if (vectorSize(getInput()) != vectorSize(getResult()))
    return emitOpError() << "result must have the input's "
                         << vectorSize(getInput()) << " elements";
  return verifyAccumulator(*this, "factor", {getFactor()}, {"factor"},
                           getFactorExp(), getBiasAttr(), getBiasExp(),
                           getInput(), vectorSize(getResult()), *bits,
                           /*diagonal=*/true);
}

LogicalResult QDiagRecurrenceOp::verify() {
  auto bits = verifyFixedOp(*this);
  if (failed(bits))
    return failure();
  int64_t n = vectorSize(getInputRe());
  if (vectorSize(getStateRe()) != n)
    return emitOpError() << "state must have the input's " << n << " elements";
  if (failed(verifyCodeVector(*this, "lambda_re", getLambdaRe(), n,
                              kMaxConstantBits)) ||
      failed(verifyCodeVector(*this, "lambda_im", getLambdaIm(), n,
                              kMaxConstantBits)) ||
      failed(checkExponent(*this, "lambda_exp", getLambdaExp())))
    return failure();
  std::vector<int64_t> re = *readIntElements(getLambdaRe());
  std::vector<int64_t> im = *readIntElements(getLambdaIm());
  FixedType state = getFixedType(getStateRe()), in = getFixedType(getInputRe());
  int64_t largest = 0;
  for (int64_t k = 0; k < n; ++k)
    largest = std::max<int64_t>(largest, std::llabs(re[k]) + std::llabs(im[k]));
  // Two rescaled products of the old state plus the aligned input (§8.3).
  Bound products = Bound(largest) * Bound(state.getMaxCode());
  int e = getLambdaExp();
  Bound term = e >= 0 ? (e >= 127 ? 0 : products >> e) + 2
                      : (-e >= 64 ? Bound(1) << 100 : products << -e);
  Bound input = Bound(alignBound(in.getWidth(), in.getExponent(),
                                 state.getExponent()));
  // Each single product |Λ| · |x| before its rescale (the wider of the two
  // code widths).
  unsigned lambdaBits =
      std::max(getLambdaRe().getElementType().getIntOrFloatBitWidth(),
               getLambdaIm().getElementType().getIntOrFloatBitWidth());
  Bound product = Bound(maxCode(lambdaBits)) * Bound(state.getMaxCode());
  if (!fitsAccumulator(product, *bits))
    return emitOpError() << "a product of " << lambdaBits << "-bit lambda and "
                         << state.getWidth() << "-bit state may exceed the "
                         << *bits << "-bit accumulator";
  if (!fitsAccumulator(term + input, *bits))
    return emitOpError() << "the recurrence may exceed the " << *bits
                         << "-bit accumulator (state exponent "
                         << state.getExponent() << ", input exponent "
                         << in.getExponent() << ", lambda_exp " << e << ")";
  return success();
}

/// verifyFixedOp for an element-wise op of two operands and one result of
/// the same size.
static FailureOr<unsigned> verifyBinaryFixedOp(Operation *op) {
  auto bits = verifyFixedOp(op);
  if (failed(bits))
    return failure();
  int64_t size = vectorSize(op->getResult(0));
  if (vectorSize(op->getOperand(0)) != size ||
      vectorSize(op->getOperand(1)) != size)
    return op->emitOpError() << "operands and result must have the same size";
  return bits;
}

LogicalResult QAddOp::verify() {
  auto bits = verifyBinaryFixedOp(*this);
  if (failed(bits))
    return failure();
  FixedType a = getFixedType(getLhs()), b = getFixedType(getRhs());
  int em = addExponent(a.getExponent(), b.getExponent(),
                       std::max(a.getWidth(), b.getWidth()), *bits);
  Bound sum = Bound(alignBound(a.getWidth(), a.getExponent(), em)) +
              Bound(alignBound(b.getWidth(), b.getExponent(), em));
  if (!fitsAccumulator(sum, *bits))
    return emitOpError() << "the sum may exceed the " << *bits
                         << "-bit accumulator (exponents " << a.getExponent()
                         << " and " << b.getExponent() << ")";
  return success();
}

LogicalResult QMulOp::verify() {
  auto bits = verifyBinaryFixedOp(*this);
  if (failed(bits))
    return failure();
  FixedType a = getFixedType(getLhs()), b = getFixedType(getRhs());
  if (!fitsAccumulator(Bound(a.getMaxCode()) * Bound(b.getMaxCode()), *bits))
    return emitOpError() << "the product of " << a.getWidth() << "- and "
                         << b.getWidth() << "-bit values may exceed the "
                         << *bits << "-bit accumulator";
  return success();
}

LogicalResult QReluOp::verify() { return verifyFixedOp(*this); }

LogicalResult QCReluOp::verify() { return verifyFixedOp(*this); }

LogicalResult QLutOp::verify() {
  auto bits = verifyFixedOp(*this);
  if (failed(bits))
    return failure();
  if (vectorSize(getInput()) != vectorSize(getResult()))
    return emitOpError() << "result must have the input's "
                         << vectorSize(getInput()) << " elements";
  int r = getRangeLog2(), k = getSegmentLog2();
  if (r < 0 || k < 0 || r > 15 || k > 15 || r + 1 + k > 16)
    return emitOpError() << "range_log2 = " << r << " and segment_log2 = " << k
                         << " must be non-negative with at most 2^16 segments";
  if (failed(checkExponent(*this, "node_exp", getNodeExp())))
    return failure();
  LutParams params{r, k, getNodeExp()};
  if (failed(verifyCodeVector(*this, "nodes", getNodes(),
                              params.numSegments() + 1, kMaxLutNodeBits)))
    return failure();
  // |t| <= M(16) · 2^f with f <= A - 17 (§8.7) holds for every A the
  // model verifier accepts (>= 18).
  return success();
}

//===----------------------------------------------------------------------===//
// Custom directives
//===----------------------------------------------------------------------===//

// The table's function prints as a bare keyword: `sigmoid`.
ParseResult lrnn::parseLutFunction(OpAsmParser &parser,
                                   LutFunctionAttr &attr) {
  StringRef keyword;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseKeyword(&keyword))
    return failure();
  std::optional<LutFunction> value = symbolizeLutFunction(keyword);
  if (!value)
    return parser.emitError(loc)
           << "expected 'sigmoid', 'gelu_tanh' or 'gelu_erf', got '" << keyword
           << "'";
  attr = LutFunctionAttr::get(parser.getContext(), *value);
  return success();
}

void lrnn::printLutFunction(OpAsmPrinter &printer, Operation *,
                            LutFunctionAttr attr) {
  printer << stringifyLutFunction(attr.getValue());
}
