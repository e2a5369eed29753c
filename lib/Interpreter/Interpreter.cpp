//===- Interpreter.cpp - Reference interpreter for lrnn models ------------===//

#include "lrnn/Interpreter/Interpreter.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"

#include "llvm/ADT/DenseMap.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;
using namespace lrnn;

namespace {
/// The body of an lrnn.elementwise as straight-line code over scalar
/// registers: the block arguments first, then one register per op result.
class ScalarProgram {
public:
  static llvm::Expected<ScalarProgram> compile(ElementwiseOp op);

  void run(ArrayRef<double *> inputs, ArrayRef<double *> outputs, size_t i) {
    for (size_t a = 0; a < inputs.size(); ++a)
      registers[a] = inputs[a][i];
    for (const Instruction &in : code) {
      double a = registers[in.a], b = registers[in.b], c = registers[in.c];
      registers[in.result] = evaluate(in, a, b, c);
    }
    for (size_t r = 0; r < outputs.size(); ++r)
      outputs[r][i] = registers[results[r]];
  }

private:
  enum class Kind {
    Constant, Add, Sub, Mul, Div, Neg, Max, Min, Cmp, Select, Exp, Tanh,
    Erf, Sqrt
  };
  struct Instruction {
    Kind kind;
    unsigned a = 0, b = 0, c = 0, result = 0;
    double constant = 0;
    arith::CmpFPredicate predicate = arith::CmpFPredicate::AlwaysFalse;
  };

  static double evaluate(const Instruction &in, double a, double b, double c) {
    switch (in.kind) {
    case Kind::Constant:
      return in.constant;
    case Kind::Add:
      return a + b;
    case Kind::Sub:
      return a - b;
    case Kind::Mul:
      return a * b;
    case Kind::Div:
      return a / b;
    case Kind::Neg:
      return -a;
    // arith.maximumf / minimumf: NaN propagates, -0 < +0.
    case Kind::Max:
      if (std::isnan(a) || std::isnan(b))
        return NAN;
      if (a == b)
        return std::signbit(a) ? b : a;
      return a > b ? a : b;
    case Kind::Min:
      if (std::isnan(a) || std::isnan(b))
        return NAN;
      if (a == b)
        return std::signbit(a) ? a : b;
      return a < b ? a : b;
    case Kind::Cmp:
      return compare(in.predicate, a, b) ? 1.0 : 0.0;
    case Kind::Select:
      return a != 0.0 ? b : c;
    case Kind::Exp:
      return std::exp(a);
    case Kind::Tanh:
      return std::tanh(a);
    case Kind::Erf:
      return std::erf(a);
    case Kind::Sqrt:
      return std::sqrt(a);
    }
    return NAN;
  }

  static bool compare(arith::CmpFPredicate p, double a, double b) {
    bool unordered = std::isnan(a) || std::isnan(b);
    using P = arith::CmpFPredicate;
    switch (p) {
    case P::AlwaysFalse: return false;
    case P::AlwaysTrue: return true;
    case P::OEQ: return !unordered && a == b;
    case P::OGT: return !unordered && a > b;
    case P::OGE: return !unordered && a >= b;
    case P::OLT: return !unordered && a < b;
    case P::OLE: return !unordered && a <= b;
    case P::ONE: return !unordered && a != b;
    case P::ORD: return !unordered;
    case P::UEQ: return unordered || a == b;
    case P::UGT: return unordered || a > b;
    case P::UGE: return unordered || a >= b;
    case P::ULT: return unordered || a < b;
    case P::ULE: return unordered || a <= b;
    case P::UNE: return unordered || a != b;
    case P::UNO: return unordered;
    }
    return false;
  }

