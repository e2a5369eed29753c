//===- LRNNToLoihi2.cpp - Quantised lrnn models to Loihi 2 programs -------===//
//
// Every integer op of docs/fixed-point.md becomes synapse blocks and neuron
// microcode that compute the same integers. Exactness rests on two facts:
// the model verifier proves every intermediate below 2^(A-1), and the
// lowering only accepts targets whose neuron arithmetic and dendritic
// accumulators hold A bits (neuron_alu_bits >= A), so nothing saturates
// except where the integer semantics saturate (every narrow ends in an
// explicit `loihi2.mc.sat`). Synapse blocks therefore use exponent 0 and the
// neuron program rescales the exact sum, bias included, once.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Conversion/LRNNToLoihi2/LRNNToLoihi2.h"
#include "lrnn/Analysis/CostModel.h"
#include "lrnn/Conversion/Passes.h"
#include "lrnn/Dialect/LRNN/IR/FixedPoint.h"
#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <memory>

namespace lrnn {
#define GEN_PASS_DEF_CONVERTLRNNTOLOIHI2
#include "lrnn/Conversion/Passes.h.inc"
} // namespace lrnn

using namespace mlir;
using namespace lrnn;
namespace l2 = lrnn::loihi2;

namespace {

/// A neuron group under construction: its microcode is emitted as the
/// model's ops are visited; ports, outputs, state and parameters are
/// collected and written when the program is complete.
struct GroupBuilder {
  l2::NeuronGroupOp op;
  int64_t size = 0;
  int64_t index = 0; ///< creation order: blocks only go to later groups
  int64_t ports = 0;
  SmallVector<Attribute> state, params;
  /// Values other groups or the host read: (microcode value, output).
  SmallVector<std::pair<Value, int64_t>> sends;
  /// lrnn value -> its microcode value in this group.
  llvm::DenseMap<Value, Value> local;
  /// lrnn value -> output it is sent on.
  llvm::DenseMap<Value, int64_t> outputOf;
  OpBuilder builder;
  int64_t depth = 0;
  explicit GroupBuilder(MLIRContext *ctx) : builder(ctx) {}
};

/// Where an lrnn value is computed: the host input or a group.
struct Producer {
  GroupBuilder *group = nullptr; ///< null: the model input
};

class ModelLowering {
public:
  ModelLowering(ModelOp model, const l2::TargetDescription &desc,
                const Loihi2LoweringOptions &options)
      : model(model), ctx(model.getContext()), desc(desc), options(options),
        top(ctx), i64(IntegerType::get(ctx, 64)) {}

  /// Builds the program before `model`; on failure erases what it built.
  FailureOr<l2::ProgramOp> run();

private:
  LogicalResult checkTarget();
  LogicalResult lowerOp(Operation &op);

  // Groups and routing.
  GroupBuilder &newGroup(Operation *origin, int64_t size);
  GroupBuilder &groupFor(Operation *op, ArrayRef<Value> operands);
  /// The microcode value of `value` in `group`, routed through an identity
  /// synapse block when computed elsewhere.
  Value localValue(GroupBuilder &group, Value value);
  /// (source symbol, output) that carries `value`, adding a send if needed.
  std::pair<FlatSymbolRefAttr, int64_t> sourceOf(Value value);
  void addBlock(GroupBuilder &target, Value source, int64_t port,
                Attribute weights, StringRef suffix);

  // Microcode.
  Value mc(GroupBuilder &g, int64_t constant);
  Value rescale(GroupBuilder &g, Value x, int64_t shift);
  Value narrow(GroupBuilder &g, Value x, int64_t shift, unsigned width);
  Value addBias(GroupBuilder &g, Value acc, Attribute bias,
                std::optional<int32_t> biasExp, int64_t accExp,
                StringRef name);
  /// Declares a parameter from integer codes; returns its read.
  FailureOr<Value> param(GroupBuilder &g, Operation *op, StringRef name,
                         Attribute values);

