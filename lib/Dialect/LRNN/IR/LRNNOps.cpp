//===- LRNNOps.cpp - lrnn operations --------------------------------------===//

#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"
#include "lrnn/Dialect/LRNN/IR/FixedPoint.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

#include <cmath>

using namespace mlir;
using namespace lrnn;

static int64_t vectorSize(Value value) {
  return cast<RankedTensorType>(value.getType()).getDimSize(0);
}

static bool isLRNNVector(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getRank() == 1 && tensor.hasStaticShape() &&
         tensor.getDimSize(0) > 0 && tensor.getElementType().isF32();
}

static bool isFixedVector(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getRank() == 1 && tensor.hasStaticShape() &&
         tensor.getDimSize(0) > 0 && isa<FixedType>(tensor.getElementType());
}

// The gelu variant prints as a bare keyword: `approximation(tanh)`.
static ParseResult parseGeluApproximation(OpAsmParser &parser,
                                          GeluApproximationAttr &attr) {
  StringRef keyword;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseKeyword(&keyword))
    return failure();
  std::optional<GeluApproximation> value = symbolizeGeluApproximation(keyword);
  if (!value)
    return parser.emitError(loc) << "expected 'tanh' or 'erf', got '"
                                 << keyword << "'";
  attr = GeluApproximationAttr::get(parser.getContext(), *value);
  return success();
}

static void printGeluApproximation(OpAsmPrinter &printer, Operation *,
                                   GeluApproximationAttr attr) {
  printer << stringifyGeluApproximation(attr.getValue());
}

//===----------------------------------------------------------------------===//
// ModelOp
//===----------------------------------------------------------------------===//

void ModelOp::build(OpBuilder &builder, OperationState &state, StringRef name,
                    RankedTensorType inputType, RankedTensorType outputType) {
  state.addAttribute(getSymNameAttrName(state.name),
                     builder.getStringAttr(name));
  state.addAttribute(getFunctionTypeAttrName(state.name),
                     TypeAttr::get(builder.getFunctionType({inputType},
                                                           {outputType})));
  Region *body = state.addRegion();
  Block *block = new Block();
  block->addArgument(inputType, state.location);
  body->push_back(block);
}

// lrnn.model @name(%u: tensor<Nxf32>) -> tensor<Mxf32> attributes {..} {..}
ParseResult ModelOp::parse(OpAsmParser &parser, OperationState &result) {
  StringAttr name;
  OpAsmParser::Argument input;
  Type outputType;
  if (parser.parseSymbolName(name, getSymNameAttrName(result.name),
                             result.attributes) ||
      parser.parseLParen() ||
      parser.parseArgument(input, /*allowType=*/true) ||
      parser.parseRParen() || parser.parseArrow() ||
      parser.parseType(outputType))
    return failure();
  result.addAttribute(
      getFunctionTypeAttrName(result.name),
      TypeAttr::get(FunctionType::get(parser.getContext(), {input.type},
                                      {outputType})));
  if (parser.parseOptionalAttrDictWithKeyword(result.attributes))
    return failure();
  Region *body = result.addRegion();
  return parser.parseRegion(*body, {input});
}

void ModelOp::print(OpAsmPrinter &p) {
  p << ' ';
  p.printSymbolName(getSymName());
  p << '(';
  p.printRegionArgument(getInput());
  p << ") -> " << getOutputType();
  p.printOptionalAttrDictWithKeyword(
      (*this)->getAttrs(), {getSymNameAttrName(), getFunctionTypeAttrName()});
  p << ' ';
  p.printRegion(getBody(), /*printEntryBlockArgs=*/false,
                /*printBlockTerminators=*/true);
}

LogicalResult ModelOp::verify() {
  FunctionType type = getFunctionType();
  if (type.getNumInputs() != 1 || type.getNumResults() != 1)
    return emitOpError() << "must take one input vector and return one output "
                            "vector, got "
                         << type;
  bool fixedInput = isFixedVector(type.getInput(0));
  bool fixedOutput = isFixedVector(type.getResult(0));
  if (fixedInput || fixedOutput) {
    if (!fixedInput || !fixedOutput)
      return emitOpError() << "a quantised model takes and returns vectors of "
                              "!lrnn.fixed, got "
                           << type;
    std::optional<uint32_t> bits = getAccumulatorBits();
    if (!bits)
      return emitOpError() << "a quantised model must declare accumulator_bits";
    if (*bits < fixed::kMinAccumulatorBits || *bits > fixed::kMaxAccumulatorBits)
      return emitOpError() << "accumulator_bits = " << int32_t(*bits)
                           << " is outside [" << fixed::kMinAccumulatorBits
                           << ", " << fixed::kMaxAccumulatorBits << "]";
  } else if (!isLRNNVector(type.getInput(0)) ||
             !isLRNNVector(type.getResult(0))) {
    return emitOpError() << "input and output must be non-empty 1-D static "
                            "tensors of f32 or !lrnn.fixed, got "
                         << type;
  } else if (getAccumulatorBits()) {
    return emitOpError() << "accumulator_bits applies only to quantised models";
  }
  Block &block = getBody().front();
  if (block.getNumArguments() != 1 ||
      block.getArgument(0).getType() != type.getInput(0))
    return emitOpError() << "body must take exactly one argument of type "
                         << type.getInput(0);
  if (block.empty() || !isa<OutputOp>(block.back()))
    return emitOpError() << "body must end with lrnn.output";
  return success();
}