  std::vector<Instruction> code;
  std::vector<double> registers;
  std::vector<unsigned> results;
};

llvm::Expected<ScalarProgram> ScalarProgram::compile(ElementwiseOp op) {
  ScalarProgram program;
  llvm::DenseMap<Value, unsigned> index;
  Block &body = op.getBody().front();
  for (BlockArgument arg : body.getArguments())
    index[arg] = index.size();
  for (Operation &inner : body) {
    if (auto yield = dyn_cast<YieldOp>(inner)) {
      for (Value v : yield.getValues())
        program.results.push_back(index.lookup(v));
      continue;
    }
    Instruction in;
    auto operand = [&](unsigned i) { return index.lookup(inner.getOperand(i)); };
    if (auto c = dyn_cast<arith::ConstantOp>(inner)) {
      in.kind = Kind::Constant;
      in.constant = cast<FloatAttr>(c.getValue()).getValueAsDouble();
    } else if (auto cmp = dyn_cast<arith::CmpFOp>(inner)) {
      in.kind = Kind::Cmp;
      in.predicate = cmp.getPredicate();
    } else {
      auto kind =
          llvm::TypeSwitch<Operation *, std::optional<Kind>>(&inner)
              .Case([](arith::AddFOp) { return Kind::Add; })
              .Case([](arith::SubFOp) { return Kind::Sub; })
              .Case([](arith::MulFOp) { return Kind::Mul; })
              .Case([](arith::DivFOp) { return Kind::Div; })
              .Case([](arith::NegFOp) { return Kind::Neg; })
              .Case([](arith::MaximumFOp) { return Kind::Max; })
              .Case([](arith::MinimumFOp) { return Kind::Min; })
              .Case([](arith::SelectOp) { return Kind::Select; })
              .Case([](math::ExpOp) { return Kind::Exp; })
              .Case([](math::TanhOp) { return Kind::Tanh; })
              .Case([](math::ErfOp) { return Kind::Erf; })
              .Case([](math::SqrtOp) { return Kind::Sqrt; })
              .Default([](Operation *) { return std::nullopt; });
      if (!kind)
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "'" + inner.getName().getStringRef() +
                "' is not supported in lrnn.elementwise by the interpreter");
      in.kind = *kind;
    }
    unsigned n = inner.getNumOperands();
    if (n > 0)
      in.a = operand(0);
    if (n > 1)
      in.b = operand(1);
    if (n > 2)
      in.c = operand(2);
    in.result = index.size();
    index[inner.getResult(0)] = in.result;
    program.code.push_back(in);
  }
  program.registers.assign(index.size(), 0.0);
  return program;
}

/// Builds the closure program of an Interpreter from a model body.
class ProgramBuilder {
public:
  ProgramBuilder(std::vector<std::vector<double>> &buffers,
                 std::vector<std::vector<double>> &states)
      : buffers(buffers), states(states) {}

  /// The buffer of `value`, created on first use.
  size_t slot(Value value) {
    auto [it, inserted] = slots.try_emplace(value, buffers.size());
    if (inserted)
      buffers.emplace_back(cast<RankedTensorType>(value.getType()).getDimSize(0));
    return it->second;
  }

  llvm::Expected<std::function<void()>> build(Operation *op);

  llvm::DenseMap<Value, size_t> takeSlots() { return std::move(slots); }

private:
  double *data(size_t index) { return buffers[index].data(); }

  llvm::Error unavailable(Operation *op, StringRef what) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'" + op->getName().getStringRef() +
                                       "': " + what + " data is unavailable");
  }

  llvm::Expected<std::vector<double>> vector(Operation *op, ElementsAttr attr,
                                             StringRef what) {
    auto values = readF32Elements(attr);
    if (failed(values))
      return unavailable(op, what);
    return std::vector<double>(values->begin(), values->end());
  }

  /// A bias-like vector of `size` elements; zeros when `attr` is absent.
  llvm::Expected<std::vector<double>> optionalVector(Operation *op,
                                                    ElementsAttr attr,
                                                    StringRef what,
                                                    int64_t size) {
    if (!attr)
      return std::vector<double>(size, 0.0);
    return vector(op, attr, what);
  }

  llvm::Expected<std::shared_ptr<CsrMatrix>> matrix(Operation *op,
                                                    Attribute weight,
                                                    StringRef what) {
    auto m = readWeight(weight);
    if (failed(m))
      return unavailable(op, what);
    return std::make_shared<CsrMatrix>(std::move(*m));
  }

  /// y[r] (+)= scale * sum_k W[r, k] x[k].
  static void multiply(const CsrMatrix &w, const double *x, double *y,
                       double scale, bool accumulate) {
    for (int64_t r = 0; r < w.rows; ++r) {
      double sum = 0;
      for (int64_t k = w.rowStart[r]; k < w.rowStart[r + 1]; ++k)
        sum += w.values[k] * x[w.colIndex[k]];
      y[r] = accumulate ? y[r] + scale * sum : scale * sum;
    }
  }

  template <typename Fn>
  std::function<void()> unary(Value in, Value out, Fn fn) {
    double *x = data(slot(in)), *y = data(slot(out));
    size_t n = buffers[slot(out)].size();
    return [=] {
      for (size_t i = 0; i < n; ++i)
        y[i] = fn(x[i]);
    };
  }

  template <typename Fn>
  std::function<void()> binary(Value lhs, Value rhs, Value out, Fn fn) {
    double *a = data(slot(lhs)), *b = data(slot(rhs)), *y = data(slot(out));
    size_t n = buffers[slot(out)].size();
    return [=] {
      for (size_t i = 0; i < n; ++i)
        y[i] = fn(a[i], b[i]);
    };
  }

  std::vector<std::vector<double>> &buffers;
  std::vector<std::vector<double>> &states;
  llvm::DenseMap<Value, size_t> slots;
};
} // namespace