  LogicalResult finish();

  ModelOp model;
  MLIRContext *ctx;
  const l2::TargetDescription &desc;
  const Loihi2LoweringOptions &options;
  OpBuilder top;
  Type i64; ///< the type of every microcode value
  l2::ProgramOp program;
  l2::InputOp input;
  std::vector<std::unique_ptr<GroupBuilder>> groups;
  llvm::DenseMap<Value, Producer> producers;
  llvm::StringSet<> names;
  unsigned accBits = 0;
  int64_t counter = 0;
};

} // namespace

static FixedType fixedOf(Value v) { return getFixedType(v); }
static int64_t sizeOf(Value v) {
  return cast<RankedTensorType>(v.getType()).getDimSize(0);
}

/// A symbol name for what `op` computes: its location name, made unique.
static std::string uniqueName(llvm::StringSet<> &names, StringRef base) {
  std::string name = base.str();
  for (int i = 1; !names.insert(name).second; ++i)
    name = (base + "." + Twine(i)).str();
  return name;
}

LogicalResult ModelLowering::checkTarget() {
  auto fail = [&](const Twine &message) {
    return model.emitOpError() << "cannot be compiled for Loihi 2: "
                               << message;
  };
  if (accBits > unsigned(desc.neuronAluBits))
    return fail("its integer ops need " + Twine(accBits) +
                "-bit accumulators (accumulator_bits), wider than the "
                "target's neuron_alu_bits = " +
                Twine(desc.neuronAluBits));
  if (desc.weightBits < 8)
    return fail("its weights are 8-bit codes, wider than the target's "
                "weight_bits = " + Twine(desc.weightBits));
  if (desc.weightExponentMin > 0 || desc.weightExponentMax < 0)
    return fail("synapse blocks use weight exponent 0, outside the target's "
                "weight_exponent range");
  if (desc.neuronRegisterBits < 16)
    return fail("its 16-bit constants (biases, lambda) need "
                "neuron_register_bits >= 16, the target has " +
                Twine(desc.neuronRegisterBits));
  // Every value that travels is an activation code.
  unsigned widest = 0;
  model.walk([&](Operation *op) {
    for (Value v : op->getResults())
      if (auto type = dyn_cast<RankedTensorType>(v.getType()))
        if (auto fixed = dyn_cast<FixedType>(type.getElementType()))
          widest = std::max(widest, fixed.getWidth());
  });
  widest = std::max(widest, fixedOf(model.getInput()).getWidth());
  if (widest > unsigned(desc.messagePayloadBits))
    return fail("its activations are " + Twine(widest) +
                "-bit, wider than the target's message_payload_bits = " +
                Twine(desc.messagePayloadBits));
  if (widest > unsigned(desc.neuronRegisterBits))
    return fail("its states are " + Twine(widest) +
                "-bit, wider than the target's neuron_register_bits = " +
                Twine(desc.neuronRegisterBits));
  return success();
}

GroupBuilder &ModelLowering::newGroup(Operation *origin, int64_t size) {
  std::string base = getLocationName(origin->getLoc());
  if (base.empty())
    base = "g" + std::to_string(groups.size());
  auto group = std::make_unique<GroupBuilder>(ctx);
  group->size = size;
  group->index = groups.size();
  top.setInsertionPointToEnd(&program.getBody().front());
  group->op = l2::NeuronGroupOp::create(
      top, origin->getLoc(), uniqueName(names, base), size,
      top.getArrayAttr({}), /*ports=*/1, /*outputs=*/1, /*start=*/0,
      /*params=*/ArrayAttr(), /*placement=*/ArrayAttr());
  Block *body = new Block();
  group->op.getBody().push_back(body);
  group->builder.setInsertionPointToEnd(body);
  l2::McYieldOp::create(group->builder, origin->getLoc());
  group->builder.setInsertionPoint(body->getTerminator());
  groups.push_back(std::move(group));
  return *groups.back();
}

