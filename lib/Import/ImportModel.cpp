//===- ImportModel.cpp - Interchange file to lrnn IR ----------------------===//

#include "lrnn/Import/ImportModel.h"
#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>
#include <complex>
#include <limits>

using namespace mlir;
using namespace lrnn;

static llvm::Error makeError(const Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

//===----------------------------------------------------------------------===//
// Configuration
//===----------------------------------------------------------------------===//

namespace {
/// Reads typed keys of the configuration object, remembering which keys were
/// consumed so that unknown (misspelt) keys can be reported.
class ConfigReader {
public:
  explicit ConfigReader(const llvm::json::Object &object) : object(object) {}

  llvm::Error integer(StringRef key, int64_t &out, bool required = true) {
    seen.insert(key);
    const llvm::json::Value *value = object.get(key);
    if (!value)
      return required ? makeError("lrnn.config: missing key '" + key + "'")
                      : llvm::Error::success();
    std::optional<int64_t> v = value->getAsInteger();
    if (!v)
      return makeError("lrnn.config: key '" + key + "' must be an integer");
    out = *v;
    return llvm::Error::success();
  }

  llvm::Error positive(StringRef key, int64_t &out, int64_t limit) {
    if (auto err = integer(key, out))
      return err;
    if (out < 1 || out > limit)
      return makeError("lrnn.config: key '" + key + "' must be in [1, " +
                       Twine(limit) + "], got " + Twine(out));
    return llvm::Error::success();
  }

  llvm::Error boolean(StringRef key, bool &out) {
    seen.insert(key);
    const llvm::json::Value *value = object.get(key);
    if (!value)
      return makeError("lrnn.config: missing key '" + key + "'");
    std::optional<bool> v = value->getAsBoolean();
    if (!v)
      return makeError("lrnn.config: key '" + key + "' must be true or false");
    out = *v;
    return llvm::Error::success();
  }

  llvm::Error number(StringRef key, double &out) {
    seen.insert(key);
    const llvm::json::Value *value = object.get(key);
    if (!value)
      return llvm::Error::success(); // Numbers all have defaults.
    std::optional<double> v = value->getAsNumber();
    if (!v || !std::isfinite(*v))
      return makeError("lrnn.config: key '" + key + "' must be a finite number");
    out = *v;
    return llvm::Error::success();
  }

  llvm::Error choice(StringRef key, std::string &out,
                     ArrayRef<StringRef> allowed,
                     std::optional<StringRef> defaultValue = std::nullopt) {
    seen.insert(key);
    const llvm::json::Value *value = object.get(key);
    if (!value) {
      if (!defaultValue)
        return makeError("lrnn.config: missing key '" + key + "'");
      out = defaultValue->str();
      return llvm::Error::success();
    }
    std::optional<StringRef> v = value->getAsString();
    std::string expected = llvm::join(allowed, ", ");
    if (!v)
      return makeError("lrnn.config: key '" + key +
                       "' must be a string, one of " + expected);
    if (!llvm::is_contained(allowed, *v))
      return makeError("lrnn.config: key '" + key + "' must be one of " +
                       expected + ", got '" + *v + "'");
    out = v->str();
    return llvm::Error::success();
  }

  llvm::Error checkNoUnknownKeys() {
    std::vector<std::string> unknown;
    for (const auto &entry : object)
      if (!seen.contains(entry.first.str()))
        unknown.push_back(entry.first.str());
    if (unknown.empty())
      return llvm::Error::success();
    llvm::sort(unknown);
    return makeError("lrnn.config: unknown key '" + unknown.front() + "'");
  }

private:
  const llvm::json::Object &object;
  llvm::StringSet<> seen;
};
} // namespace

// Larger dimensions cannot come from a real model and would only serve to
// exhaust memory.
static constexpr int64_t kMaxDimension = 1 << 20;
static constexpr int64_t kMaxLayers = 1024;

llvm::Expected<ModelConfig> lrnn::parseModelConfig(StringRef json) {
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(json);
  if (!parsed)
    return makeError("lrnn.config: malformed JSON: " +
                     llvm::toString(parsed.takeError()));
  const llvm::json::Object *object = parsed->getAsObject();
  if (!object)
    return makeError("lrnn.config: must be a JSON object");

  ConfigReader reader(*object);
  ModelConfig c;
  std::string format;
  if (auto err = reader.choice("format", format, {"lrnn-s5/1"}))
    return std::move(err);
  if (auto err = reader.positive("d_input", c.dInput, kMaxDimension))
    return std::move(err);
  if (auto err = reader.positive("d_model", c.dModel, kMaxDimension))
    return std::move(err);
  if (auto err = reader.positive("d_state", c.dState, kMaxDimension))
    return std::move(err);
  if (auto err = reader.positive("d_output", c.dOutput, kMaxDimension))
    return std::move(err);
  if (auto err = reader.positive("n_layers", c.nLayers, kMaxLayers))
    return std::move(err);
  if (auto err = reader.boolean("conj_sym", c.conjSym))
    return std::move(err);
  if (auto err = reader.choice("discretization", c.discretization,
                               {"zoh", "bilinear", "none"}))
    return std::move(err);
  if (auto err = reader.number("step_rescale", c.stepRescale))
    return std::move(err);
  if (c.stepRescale <= 0)
    return makeError("lrnn.config: key 'step_rescale' must be positive");
  if (auto err = reader.choice("norm", c.norm, {"batchnorm", "none"}))
    return std::move(err);
  if (auto err = reader.choice("norm_position", c.normPosition, {"pre", "post"},
                               StringRef("pre")))
    return std::move(err);
  if (auto err = reader.number("bn_eps", c.bnEps))
    return std::move(err);
  if (c.bnEps < 0)
    return makeError("lrnn.config: key 'bn_eps' must be non-negative");
  if (c.bnEps > std::numeric_limits<float>::max())
    return makeError("lrnn.config: key 'bn_eps' is outside the float32 range");
  if (auto err = reader.choice("encoder_activation", c.encoderActivation,
                               {"relu", "none"}))
    return std::move(err);
  if (auto err = reader.choice("activation", c.activation,
                               {"relu", "gelu", "gelu_erf"}))
    return std::move(err);
  if (auto err = reader.choice("state_activation", c.stateActivation,
                               {"relu", "none"}))
    return std::move(err);
  if (auto err = reader.choice("glu", c.glu, {"half1", "full", "none"}))
    return std::move(err);
  if (auto err = reader.choice("residual_activation", c.residualActivation,
                               {"relu", "none"}))
    return std::move(err);
  if (auto err = reader.checkNoUnknownKeys())
    return std::move(err);
  return c;
}

//===----------------------------------------------------------------------===//
// Tensors
//===----------------------------------------------------------------------===//

/// The tensors a configuration requires, with their shapes.
static std::map<std::string, std::vector<int64_t>>
expectedTensors(const ModelConfig &c) {
  std::map<std::string, std::vector<int64_t>> t;
  int64_t h = c.dModel, n = c.dState;
  t["encoder.weight"] = {h, c.dInput};
  t["encoder.bias"] = {h};
  for (int64_t i = 0; i < c.nLayers; ++i) {
    std::string p = "layers." + std::to_string(i) + ".";
    if (c.norm == "batchnorm")
      for (const char *s : {"scale", "bias", "mean", "var"})
        t[p + "norm." + s] = {h};
    t[p + "ssm.lambda_re"] = {n};
    t[p + "ssm.lambda_im"] = {n};
    if (c.discretization != "none")
      t[p + "ssm.log_step"] = {n};
    t[p + "ssm.B_re"] = {n, h};
    t[p + "ssm.B_im"] = {n, h};
    t[p + "ssm.C_re"] = {h, n};
    t[p + "ssm.C_im"] = {h, n};
    t[p + "ssm.D"] = {h};
    if (c.glu != "none") {
      t[p + "glu.weight"] = {h, h};
      t[p + "glu.bias"] = {h};
    }
    if (c.glu == "full") {
      t[p + "glu.value_weight"] = {h, h};
      t[p + "glu.value_bias"] = {h};
    }
  }
  t["decoder.weight"] = {c.dOutput, h};
  t["decoder.bias"] = {c.dOutput};
  return t;
}

static std::string formatShape(ArrayRef<int64_t> shape) {
  std::string s = "[";
  for (auto [i, d] : llvm::enumerate(shape))
    s += (i ? ", " : "") + std::to_string(d);
  return s + "]";
}

static llvm::Error checkTensors(const SafetensorsFile &file,
                                const ModelConfig &config) {
  auto expected = expectedTensors(config);
  for (const auto &[name, shape] : expected) {
    auto it = file.tensors.find(name);
    if (it == file.tensors.end())
      return makeError("missing tensor '" + name + "'");
    if (it->second.shape != shape)
      return makeError("tensor '" + name + "' has shape " +
                       formatShape(it->second.shape) + ", the configuration "
                       "requires " + formatShape(shape));
  }
  for (const auto &entry : file.tensors)
    if (!expected.count(entry.first))
      return makeError("unexpected tensor '" + entry.first +
                       "' (not part of this configuration)");
  // The IR stores float32: an F64 value beyond its range would become an
  // infinity there.
  for (const auto &[name, tensor] : file.tensors)
    for (auto [k, v] : llvm::enumerate(tensor.values))
      if (std::fabs(v) > std::numeric_limits<float>::max())
        return makeError("tensor '" + name + "' has the value " +
                         llvm::formatv("{0}", v).str() + " at index " +
                         Twine(k) + ", outside the float32 range");
  if (config.norm == "batchnorm")
    for (int64_t i = 0; i < config.nLayers; ++i) {
      std::string name = "layers." + std::to_string(i) + ".norm.var";
      const auto &var = file.tensors.at(name).values;
      for (auto [k, v] : llvm::enumerate(var)) {
        if (v < 0)
          return makeError("tensor '" + name + "' has a negative variance " +
                           llvm::formatv("{0}", v).str() + " at index " + Twine(k));
        // As the IR computes it, in float32.
        if (static_cast<float>(v) + static_cast<float>(config.bnEps) <= 0)
          return makeError("tensor '" + name + "' has a zero variance at " +
                           "index " + Twine(k) + " and bn_eps is 0");
      }
    }
  return llvm::Error::success();
}

//===----------------------------------------------------------------------===//
// Discretisation
//===----------------------------------------------------------------------===//

namespace {
/// Λ̄ and B̄ of one layer, in double precision.
struct DiscreteSSM {
  std::vector<double> lambdaRe, lambdaIm;
  std::vector<double> bRe, bIm; // [N, H] row-major
};
} // namespace

static llvm::Expected<DiscreteSSM>
discretize(const SafetensorsFile &file, const ModelConfig &c,
           const std::string &prefix) {
  auto get = [&](StringRef name) -> const std::vector<double> & {
    return file.tensors.at(prefix + name.str()).values;
  };
  const auto &lr = get("lambda_re"), &li = get("lambda_im");
  const auto &br = get("B_re"), &bi = get("B_im");
  int64_t n = c.dState, h = c.dModel;
  DiscreteSSM d;
  d.lambdaRe.resize(n);
  d.lambdaIm.resize(n);
  d.bRe.resize(n * h);
  d.bIm.resize(n * h);
  for (int64_t k = 0; k < n; ++k) {
    using C = std::complex<double>;
    C lambda(lr[k], li[k]), lambdaBar, coef;
    if (c.discretization == "none") {
      lambdaBar = lambda;
      coef = 1.0;
    } else {
      double delta = std::exp(get("log_step")[k]) * c.stepRescale;
      if (c.discretization == "zoh") {
        lambdaBar = std::exp(lambda * delta);
        // (Λ̄ - 1) / Λ tends to Δ as Λ tends to 0.
        coef = lambda == C(0.0) ? C(delta) : (lambdaBar - 1.0) / lambda;
      } else {
        C beta = 1.0 / (1.0 - lambda * delta / 2.0);
        lambdaBar = beta * (1.0 + lambda * delta / 2.0);
        coef = beta * delta;
      }
    }
    // The IR stores Λ̄ and B̄ as f32: they must be finite there too.
    auto finite = [](C v) {
      return std::isfinite(static_cast<float>(v.real())) &&
             std::isfinite(static_cast<float>(v.imag()));
    };
    if (!finite(lambdaBar) || !std::isfinite(coef.real()) ||
        !std::isfinite(coef.imag()))
      return makeError("tensor '" + prefix + "lambda_re': discretisation of "
                       "state " + Twine(k) + " is not finite (Λ = " +
                       llvm::formatv("{0} + {1}i", lr[k], li[k]).str() + ")");
    d.lambdaRe[k] = lambdaBar.real();
    d.lambdaIm[k] = lambdaBar.imag();
    for (int64_t j = 0; j < h; ++j) {
      C b = coef * C(br[k * h + j], bi[k * h + j]);
      if (!finite(b))
        return makeError("tensor '" + prefix + "B_re': discretised B̄ is not "
                         "finite at [" + Twine(k) + ", " + Twine(j) +
                         "] (Λ = " +
                         llvm::formatv("{0} + {1}i", lr[k], li[k]).str() +
                         ")");
      d.bRe[k * h + j] = b.real();
      d.bIm[k * h + j] = b.imag();
    }
  }
  return d;
}

//===----------------------------------------------------------------------===//
// IR construction
//===----------------------------------------------------------------------===//

namespace {
class ModelBuilder {
public:
  ModelBuilder(MLIRContext *context, const SafetensorsFile &file,
               const ModelConfig &config, StringRef fileName,
               const ImportOptions &options)
      : context(context), builder(context), file(file), config(config),
        fileName(fileName), options(options) {}

  llvm::Expected<OwningOpRef<ModuleOp>> build();

private:
  Location loc(StringRef name) {
    return NameLoc::get(StringAttr::get(context, name),
                        FileLineColLoc::get(context, fileName, 0, 0));
  }
  RankedTensorType vectorType(int64_t size) {
    return RankedTensorType::get({size}, builder.getF32Type());
  }
  static std::vector<float> toFloat(ArrayRef<double> values) {
    return std::vector<float>(values.begin(), values.end());
  }
  const std::vector<double> &tensor(StringRef name) {
    return file.tensors.at(name.str()).values;
  }
  ElementsAttr vectorAttr(StringRef blobName, ArrayRef<double> values) {
    return buildF32Elements(context, {int64_t(values.size())}, toFloat(values),
                            blobName);
  }
  Attribute weightAttr(StringRef blobName, ArrayRef<double> values,
                       int64_t rows, int64_t cols) {
    return buildWeight(context, toFloat(values), rows, cols,
                       options.maxSparseDensity, blobName);
  }
  Value project(Value input, StringRef name, int64_t rows) {
    const auto &w = tensor((name + ".weight").str());
    int64_t cols = cast<RankedTensorType>(input.getType()).getDimSize(0);
    return ProjectOp::create(builder, loc(name), vectorType(rows), input,
                             weightAttr((name + ".weight").str(), w, rows, cols),
                             vectorAttr((name + ".bias").str(),
                                        tensor((name + ".bias").str())));
  }
  Value projectValue(Value input, StringRef name, int64_t rows) {
    std::string w = (name + ".value_weight").str(),
                b = (name + ".value_bias").str();
    return ProjectOp::create(builder, loc(name), vectorType(rows), input,
                             weightAttr(w, tensor(w), rows, rows),
                             vectorAttr(b, tensor(b)));
  }
  Value batchNorm(Value input, const std::string &prefix) {
    return BatchNormOp::create(
        builder, loc(prefix), input,
        vectorAttr(prefix + ".scale", tensor(prefix + ".scale")),
        vectorAttr(prefix + ".bias", tensor(prefix + ".bias")),
        vectorAttr(prefix + ".mean", tensor(prefix + ".mean")),
        vectorAttr(prefix + ".var", tensor(prefix + ".var")),
        builder.getF32FloatAttr(config.bnEps));
  }

  MLIRContext *context;
  OpBuilder builder;
  const SafetensorsFile &file;
  const ModelConfig &config;
  StringRef fileName;
  const ImportOptions &options;
};
} // namespace

llvm::Expected<OwningOpRef<ModuleOp>> ModelBuilder::build() {
  const ModelConfig &c = config;
  int64_t h = c.dModel, n = c.dState;
  OwningOpRef<ModuleOp> module =
      ModuleOp::create(FileLineColLoc::get(context, fileName, 0, 0));
  builder.setInsertionPointToEnd(module->getBody());
  auto model = ModelOp::create(builder, loc("model"), options.modelName,
                               vectorType(c.dInput), vectorType(c.dOutput));
  builder.setInsertionPointToStart(&model.getBodyBlock());

  Value x = project(model.getInput(), "encoder", h);
  if (c.encoderActivation == "relu")
    x = ReluOp::create(builder, loc("encoder"), x);

  for (int64_t i = 0; i < c.nLayers; ++i) {
    std::string p = "layers." + std::to_string(i);
    Value residual = x;
    Value z = x;
    if (c.norm == "batchnorm" && c.normPosition == "pre")
      z = batchNorm(z, p + ".norm");

    auto ssm = discretize(file, c, p + ".ssm.");
    if (!ssm)
      return ssm.takeError();
    std::string s = p + ".ssm";
    auto input = ComplexProjectOp::create(
        builder, loc(s + ".B"), vectorType(n), vectorType(n), z,
        weightAttr(s + ".B_bar_re", ssm->bRe, n, h),
        weightAttr(s + ".B_bar_im", ssm->bIm, n, h), /*bias_re=*/nullptr,
        /*bias_im=*/nullptr);
    auto rec = DiagRecurrenceOp::create(
        builder, loc(s + ".lambda"), input.getReal(), input.getImag(),
        vectorAttr(s + ".lambda_bar_re", ssm->lambdaRe),
        vectorAttr(s + ".lambda_bar_im", ssm->lambdaIm));
    Value stateRe = rec.getStateRe(), stateIm = rec.getStateIm();
    if (c.stateActivation == "relu") {
      auto crelu = CReluOp::create(builder, loc(s), stateRe, stateIm);
      stateRe = crelu.getResultRe();
      stateIm = crelu.getResultIm();
    }
    Value y = ComplexReadoutOp::create(
        builder, loc(s + ".C"), vectorType(h), stateRe, stateIm,
        weightAttr(s + ".C_re", tensor(s + ".C_re"), h, n),
        weightAttr(s + ".C_im", tensor(s + ".C_im"), h, n),
        builder.getF32FloatAttr(c.conjSym ? 2.0f : 1.0f));
    Value feedthrough = ScaleOp::create(builder, loc(s + ".D"), z,
                                        vectorAttr(s + ".D", tensor(s + ".D")),
                                        /*bias=*/nullptr);
    y = AddOp::create(builder, loc(s), y, feedthrough);

    Value a;
    if (c.activation == "relu")
      a = ReluOp::create(builder, loc(p + ".activation"), y);
    else
      a = GeluOp::create(builder, loc(p + ".activation"), y,
                         GeluApproximationAttr::get(
                             context, c.activation == "gelu"
                                          ? GeluApproximation::Tanh
                                          : GeluApproximation::Erf));
    Value g = a;
    if (c.glu != "none") {
      Value gate = SigmoidOp::create(builder, loc(p + ".glu"),
                                     project(a, p + ".glu", h));
      Value value = c.glu == "full" ? projectValue(a, p + ".glu", h) : a;
      g = MulOp::create(builder, loc(p + ".glu"), value, gate);
    }
    x = AddOp::create(builder, loc(p + ".residual"), g, residual);
    if (c.norm == "batchnorm" && c.normPosition == "post")
      x = batchNorm(x, p + ".norm");
    if (c.residualActivation == "relu")
      x = ReluOp::create(builder, loc(p + ".residual"), x);
  }
  Value out = project(x, "decoder", c.dOutput);
  OutputOp::create(builder, loc("decoder"), out);

  // The importer checked everything the verifier checks; a failure here is
  // a bug, reported (with the verifier's message) rather than a crash.
  std::string verifierError;
  {
    ScopedDiagnosticHandler handler(context, [&](Diagnostic &diag) {
      if (diag.getSeverity() == DiagnosticSeverity::Error &&
          verifierError.empty())
        verifierError = diag.str();
      return success();
    });
    if (failed(verify(*module)))
      return makeError("internal error: the imported model does not verify" +
                       (verifierError.empty() ? Twine("")
                                              : ": " + verifierError));
  }
  return module;
}

llvm::Expected<OwningOpRef<ModuleOp>>
lrnn::importModel(const SafetensorsFile &file, MLIRContext *context,
                  StringRef fileName, const ImportOptions &options) {
  auto withFile = [&](llvm::Error err) {
    return makeError(fileName + ": " + llvm::toString(std::move(err)));
  };
  if (options.modelName.empty())
    return withFile(makeError("the model name must not be empty"));
  auto meta = file.metadata.find("lrnn.config");
  if (meta == file.metadata.end())
    return withFile(makeError("__metadata__ has no 'lrnn.config' (not an "
                              "lrnn model file?)"));
  auto config = parseModelConfig(meta->second);
  if (!config)
    return withFile(config.takeError());
  if (auto err = checkTensors(file, *config))
    return withFile(std::move(err));
  context->loadDialect<LRNNDialect>();
  auto module = ModelBuilder(context, file, *config, fileName, options).build();
  if (!module)
    return withFile(module.takeError());
  return module;
}

/// What readSafetensors guarantees of a file's tensors, for tensors built in
/// memory: as many values as the shape says, all finite.
static llvm::Error checkTensorValues(const SafetensorsTensor &tensor,
                                     StringRef name) {
  int64_t count = 1;
  for (int64_t d : tensor.shape) {
    if (d < 0)
      return makeError("tensor '" + name + "' has a negative dimension in " +
                       formatShape(tensor.shape));
    if (llvm::MulOverflow(count, d, count))
      return makeError("tensor '" + name + "' has a shape " +
                       formatShape(tensor.shape) + " of too many elements");
  }
  if (static_cast<int64_t>(tensor.values.size()) != count)
    return makeError("tensor '" + name + "' has " +
                     Twine(tensor.values.size()) + " values, its shape " +
                     formatShape(tensor.shape) + " needs " + Twine(count));
  for (auto [i, v] : llvm::enumerate(tensor.values))
    if (!std::isfinite(v))
      return makeError("tensor '" + name + "' has a non-finite value (" +
                       (std::isnan(v) ? "nan" : v > 0 ? "inf" : "-inf") +
                       ") at index " + Twine(i));
  return llvm::Error::success();
}

llvm::Expected<OwningOpRef<ModuleOp>>
lrnn::importModelFromMemory(StringRef configJson,
                            std::map<std::string, SafetensorsTensor> tensors,
                            MLIRContext *context, StringRef name,
                            const ImportOptions &options) {
  SafetensorsFile file;
  file.metadata["lrnn.config"] = configJson.str();
  for (auto &[tensorName, tensor] : tensors) {
    if (auto err = checkTensorValues(tensor, tensorName))
      return makeError(name + ": " + llvm::toString(std::move(err)));
    tensor.name = tensorName;
  }
  file.tensors = std::move(tensors);
  return importModel(file, context, name, options);
}

llvm::Expected<OwningOpRef<ModuleOp>>
lrnn::importModelFile(StringRef path, MLIRContext *context,
                      const ImportOptions &options) {
  auto file = readSafetensors(path);
  if (!file)
    return file.takeError();
  return importModel(*file, context, path, options);
}