llvm::Expected<std::function<void()>> ProgramBuilder::build(Operation *op) {
  // Buffers must all exist before closures capture their addresses, so
  // results and operands are assigned slots first.
  for (Value v : op->getOperands())
    slot(v);
  for (Value v : op->getResults())
    slot(v);

  if (auto project = dyn_cast<ProjectOp>(op)) {
    auto w = matrix(op, project.getWeight(), "weight");
    if (!w)
      return w.takeError();
    auto bias = optionalVector(op, project.getBiasAttr(), "bias", w.get()->rows);
    if (!bias)
      return bias.takeError();
    double *x = data(slot(project.getInput()));
    double *y = data(slot(project.getResult()));
    return [w = *w, bias = std::move(*bias), x, y] {
      multiply(*w, x, y, 1.0, /*accumulate=*/false);
      for (size_t r = 0; r < bias.size(); ++r)
        y[r] += bias[r];
    };
  }
  if (auto project = dyn_cast<ComplexProjectOp>(op)) {
    auto re = matrix(op, project.getWeightRe(), "weight_re");
    if (!re)
      return re.takeError();
    auto im = matrix(op, project.getWeightIm(), "weight_im");
    if (!im)
      return im.takeError();
    auto biasRe = optionalVector(op, project.getBiasReAttr(), "bias_re",
                                 re.get()->rows);
    if (!biasRe)
      return biasRe.takeError();
    auto biasIm = optionalVector(op, project.getBiasImAttr(), "bias_im",
                                 re.get()->rows);
    if (!biasIm)
      return biasIm.takeError();
    double *x = data(slot(project.getInput()));
    double *yr = data(slot(project.getReal()));
    double *yi = data(slot(project.getImag()));
    return [re = *re, im = *im, br = std::move(*biasRe),
            bi = std::move(*biasIm), x, yr, yi] {
      multiply(*re, x, yr, 1.0, false);
      multiply(*im, x, yi, 1.0, false);
      for (size_t r = 0; r < br.size(); ++r) {
        yr[r] += br[r];
        yi[r] += bi[r];
      }
    };
  }
  if (auto readout = dyn_cast<ComplexReadoutOp>(op)) {
    auto re = matrix(op, readout.getWeightRe(), "weight_re");
    if (!re)
      return re.takeError();
    auto im = matrix(op, readout.getWeightIm(), "weight_im");
    if (!im)
      return im.takeError();
    double kappa = readout.getKappa().convertToDouble();
    double *xr = data(slot(readout.getReal()));
    double *xi = data(slot(readout.getImag()));
    double *y = data(slot(readout.getResult()));
    // kappa * Re(C x) = kappa * (C_re x_re - C_im x_im).
    return [re = *re, im = *im, kappa, xr, xi, y] {
      multiply(*re, xr, y, kappa, false);
      multiply(*im, xi, y, -kappa, true);
    };
  }
  if (auto rec = dyn_cast<DiagRecurrenceOp>(op)) {
    auto lr = vector(op, rec.getLambdaRe(), "lambda_re");
    if (!lr)
      return lr.takeError();
    auto li = vector(op, rec.getLambdaIm(), "lambda_im");
    if (!li)
      return li.takeError();
    size_t n = lr->size();
    states.emplace_back(2 * n, 0.0);
    // States never move after creation: the vector of states is reserved by
    // the caller for every recurrence of the model.
    double *state = states.back().data();
    double *vr = data(slot(rec.getInputRe())), *vi = data(slot(rec.getInputIm()));
    double *xr = data(slot(rec.getStateRe())), *xi = data(slot(rec.getStateIm()));
    return [lr = std::move(*lr), li = std::move(*li), n, state, vr, vi, xr, xi] {
      for (size_t k = 0; k < n; ++k) {
        double re = state[k], im = state[n + k];
        double nr = lr[k] * re - li[k] * im + vr[k];
        double ni = lr[k] * im + li[k] * re + vi[k];
        state[k] = xr[k] = nr;
        state[n + k] = xi[k] = ni;
      }
    };
  }
  if (auto crelu = dyn_cast<CReluOp>(op)) {
    double *xr = data(slot(crelu.getReal())), *xi = data(slot(crelu.getImag()));
    double *yr = data(slot(crelu.getResultRe()));
    double *yi = data(slot(crelu.getResultIm()));
    size_t n = buffers[slot(crelu.getReal())].size();
    return [=] {
      for (size_t k = 0; k < n; ++k) {
        bool keep = xr[k] > 0 || (xr[k] == 0 && xi[k] > 0);
        yr[k] = keep ? xr[k] : 0.0;
        yi[k] = keep ? xi[k] : 0.0;
      }
    };
  }
  if (auto relu = dyn_cast<ReluOp>(op))
    return unary(relu.getInput(), relu.getResult(),
                 [](double v) { return v > 0 ? v : 0.0; });
  if (auto sigmoid = dyn_cast<SigmoidOp>(op))
    return unary(sigmoid.getInput(), sigmoid.getResult(),
                 [](double v) { return 1.0 / (1.0 + std::exp(-v)); });
  if (auto gelu = dyn_cast<GeluOp>(op)) {
    if (gelu.getApproximation() == GeluApproximation::Erf)
      return unary(gelu.getInput(), gelu.getResult(), [](double v) {
        return 0.5 * v * (1.0 + std::erf(v / std::sqrt(2.0)));
      });
    return unary(gelu.getInput(), gelu.getResult(), [](double v) {
      const double c = std::sqrt(2.0 / M_PI);
      return 0.5 * v * (1.0 + std::tanh(c * (v + 0.044715 * v * v * v)));
    });
  }
  if (auto add = dyn_cast<AddOp>(op))
    return binary(add.getLhs(), add.getRhs(), add.getResult(),
                  [](double a, double b) { return a + b; });
  if (auto mul = dyn_cast<MulOp>(op))
    return binary(mul.getLhs(), mul.getRhs(), mul.getResult(),
                  [](double a, double b) { return a * b; });
  if (auto scale = dyn_cast<ScaleOp>(op)) {
    auto factor = vector(op, scale.getFactor(), "factor");
    if (!factor)
      return factor.takeError();
    auto bias = optionalVector(op, scale.getBiasAttr(), "bias", factor->size());
    if (!bias)
      return bias.takeError();
    double *x = data(slot(scale.getInput())), *y = data(slot(scale.getResult()));
    return [f = std::move(*factor), b = std::move(*bias), x, y] {
      for (size_t i = 0; i < f.size(); ++i)
        y[i] = f[i] * x[i] + b[i];
    };
  }
  if (auto fused = dyn_cast<FusedProjectOp>(op)) {
    auto w = matrix(op, fused.getWeight(), "weight");
    if (!w)
      return w.takeError();
    auto bias = optionalVector(op, fused.getBiasAttr(), "bias", w.get()->rows);
    if (!bias)
      return bias.takeError();
    double *x = data(slot(fused.getInput()));
    std::vector<double *> pieces;
    for (Value result : fused.getResults())
      pieces.push_back(data(slot(result)));
    std::vector<int64_t> sizes(fused.getSizes().begin(), fused.getSizes().end());
    return [w = *w, bias = std::move(*bias), x, pieces, sizes,
            rows = std::vector<double>(w.get()->rows)]() mutable {
      multiply(*w, x, rows.data(), 1.0, false);
      size_t offset = 0;
      for (size_t p = 0; p < pieces.size(); ++p)
        for (int64_t r = 0; r < sizes[p]; ++r, ++offset)
          pieces[p][r] = rows[offset] + bias[offset];
    };
  }
  if (auto elementwise = dyn_cast<ElementwiseOp>(op)) {
    auto program = ScalarProgram::compile(elementwise);
    if (!program)
      return program.takeError();
    std::vector<double *> inputs, outputs;
    for (Value v : elementwise.getInputs())
      inputs.push_back(data(slot(v)));
    for (Value v : elementwise.getResults())
      outputs.push_back(data(slot(v)));
    size_t n = buffers[slot(elementwise.getResult(0))].size();
    return [program = std::move(*program), inputs, outputs, n]() mutable {
      for (size_t i = 0; i < n; ++i)
        program.run(inputs, outputs, i);
    };
  }
  if (auto bn = dyn_cast<BatchNormOp>(op)) {
    auto scale = vector(op, bn.getScale(), "scale");
    auto bias = vector(op, bn.getBias(), "bias");
    auto mean = vector(op, bn.getMean(), "mean");
    auto var = vector(op, bn.getVar(), "var");
    if (!scale || !bias || !mean || !var) {
      llvm::Error err = llvm::joinErrors(
          llvm::joinErrors(scale.takeError(), bias.takeError()),
          llvm::joinErrors(mean.takeError(), var.takeError()));
      return std::move(err);
    }
    double eps = bn.getEpsilon().convertToDouble();
    // (x - mean) / sqrt(var + eps) * scale + bias, as the spec writes it.
    std::vector<double> invStd(var->size());
    for (size_t i = 0; i < var->size(); ++i)
      invStd[i] = 1.0 / std::sqrt((*var)[i] + eps);
    double *x = data(slot(bn.getInput())), *y = data(slot(bn.getResult()));
    return [scale = std::move(*scale), bias = std::move(*bias),
            mean = std::move(*mean), invStd = std::move(invStd), x, y] {
      for (size_t i = 0; i < scale.size(); ++i)
        y[i] = (x[i] - mean[i]) * invStd[i] * scale[i] + bias[i];
    };
  }
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "'" + op->getName().getStringRef() +
                                     "' is not supported by the interpreter");
}