GroupBuilder &ModelLowering::groupFor(Operation *op, ArrayRef<Value> operands) {
  // The latest group holding an operand: routes then only go from earlier
  // groups to later ones, so the program has no cycle.
  GroupBuilder *best = nullptr;
  for (Value v : operands) {
    GroupBuilder *g = producers.lookup(v).group;
    if (g && (!best || g->index > best->index))
      best = g;
  }
  if (best)
    return *best;
  return newGroup(op, sizeOf(operands.front()));
}

std::pair<FlatSymbolRefAttr, int64_t> ModelLowering::sourceOf(Value value) {
  GroupBuilder *g = producers.lookup(value).group;
  if (!g)
    return {FlatSymbolRefAttr::get(input.getSymNameAttr()), 0};
  auto it = g->outputOf.find(value);
  if (it == g->outputOf.end()) {
    int64_t output = g->sends.size();
    g->sends.push_back({g->local.lookup(value), output});
    it = g->outputOf.insert({value, output}).first;
  }
  return {FlatSymbolRefAttr::get(g->op.getSymNameAttr()), it->second};
}

void ModelLowering::addBlock(GroupBuilder &target, Value source, int64_t port,
                             Attribute weights, StringRef suffix) {
  auto [symbol, output] = sourceOf(source);
  top.setInsertionPointToEnd(&program.getBody().front());
  std::string name =
      uniqueName(names, (target.op.getSymName() + "." + suffix).str());
  l2::SynapseBlockOp::create(
      top, target.op.getLoc(), top.getStringAttr(name), symbol,
      FlatSymbolRefAttr::get(target.op.getSymNameAttr()),
      top.getI64IntegerAttr(port), weights, /*weight_exp=*/top.getI64IntegerAttr(0),
      /*delay=*/top.getI64IntegerAttr(0), top.getI64IntegerAttr(output));
}

Value ModelLowering::localValue(GroupBuilder &group, Value value) {
  if (Value v = group.local.lookup(value))
    return v;
  int64_t n = sizeOf(value);
  // Identity weights: port value = the code itself.
  SmallVector<int64_t> codes(n * n, 0);
  for (int64_t i = 0; i < n; ++i)
    codes[i * n + i] = 1;
  Attribute weights = buildCodeWeight(
      ctx, codes, n, n, 8, /*maxSparseDensity=*/1.0,
      (group.op.getSymName() + ".route" + Twine(counter++)).str());
  int64_t port = group.ports++;
  addBlock(group, value, port, weights, "route" + std::to_string(port));
  OpBuilder &b = group.builder;
  Value read = l2::McReadPortOp::create(b, group.op.getLoc(), i64, port);
  // The code is already a w-bit value; the sat proves it to the payload
  // check should this group send it on.
  Value v = l2::McSatOp::create(b, group.op.getLoc(), i64, read,
                                fixedOf(value).getWidth());
  group.local[value] = v;
  return v;
}

Value ModelLowering::mc(GroupBuilder &g, int64_t constant) {
  return l2::McConstOp::create(g.builder, g.op.getLoc(), i64, constant);
}

Value ModelLowering::rescale(GroupBuilder &g, Value x, int64_t shift) {
  Location loc = g.op.getLoc();
  if (shift > 0)
    // Beyond U bits every value rounds to 0 at shift U already.
    return l2::McShrRoundOp::create(g.builder, loc, i64, x,
                                    std::min<int64_t>(shift, desc.neuronAluBits));
  // Left shifts saturate at U bits, which composes: sat(sat(x*2^a)*2^b) =
  // sat(x*2^(a+b)).
  for (int64_t left = -shift; left > 0;) {
    int64_t step = std::min<int64_t>(left, desc.neuronAluBits - 1);
    x = l2::McShlOp::create(g.builder, loc, i64, x, step);
    left -= step;
  }
  return x;
}

Value ModelLowering::narrow(GroupBuilder &g, Value x, int64_t shift,
                            unsigned width) {
  return l2::McSatOp::create(g.builder, g.op.getLoc(), i64, rescale(g, x, shift),
                             width);
}

