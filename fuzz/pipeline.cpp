//===- pipeline.cpp - Fuzz target: the whole lrnnc pipeline on small models ===//
//
// The input is decoded into a small model: 9 bytes of configuration (sizes
// up to 6, every option of lrnn.config, the quantisation scheme, pruning,
// the Loihi 2 mode, now and then a tensor of the wrong shape), then one
// byte per weight (0 is a pruned weight; two codes stand for extreme
// magnitudes). The model then takes lrnnc's path with --quantize and
// --target=loihi2, without the LLVM JIT:
//
//   importModelFromMemory -> optimisation pipeline (prune?, fold-norm,
//   eliminate-dead) -> float interpreter, 4 steps -> calibrateAndQuantize on
//   a fixed 8-step sequence -> integer interpreter -> lowerToLoihi2 ->
//   placeProgram -> program file written and read back -> simulator.
//
// Every rejection must be a one-line error; the simulator must reproduce
// the integer interpreter bit for bit, as docs/loihi2.md promises.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "lrnn/Conversion/LRNNToLoihi2/LRNNToLoihi2.h"
#include "lrnn/Dialect/Loihi2/Transforms/Place.h"
#include "lrnn/Import/ImportModel.h"
#include "lrnn/Interpreter/FixedInterpreter.h"
#include "lrnn/Interpreter/Interpreter.h"
#include "lrnn/Pipelines/Pipelines.h"
#include "lrnn/Support/Npy.h"
#include "lrnn/Target/Loihi2/ProgramFile.h"
#include "lrnn/Target/Loihi2Sim/Simulator.h"

#include "mlir/Pass/PassManager.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdlib>
#include <map>
#include <string>

using namespace lrnn;

namespace {
/// Reads bytes in order; zeros once they run out.
class Bytes {
public:
  Bytes(const uint8_t *data, size_t size) : data(data), size(size) {}
  uint8_t next() { return pos < size ? data[pos++] : 0; }

private:
  const uint8_t *data;
  size_t size, pos = 0;
};
} // namespace

/// A weight from one byte: 0 is pruned, -128 and 127 are extreme values.
static double weight(uint8_t byte, double scale, double offset) {
  int8_t v = static_cast<int8_t>(byte);
  if (v == 0)
    return 0.0;
  if (v == -128)
    return 3.0e38;
  if (v == 127)
    return 1.0e-38;
  return v * scale + offset;
}