llvm::Expected<std::unique_ptr<Interpreter>> Interpreter::create(ModelOp model) {
  // Integer models have their own interpreter (FixedInterpreter.h).
  for (Type type : {Type(model.getInputType()), Type(model.getOutputType())})
    if (isa<FixedType>(cast<ShapedType>(type).getElementType()))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "quantised model: @" + model.getSymName() +
              " computes on !lrnn.fixed values, which the float interpreter "
              "cannot run; use the integer interpreter (FixedInterpreter)");
  std::unique_ptr<Interpreter> interp(new Interpreter());
  interp->inputSize = model.getInputType().getDimSize(0);
  interp->outputSize = model.getOutputType().getDimSize(0);
  interp->numStates = model.getNumStates();

  Block &body = model.getBodyBlock();
  // Reserve so that buffer and state addresses captured by the closures stay
  // valid: one buffer per value, one state per recurrence.
  size_t numValues = 1;
  for (Operation &op : body)
    numValues += op.getNumResults();
  interp->buffers.reserve(numValues);
  interp->states.reserve(model.getRecurrences().size());

  ProgramBuilder builder(interp->buffers, interp->states);
  builder.slot(model.getInput());
  for (Operation &op : body) {
    if (auto output = dyn_cast<OutputOp>(op)) {
      interp->outputBuffer = builder.slot(output.getValue());
      continue;
    }
    auto fn = builder.build(&op);
    if (!fn)
      return fn.takeError();
    interp->program.push_back(std::move(*fn));
  }
  interp->slots = builder.takeSlots();
  return interp;
}