FailureOr<Value> ModelLowering::param(GroupBuilder &g, Operation *op,
                                      StringRef name, Attribute values) {
  auto elements = dyn_cast<ElementsAttr>(values);
  FailureOr<std::vector<int64_t>> codes = failure();
  if (elements)
    codes = readIntElements(elements);
  if (failed(codes))
    return op->emitOpError() << "cannot be lowered to Loihi 2: the data of '"
                             << name << "' is unavailable";
  unsigned bits = elements.getElementType().getIntOrFloatBitWidth();
  std::string unique = name.str();
  for (int i = 1; llvm::any_of(g.params, [&](Attribute a) {
                    return cast<DictionaryAttr>(a).getAs<StringAttr>("name")
                               .getValue() == unique;
                  });
       ++i)
    unique = (name + Twine(i)).str();
  OpBuilder b(ctx);
  g.params.push_back(b.getDictionaryAttr(
      {b.getNamedAttr("name", b.getStringAttr(unique)),
       b.getNamedAttr("values",
                      buildCodeElements(ctx, {g.size}, *codes, bits,
                                        (g.op.getSymName() + "." + unique)
                                            .str()))}));
  return l2::McReadParamOp::create(g.builder, g.op.getLoc(), i64, unique)
      .getResult();
}

Value ModelLowering::addBias(GroupBuilder &g, Value acc, Attribute bias,
                             std::optional<int32_t> biasExp, int64_t accExp,
                             StringRef name) {
  if (!bias)
    return acc;
  // Operands are verified, so the data is readable unless elided; `param`
  // reports that case.
  FailureOr<Value> b = param(g, g.op, name, bias);
  if (failed(b))
    return {};
  // q_b · 2^(e_acc - e_b), an exact left shift (e_b <= e_acc, §2.4).
  Value aligned = rescale(g, *b, -(accExp - *biasExp));
  return l2::McAddOp::create(g.builder, g.op.getLoc(), i64, acc, aligned);
}

/// `weights` with every code negated (−W_im of the readout).
static Attribute negateWeights(MLIRContext *ctx, Attribute weights,
                               StringRef blobName) {
  FailureOr<CsrMatrix> csr = readWeight(weights);
  if (failed(csr))
    return {};
  std::vector<int64_t> codes(csr->rows * csr->cols, 0);
  for (int64_t r = 0; r < csr->rows; ++r)
    for (int64_t k = csr->rowStart[r]; k < csr->rowStart[r + 1]; ++k)
      codes[r * csr->cols + csr->colIndex[k]] = -int64_t(csr->values[k]);
  bool sparse = isa<SparseMatrixAttr>(weights);
  return buildCodeWeight(ctx, codes, csr->rows, csr->cols, 8,
                         sparse ? 1.0 : -1.0, blobName);
}