SmallVector<DiagRecurrenceOp> ModelOp::getRecurrences() {
  return llvm::to_vector(getBodyBlock().getOps<DiagRecurrenceOp>());
}

int64_t ModelOp::getNumStates() {
  int64_t states = 0;
  for (Operation &op : getBodyBlock())
    if (isa<DiagRecurrenceOp, QDiagRecurrenceOp>(op))
      states += vectorSize(op.getOperand(0));
  return states;
}

//===----------------------------------------------------------------------===//
// OutputOp
//===----------------------------------------------------------------------===//

LogicalResult OutputOp::verify() {
  auto model = (*this)->getParentOfType<ModelOp>();
  if (getValue().getType() != model.getOutputType())
    return emitOpError() << "output of type " << getValue().getType()
                         << " does not match the model's output type "
                         << model.getOutputType();
  return success();
}

//===----------------------------------------------------------------------===//
// Projections
//===----------------------------------------------------------------------===//

LogicalResult ProjectOp::verify() {
  int64_t rows = vectorSize(getResult()), cols = vectorSize(getInput());
  if (failed(verifyWeight(*this, "weight", getWeight(), rows, cols)))
    return failure();
  if (auto bias = getBiasAttr())
    return verifyVector(*this, "bias", bias, rows);
  return success();
}

LogicalResult ComplexProjectOp::verify() {
  int64_t rows = vectorSize(getReal()), cols = vectorSize(getInput());
  if (failed(verifyWeight(*this, "weight_re", getWeightRe(), rows, cols)) ||
      failed(verifyWeight(*this, "weight_im", getWeightIm(), rows, cols)))
    return failure();
  if (auto bias = getBiasReAttr())
    if (failed(verifyVector(*this, "bias_re", bias, rows)))
      return failure();
  if (auto bias = getBiasImAttr())
    if (failed(verifyVector(*this, "bias_im", bias, rows)))
      return failure();
  return success();
}

LogicalResult ComplexReadoutOp::verify() {
  float kappa = getKappa().convertToFloat();
  if (!std::isfinite(kappa))
    return emitOpError() << "kappa must be finite";
  int64_t rows = vectorSize(getResult()), cols = vectorSize(getReal());
  if (failed(verifyWeight(*this, "weight_re", getWeightRe(), rows, cols)))
    return failure();
  return verifyWeight(*this, "weight_im", getWeightIm(), rows, cols);
}

//===----------------------------------------------------------------------===//
// DiagRecurrenceOp
//===----------------------------------------------------------------------===//