void Interpreter::reset() {
  for (auto &state : states)
    std::fill(state.begin(), state.end(), 0.0);
}

void Interpreter::step(ArrayRef<double> input, MutableArrayRef<double> output) {
  assert(static_cast<int64_t>(input.size()) == inputSize &&
         static_cast<int64_t>(output.size()) == outputSize);
  std::copy(input.begin(), input.end(), buffers[0].begin());
  for (auto &fn : program)
    fn();
  std::copy(buffers[outputBuffer].begin(), buffers[outputBuffer].end(),
            output.begin());
  if (observer)
    observer->afterStep(*this);
}

ArrayRef<double> Interpreter::getValue(Value value) const {
  auto it = slots.find(value);
  if (it == slots.end())
    return {};
  return buffers[it->second];
}

StepObserver::~StepObserver() = default;

std::vector<double> Interpreter::run(ArrayRef<double> inputs, int64_t steps) {
  std::vector<double> outputs(steps * outputSize);
  for (int64_t t = 0; t < steps; ++t)
    step(inputs.slice(t * inputSize, inputSize),
         MutableArrayRef<double>(outputs).slice(t * outputSize, outputSize));
  return outputs;
}

llvm::Expected<ModelOp> lrnn::getSingleModel(ModuleOp module,
                                             StringRef fileName) {
  auto models = llvm::to_vector(module.getOps<ModelOp>());
  if (models.size() != 1)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        fileName + ": expected exactly one lrnn.model, found " +
            Twine(models.size()));
  return models.front();
}