LogicalResult ModelLowering::lowerOp(Operation &op) {
  Location loc = op.getLoc();
  auto unavailable = [&]() {
    return op.emitOpError()
           << "cannot be lowered to Loihi 2: its weight data is unavailable";
  };

  // A projection: a new group fed by one synapse block.
  if (auto project = dyn_cast<QProjectOp>(op)) {
    Value y = project.getResult();
    GroupBuilder &g = newGroup(&op, sizeOf(y));
    int64_t port = g.ports++;
    addBlock(g, project.getInput(), port, project.getWeight(), "w");
    int64_t accExp = project.getWeightExp() + fixedOf(project.getInput()).getExponent();
    Value acc = l2::McReadPortOp::create(g.builder, loc, i64, port);
    acc = addBias(g, acc, project.getBiasAttr(), project.getBiasExp(), accExp,
                  "bias");
    if (!acc)
      return failure();
    g.local[y] = narrow(g, acc, accExp - fixedOf(y).getExponent(),
                        fixedOf(y).getWidth());
    producers[y] = {&g};
    return success();
  }

  // Real and imaginary projections: two ports of one group (the recurrence
  // that follows lives there too).
  if (auto project = dyn_cast<QComplexProjectOp>(op)) {
    GroupBuilder &g = newGroup(&op, sizeOf(project.getReal()));
    int64_t inExp = fixedOf(project.getInput()).getExponent();
    struct Part {
      Value result;
      Attribute weight;
      int32_t weightExp;
      Attribute bias;
      std::optional<int32_t> biasExp;
      StringRef name;
    } parts[] = {{project.getReal(), project.getWeightRe(),
                  project.getWeightReExp(), project.getBiasReAttr(),
                  project.getBiasReExp(), "re"},
                 {project.getImag(), project.getWeightIm(),
                  project.getWeightImExp(), project.getBiasImAttr(),
                  project.getBiasImExp(), "im"}};
    for (Part &part : parts) {
      int64_t port = g.ports++;
      addBlock(g, project.getInput(), port, part.weight, part.name);
      int64_t accExp = part.weightExp + inExp;
      Value acc = l2::McReadPortOp::create(g.builder, loc, i64, port);
      acc = addBias(g, acc, part.bias, part.biasExp, accExp,
                    ("bias_" + part.name).str());
      if (!acc)
        return failure();
      g.local[part.result] =
          narrow(g, acc, accExp - fixedOf(part.result).getExponent(),
                 fixedOf(part.result).getWidth());
      producers[part.result] = {&g};
    }
    return success();
  }

  // Re(C x): W_re x_re and -W_im x_im summed in one port.
  if (auto readout = dyn_cast<QComplexReadoutOp>(op)) {
    Value y = readout.getResult();
    GroupBuilder &g = newGroup(&op, sizeOf(y));
    int64_t port = g.ports++;
    addBlock(g, readout.getReal(), port, readout.getWeightRe(), "re");
    Attribute negIm = negateWeights(ctx, readout.getWeightIm(),
                                    (g.op.getSymName() + ".im").str());
    if (!negIm)
      return unavailable();
    addBlock(g, readout.getImag(), port, negIm, "im");
    Value acc = l2::McReadPortOp::create(g.builder, loc, i64, port);
    int64_t shift = readout.getWeightExp() +
                    fixedOf(readout.getReal()).getExponent() -
                    fixedOf(y).getExponent();
    g.local[y] = narrow(g, acc, shift, fixedOf(y).getWidth());
    producers[y] = {&g};
    return success();
  }

  // Element-wise ops: microcode of one group.
  SmallVector<Value> operands(op.getOperands());
  if (operands.empty())
    return op.emitOpError() << "is not supported by the Loihi 2 lowering";
  auto define = [&](GroupBuilder &g, Value result, Value mcValue) {
    g.local[result] = mcValue;
    producers[result] = {&g};
  };

  if (auto rec = dyn_cast<QDiagRecurrenceOp>(op)) {
    GroupBuilder &g = groupFor(&op, operands);
    Value vr = localValue(g, rec.getInputRe());
    Value vi = localValue(g, rec.getInputIm());
    FailureOr<Value> lr = param(g, &op, "lambda_re", rec.getLambdaRe());
    FailureOr<Value> li = param(g, &op, "lambda_im", rec.getLambdaIm());
    if (failed(lr) || failed(li))
      return failure();
    unsigned width = fixedOf(rec.getStateRe()).getWidth();
    std::string suffix = counter ? std::to_string(counter) : "";
    ++counter;
    std::string nameRe = "x_re" + suffix, nameIm = "x_im" + suffix;
    OpBuilder b(ctx);
    for (StringRef name : {nameRe, nameIm})
      g.state.push_back(b.getDictionaryAttr(
          {b.getNamedAttr("name", b.getStringAttr(name)),
           b.getNamedAttr("width", b.getI64IntegerAttr(width))}));
    OpBuilder &mb = g.builder;
    Value xr = l2::McReadStateOp::create(mb, loc, i64, nameRe);
    Value xi = l2::McReadStateOp::create(mb, loc, i64, nameIm);
    int64_t eL = rec.getLambdaExp();
    auto product = [&](Value a, Value c) {
      return rescale(g, l2::McMulOp::create(mb, loc, i64, a, c), eL);
    };
    int64_t align = fixedOf(rec.getInputRe()).getExponent() -
                    fixedOf(rec.getStateRe()).getExponent();
    Value ar = rescale(g, vr, align), ai = rescale(g, vi, align);
    Value re = l2::McAddOp::create(
        mb, loc, i64,
        l2::McSubOp::create(mb, loc, i64, product(*lr, xr), product(*li, xi)), ar);
    Value im = l2::McAddOp::create(
        mb, loc, i64,
        l2::McAddOp::create(mb, loc, i64, product(*lr, xi), product(*li, xr)), ai);
    Value nr = l2::McSatOp::create(mb, loc, i64, re, width);
    Value ni = l2::McSatOp::create(mb, loc, i64, im, width);
    l2::McWriteStateOp::create(mb, loc, nameRe, nr);
    l2::McWriteStateOp::create(mb, loc, nameIm, ni);
    define(g, rec.getStateRe(), nr);
    define(g, rec.getStateIm(), ni);
    return success();
  }

  GroupBuilder &g = groupFor(&op, operands);
  SmallVector<Value> in;
  for (Value v : operands)
    in.push_back(localValue(g, v));
  OpBuilder &mb = g.builder;

  if (auto crelu = dyn_cast<QCReluOp>(op)) {
    // Keep (re, im) where re > 0, or re == 0 and im > 0 (§4.6).
    Value zero = mc(g, 0);
    Value gt = l2::McCmpGtOp::create(mb, loc, i64, in[0], zero);
    Value eq = l2::McCmpEqOp::create(mb, loc, i64, in[0], zero);
    Value imGt = l2::McCmpGtOp::create(mb, loc, i64, in[1], zero);
    Value keep = l2::McAddOp::create(mb, loc, i64, gt,
                                     l2::McMulOp::create(mb, loc, i64, eq, imGt));
    define(g, crelu.getResultRe(),
           l2::McSelectOp::create(mb, loc, i64, keep, in[0], zero));
    define(g, crelu.getResultIm(),
           l2::McSelectOp::create(mb, loc, i64, keep, in[1], zero));
    return success();
  }
  if (auto relu = dyn_cast<QReluOp>(op)) {
    define(g, relu.getResult(), l2::McReluOp::create(mb, loc, i64, in[0]));
    return success();
  }
  if (auto scale = dyn_cast<QScaleOp>(op)) {
    Value y = scale.getResult();
    FailureOr<Value> factor = param(g, &op, "factor", scale.getFactor());
    if (failed(factor))
      return failure();
    int64_t accExp = scale.getFactorExp() + fixedOf(scale.getInput()).getExponent();
    Value acc = l2::McMulOp::create(mb, loc, i64, *factor, in[0]);
    acc = addBias(g, acc, scale.getBiasAttr(), scale.getBiasExp(), accExp,
                  "scale_bias");
    if (!acc)
      return failure();
    define(g, y, narrow(g, acc, accExp - fixedOf(y).getExponent(),
                        fixedOf(y).getWidth()));
    return success();
  }
  if (auto add = dyn_cast<QAddOp>(op)) {
    FixedType a = fixedOf(add.getLhs()), b = fixedOf(add.getRhs()),
              y = fixedOf(add.getResult());
    int em = fixed::addExponent(a.getExponent(), b.getExponent(),
                                std::max(a.getWidth(), b.getWidth()), accBits);
    Value acc = l2::McAddOp::create(mb, loc, i64,
                                    rescale(g, in[0], a.getExponent() - em),
                                    rescale(g, in[1], b.getExponent() - em));
    define(g, add.getResult(),
           narrow(g, acc, em - y.getExponent(), y.getWidth()));
    return success();
  }
  if (auto mul = dyn_cast<QMulOp>(op)) {
    FixedType a = fixedOf(mul.getLhs()), b = fixedOf(mul.getRhs()),
              y = fixedOf(mul.getResult());
    Value acc = l2::McMulOp::create(mb, loc, i64, in[0], in[1]);
    define(g, mul.getResult(),
           narrow(g, acc, a.getExponent() + b.getExponent() - y.getExponent(),
                  y.getWidth()));
    return success();
  }
  if (auto lut = dyn_cast<QLutOp>(op)) {
    FailureOr<std::vector<int64_t>> nodes = readIntElements(lut.getNodes());
    if (failed(nodes))
      return unavailable();
    SmallVector<int16_t> nodes16(nodes->begin(), nodes->end());
    FixedType x = fixedOf(lut.getInput()), y = fixedOf(lut.getResult());
    bool identityAbove = lut.getFunction() != LutFunction::Sigmoid;
    Value r = l2::McLutOp::create(
        mb, loc, i64, stringifyLutFunction(lut.getFunction()), in[0], nodes16,
        lut.getRangeLog2(), lut.getSegmentLog2(), lut.getNodeExp(),
        x.getExponent(), y.getExponent(), y.getWidth(), accBits,
        identityAbove);
    define(g, lut.getResult(), r);
    return success();
  }
  return op.emitOpError() << "is not supported by the Loihi 2 lowering "
                             "(quantise the model with --lrnn-quantize "
                             "before element-wise fusion)";
}