static constexpr int kSteps = 8;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Bytes in(data, size);
  uint8_t b[9];
  for (uint8_t &byte : b)
    byte = in.next();
  int64_t dInput = 1 + b[0] % 6, dModel = 1 + b[1] % 6, dState = 1 + b[2] % 6,
          dOutput = 1 + b[3] % 4, nLayers = 1 + b[4] % 2;
  bool conjSym = b[5] & 1, batchnorm = b[5] & 2, post = b[5] & 4,
       encRelu = b[5] & 8, stateRelu = b[5] & 16, resRelu = b[5] & 32,
       w8a24 = b[5] & 64, prune = b[5] & 128;
  const char *disc[] = {"zoh", "bilinear", "none"};
  const char *act[] = {"relu", "gelu", "gelu_erf"};
  const char *glu[] = {"half1", "full", "none"};
  std::string discretization = disc[b[6] % 3], activation = act[b[6] / 3 % 3],
              gluMode = glu[b[6] / 9 % 3];
  int headroom = b[7] % 3;
  double sparsity = (b[7] / 3 % 10) * 0.1;
  bool pipelined = b[7] & 128;
  int mutateTensor = b[8] < 32 ? b[8] : -1;

  std::string config;
  llvm::raw_string_ostream os(config);
  os << "{\"format\": \"lrnn-s5/1\", \"d_input\": " << dInput
     << ", \"d_model\": " << dModel << ", \"d_state\": " << dState
     << ", \"d_output\": " << dOutput << ", \"n_layers\": " << nLayers
     << ", \"conj_sym\": " << (conjSym ? "true" : "false")
     << ", \"discretization\": \"" << discretization
     << "\", \"norm\": \"" << (batchnorm ? "batchnorm" : "none")
     << "\", \"norm_position\": \"" << (post ? "post" : "pre")
     << "\", \"encoder_activation\": \"" << (encRelu ? "relu" : "none")
     << "\", \"activation\": \"" << activation
     << "\", \"state_activation\": \"" << (stateRelu ? "relu" : "none")
     << "\", \"glu\": \"" << gluMode << "\", \"residual_activation\": \""
     << (resRelu ? "relu" : "none") << "\"}";
  os.flush();

  std::map<std::string, SafetensorsTensor> tensors;
  int index = 0;
  auto add = [&](const std::string &name, std::vector<int64_t> shape,
                 double scale = 1.0 / 32, double offset = 0.0,
                 bool magnitude = false) {
    if (index++ == mutateTensor)
      shape[0] += 1;
    SafetensorsTensor t;
    t.name = name;
    t.shape = shape;
    int64_t n = 1;
    for (int64_t d : shape)
      n *= d;
    for (int64_t i = 0; i < n; ++i) {
      double v = weight(in.next(), scale, offset);
      t.values.push_back(magnitude ? std::fabs(v) : v);
    }
    tensors[name] = std::move(t);
  };
  add("encoder.weight", {dModel, dInput});
  add("encoder.bias", {dModel});
  for (int64_t i = 0; i < nLayers; ++i) {
    std::string p = "layers." + std::to_string(i) + ".";
    if (batchnorm) {
      add(p + "norm.scale", {dModel});
      add(p + "norm.bias", {dModel});
      add(p + "norm.mean", {dModel});
      add(p + "norm.var", {dModel}, 1.0 / 32, 0.0, /*magnitude=*/true);
    }
    // Λ: decaying on the whole (|Λ̄| < 1) unless the bytes say otherwise.
    add(p + "ssm.lambda_re", {dState}, 1.0 / 64, discretization == "none" ? 0.0 : -0.5);
    add(p + "ssm.lambda_im", {dState});
    if (discretization != "none")
      add(p + "ssm.log_step", {dState}, 1.0 / 32, -2.0);
    add(p + "ssm.B_re", {dState, dModel});
    add(p + "ssm.B_im", {dState, dModel});
    add(p + "ssm.C_re", {dModel, dState});
    add(p + "ssm.C_im", {dModel, dState});
    add(p + "ssm.D", {dModel});
    if (gluMode != "none") {
      add(p + "glu.weight", {dModel, dModel});
      add(p + "glu.bias", {dModel});
    }
    if (gluMode == "full") {
      add(p + "glu.value_weight", {dModel, dModel});
      add(p + "glu.value_bias", {dModel});
    }
  }
  add("decoder.weight", {dOutput, dModel});
  add("decoder.bias", {dOutput});

  fuzz::Context context;
  auto module = importModelFromMemory(config, std::move(tensors), context.get(),
                                      "fuzz-model");
  if (!module) {
    fuzz::checkOneLineError(module.takeError());
    return 0;
  }

  // lrnnc: prune?, fold-norm, eliminate-dead; no fusion before quantising.
  OptimizationOptions optimization;
  if (prune) {
    optimization.prune.emplace();
    optimization.prune->sparsity = sparsity;
  }
  optimization.fuse = false;
  mlir::PassManager pm(context.get(), mlir::ModuleOp::getOperationName());
  buildOptimizationPipeline(pm, optimization);
  if (failed(pm.run(**module)))
    return 0; // Reported as a diagnostic, as lrnnc prints it.
  auto model = getSingleModel(**module, "fuzz-model");
  fuzz::check(bool(model), "the optimised module lost its model");

  // A fixed calibration sequence of kSteps steps.
  std::vector<double> inputs(kSteps * dInput);
  for (size_t i = 0; i < inputs.size(); ++i)
    inputs[i] = std::sin(0.7 * i + 0.3) * 2.0;
  {
    auto interpreter = Interpreter::create(*model);
    if (!interpreter) {
      std::fprintf(stderr, "fuzz: interpreter rejects the optimised model: %s\n",
                   llvm::toString(interpreter.takeError()).c_str());
      std::abort();
    }
    fuzz::check((*interpreter)->getInputSize() == dInput, "input size");
    (*interpreter)->run(llvm::ArrayRef<double>(inputs).take_front(4 * dInput), 4);
  }

  if (const char *dump = std::getenv("LRNN_FUZZ_DUMP")) {
    std::error_code ec;
    llvm::raw_fd_ostream mlir(std::string(dump) + "-float.mlir", ec);
    (*module)->print(mlir);
    std::vector<float> f(inputs.begin(), inputs.end());
    llvm::raw_fd_ostream npy(std::string(dump) + "-input.npy", ec);
    npy << serializeNpyF32(kSteps, dInput, f);
  }

  QuantizationScheme scheme = *getQuantizationScheme(w8a24 ? "w8a24" : "w8a16");
  scheme.headroom = headroom;
  auto saturations =
      calibrateAndQuantize(*model, inputs, kSteps, "fuzz-calibration", scheme);
  if (!saturations) {
    fuzz::checkOneLineError(saturations.takeError());
    return 0;
  }
  (void)saturations->describe("fuzz-calibration");
  auto fixed = FixedInterpreter::create(*model);
  if (!fixed) {
    std::fprintf(stderr, "fuzz: integer interpreter rejects the quantised "
                         "model: %s\n",
                 llvm::toString(fixed.takeError()).c_str());
    std::abort();
  }
  std::vector<int64_t> codes(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i)
    codes[i] = (*fixed)->quantizeInput(inputs[i]);
  std::vector<int64_t> expected = (*fixed)->run(codes, kSteps);

  // For a finding: LRNN_FUZZ_DUMP=PREFIX writes PREFIX-float.mlir (the
  // optimised model), PREFIX.mlir (the quantised model) and PREFIX-input.npy
  // (the sequence) to replay it with the tools.
  if (const char *dump = std::getenv("LRNN_FUZZ_DUMP")) {
    std::error_code ec;
    llvm::raw_fd_ostream mlir(std::string(dump) + ".mlir", ec);
    (*module)->print(mlir);
  }

  Loihi2LoweringOptions lowering;
  lowering.embedTarget = true;
  lowering.mode = pipelined ? loihi2::ExecutionMode::Pipelined
                            : loihi2::ExecutionMode::FallThrough;
  if (failed(lowerToLoihi2(**module, lowering)))
    return 0;
  auto programs = (*module)->getOps<loihi2::ProgramOp>();
  fuzz::check(std::distance(programs.begin(), programs.end()) == 1,
              "lowering made other than one program");
  loihi2::ProgramOp program = *programs.begin();
  if (failed(loihi2::placeProgram(program, {})))
    return 0;

  // The program file round trip lrnnc -> lrnn-sim.
  std::string file;
  llvm::raw_string_ostream fileOs(file);
  fuzz::check(succeeded(loihi2::writeProgramFile(**module, fileOs)),
              "a placed program cannot be written");
  fileOs.flush();
  auto loaded = loihi2::readProgramFile(file, "fuzz.l2", context.get());
  if (!loaded) {
    std::fprintf(stderr, "fuzz: written program does not load: %s\n",
                 llvm::toString(loaded.takeError()).c_str());
    std::abort();
  }
  auto sim = loihi2::Simulator::create(*(*loaded)->getOps<loihi2::ProgramOp>().begin());
  if (!sim) {
    std::fprintf(stderr, "fuzz: simulator rejects a compiled program: %s\n",
                 llvm::toString(sim.takeError()).c_str());
    std::abort();
  }
  std::vector<int64_t> simulated = (*sim)->run(codes, kSteps);
  if (simulated != expected) {
    for (size_t i = 0; i < expected.size(); ++i)
      if (simulated[i] != expected[i]) {
        std::fprintf(stderr,
                     "fuzz: step %zu output %zu: simulator %lld, integer "
                     "interpreter %lld (%s mode)\nfuzz: model %s\n",
                     i / dOutput, i % dOutput, (long long)simulated[i],
                     (long long)expected[i],
                     pipelined ? "pipelined" : "fall-through", config.c_str());
        break;
      }
    fuzz::check(false, "the simulator disagrees with the integer interpreter");
  }
  return 0;
}