LogicalResult DiagRecurrenceOp::verify() {
  int64_t states = vectorSize(getInputRe());
  if (failed(verifyVector(*this, "lambda_re", getLambdaRe(), states)) ||
      failed(verifyVector(*this, "lambda_im", getLambdaIm(), states)))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// Element-wise ops
//===----------------------------------------------------------------------===//

LogicalResult ScaleOp::verify() {
  int64_t size = vectorSize(getInput());
  if (failed(verifyVector(*this, "factor", getFactor(), size)))
    return failure();
  if (auto bias = getBiasAttr())
    return verifyVector(*this, "bias", bias, size);
  return success();
}

LogicalResult BatchNormOp::verify() {
  int64_t size = vectorSize(getInput());
  for (auto [name, attr] :
       {std::pair<StringRef, ElementsAttr>{"scale", getScale()},
        {"bias", getBias()},
        {"mean", getMean()},
        {"var", getVar()}})
    if (failed(verifyVector(*this, name, attr, size)))
      return failure();
  float epsilon = getEpsilon().convertToFloat();
  if (!std::isfinite(epsilon) || epsilon < 0)
    return emitOpError() << "epsilon must be finite and non-negative, got "
                         << epsilon;
  std::vector<float> var = *readF32Elements(getVar());
  for (auto [k, v] : llvm::enumerate(var)) {
    if (v < 0)
      return emitOpError() << "var: negative variance " << v << " at index "
                           << k;
    if (v + epsilon <= 0)
      return emitOpError() << "var: variance plus epsilon is zero at index "
                           << k;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Fused ops
//===----------------------------------------------------------------------===//

LogicalResult FusedProjectOp::verify() {
  ArrayRef<int64_t> sizes = getSizes();
  if (sizes.size() != getNumResults())
    return emitOpError() << "has " << getNumResults() << " results but "
                         << sizes.size() << " sizes";
  if (sizes.empty())
    return emitOpError() << "must have at least one result";
  int64_t rows = 0;
  for (auto [i, size] : llvm::enumerate(sizes)) {
    if (size != vectorSize(getResult(i)))
      return emitOpError() << "size " << size << " of piece " << i
                           << " does not match result type "
                           << getResult(i).getType();
    rows += size;
  }
  if (failed(verifyWeight(*this, "weight", getWeight(), rows,
                          vectorSize(getInput()))))
    return failure();
  if (auto bias = getBiasAttr())
    return verifyVector(*this, "bias", bias, rows);
  return success();
}

LogicalResult ElementwiseOp::verify() {
  if (getNumResults() == 0)
    return emitOpError() << "must have at least one result";
  int64_t size = vectorSize(getResult(0));
  for (Value v : llvm::concat<Value>(getInputs(), getResults()))
    if (vectorSize(v) != size)
      return emitOpError() << "inputs and results must all have " << size
                           << " elements, got " << v.getType();
  return success();
}

/// Ops an lrnn.elementwise body may contain: scalar f32 arithmetic that
/// every backend implements.
static bool isAllowedScalarOp(Operation *op) {
  return isa<arith::ConstantOp, arith::AddFOp, arith::SubFOp, arith::MulFOp,
             arith::DivFOp, arith::NegFOp, arith::MaximumFOp,
             arith::MinimumFOp, arith::CmpFOp, arith::SelectOp, math::ExpOp,
             math::TanhOp, math::ErfOp, math::SqrtOp, YieldOp>(op);
}

LogicalResult ElementwiseOp::verifyRegions() {
  Block &body = getBody().front();
  if (body.getNumArguments() != getNumOperands())
    return emitOpError() << "body must take one argument per input ("
                         << getNumOperands() << "), got "
                         << body.getNumArguments();
  for (BlockArgument arg : body.getArguments())
    if (!arg.getType().isF32())
      return emitOpError() << "body arguments must be f32, got "
                           << arg.getType();
  for (Operation &op : body) {
    if (!isAllowedScalarOp(&op))
      return op.emitOpError() << "is not allowed in an lrnn.elementwise body";
    for (Type t : op.getResultTypes())
      if (!t.isF32() && !t.isInteger(1))
        return op.emitOpError() << "must compute on f32 scalars in an "
                                   "lrnn.elementwise body, got "
                                << t;
    if (auto constant = dyn_cast<arith::ConstantOp>(op)) {
      auto value = dyn_cast<FloatAttr>(constant.getValue());
      if (!value || !value.getType().isF32() ||
          !std::isfinite(value.getValueAsDouble()))
        return op.emitOpError() << "must be a finite f32 constant in an "
                                   "lrnn.elementwise body";
    }
  }
  auto yield = cast<YieldOp>(body.getTerminator());
  if (yield.getNumOperands() != getNumResults())
    return yield.emitOpError() << "yields " << yield.getNumOperands()
                               << " values for " << getNumResults()
                               << " results";
  return success();
}

#define GET_OP_CLASSES
#include "lrnn/Dialect/LRNN/IR/LRNNOps.cpp.inc"

LogicalResult BatchNormOp::getAffineMap(std::vector<double> &a,
                                        std::vector<double> &c) {
  auto scale = readF32Elements(getScale());
  auto bias = readF32Elements(getBias());
  auto mean = readF32Elements(getMean());
  auto var = readF32Elements(getVar());
  if (failed(scale) || failed(bias) || failed(mean) || failed(var))
    return failure();
  double eps = getEpsilon().convertToDouble();
  size_t n = scale->size();
  a.resize(n);
  c.resize(n);
  for (size_t i = 0; i < n; ++i) {
    a[i] = double((*scale)[i]) / std::sqrt(double((*var)[i]) + eps);
    c[i] = double((*bias)[i]) - double((*mean)[i]) * a[i];
  }
  return success();
}