LogicalResult ModelLowering::finish() {
  Block &body = model.getBodyBlock();
  auto output = cast<OutputOp>(body.getTerminator());
  Value result = output.getValue();
  // The host reads a group's output; an input passed straight through
  // needs a group that forwards it.
  if (!producers.lookup(result).group) {
    GroupBuilder &g = newGroup(output.getOperation(), sizeOf(result));
    localValue(g, result);
    producers[result] = {&g};
  }
  auto [source, sourceOutput] = sourceOf(result);

  // Depths: the input is 0, a group one more than its deepest source.
  // Groups are created in dependency order.
  llvm::DenseMap<StringRef, GroupBuilder *> byName;
  for (auto &g : groups)
    byName[g->op.getSymName()] = g.get();
  SmallVector<l2::SynapseBlockOp> blocks(
      program.getBody().front().getOps<l2::SynapseBlockOp>());
  for (auto &g : groups) {
    g->depth = 1;
    for (l2::SynapseBlockOp block : blocks)
      if (block.getTarget() == g->op.getSymName())
        if (GroupBuilder *src = byName.lookup(block.getSource()))
          g->depth = std::max(g->depth, src->depth + 1);
  }
  bool pipelined = options.mode == l2::ExecutionMode::Pipelined;
  OpBuilder b(ctx);
  if (pipelined)
    for (l2::SynapseBlockOp block : blocks) {
      GroupBuilder *src = byName.lookup(block.getSource());
      int64_t srcDepth = src ? src->depth : 0;
      block.setDelay(byName.lookup(block.getTarget())->depth - srcDepth - 1);
    }

  for (auto &g : groups) {
    for (auto [value, out] : g->sends)
      l2::McSendOp::create(g->builder, g->op.getLoc(), value, out);
    g->op.setPorts(g->ports);
    g->op.setOutputs(g->sends.size());
    g->op.setStateAttr(b.getArrayAttr(g->state));
    if (!g->params.empty())
      g->op.setParamsAttr(b.getArrayAttr(g->params));
    if (pipelined)
      g->op.setStart(g->depth);
  }
  FixedType outType = fixedOf(result);
  top.setInsertionPointToEnd(&program.getBody().front());
  GroupBuilder *last = byName.lookup(source.getValue());
  l2::OutputOp::create(top, output.getLoc(), top.getStringAttr("output"),
                       source, top.getI64IntegerAttr(sizeOf(result)),
                       top.getI64IntegerAttr(sourceOutput),
                       top.getI64IntegerAttr(outType.getExponent()),
                       top.getI64IntegerAttr(pipelined ? last->depth : 0));
  return success();
}

FailureOr<l2::ProgramOp> ModelLowering::run() {
  if (!isa<FixedType>(model.getInputType().getElementType()))
    return model.emitOpError()
           << "is not quantised; run --lrnn-quantize first (Loihi 2 "
              "executes integer models only)";
  accBits = model.getAccumulatorBits().value_or(0);
  if (failed(checkTarget()))
    return failure();

  top.setInsertionPoint(model);
  auto mode = options.mode;
  program = l2::ProgramOp::create(top, model.getLoc(), model.getSymName(),
                                  options.system,
                                  l2::stringifyExecutionMode(mode),
                                  StringAttr());
  program.getBody().push_back(new Block());
  if (options.embedTarget) {
    std::string json;
    llvm::raw_string_ostream os(json);
    l2::writeTargetDescription(desc, os);
    program.setTarget(json);
  }
  names.insert("input");
  names.insert("output");
  FixedType inType = fixedOf(model.getInput());
  top.setInsertionPointToEnd(&program.getBody().front());
  input = l2::InputOp::create(top, model.getLoc(), "input",
                              sizeOf(model.getInput()), inType.getWidth(),
                              inType.getExponent());
  producers[model.getInput()] = {};

  for (Operation &op : model.getBodyBlock().without_terminator())
    if (failed(lowerOp(op))) {
      program.erase();
      return failure();
    }
  if (failed(finish())) {
    program.erase();
    return failure();
  }
  return program;
}

LogicalResult lrnn::lowerToLoihi2(ModuleOp module,
                                  const Loihi2LoweringOptions &options) {
  module.getContext()->getOrLoadDialect<l2::Loihi2Dialect>();
  const l2::TargetDescription &desc =
      options.target ? *options.target : l2::getDefaultTargetDescription();
  if (auto system = desc.getSystem(options.system); !system) {
    return module.emitError() << llvm::toString(system.takeError());
  }
  SmallVector<ModelOp> models(module.getOps<ModelOp>());
  SmallVector<l2::ProgramOp> built;
  for (ModelOp model : models) {
    ModelLowering lowering(model, desc, options);
    FailureOr<l2::ProgramOp> program = lowering.run();
    if (failed(program)) {
      for (l2::ProgramOp p : built)
        p.erase();
      return failure();
    }
    built.push_back(*program);
  }
  for (ModelOp model : models)
    model.erase();
  for (l2::ProgramOp program : built)
    if (failed(mlir::verify(program)))
      return failure();
  return success();
}

namespace {
struct ConvertLRNNToLoihi2Pass
    : public lrnn::impl::ConvertLRNNToLoihi2Base<ConvertLRNNToLoihi2Pass> {
  using Base::Base;
  void runOnOperation() override {
    Loihi2LoweringOptions opts;
    std::optional<l2::ExecutionMode> parsedMode =
        l2::symbolizeExecutionMode(mode);
    if (!parsedMode) {
      getOperation().emitError()
          << "--lrnn-to-loihi2: mode must be fall-through or pipelined, got '"
          << mode << "'";
      return signalPassFailure();
    }
    opts.mode = *parsedMode;
    opts.system = system;
    std::optional<l2::TargetDescription> loaded;
    if (!targetConfig.empty()) {
      llvm::Expected<l2::TargetDescription> desc =
          l2::loadTargetDescription(targetConfig);
      if (!desc) {
        getOperation().emitError() << llvm::toString(desc.takeError());
        return signalPassFailure();
      }
      loaded = std::move(*desc);
      opts.target = &*loaded;
      opts.embedTarget = true;
    }
    if (failed(lowerToLoihi2(getOperation(), opts)))
      signalPassFailure();
  }
};
} // namespace
