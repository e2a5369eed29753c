//===- mlir-parse.cpp - Fuzz target: MLIR parser + lrnn/loihi2 verifiers --===//
//
// Bytes -> parseModelSource (MLIR text or bytecode, every dialect the tools
// register, parsed and verified as lrnn-run and lrnnc load a file). A
// rejection must be one line. An accepted module made of lrnn, loihi2 and
// builtin ops must print and parse back; each of its models runs two steps
// on its interpreter (float or integer) and each placed program runs on the
// simulator, as the verifiers promise these consumers well-formed IR.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "lrnn/Dialect/LRNN/IR/LRNNDialect.h"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Dialect.h"
#include "lrnn/Import/LoadModel.h"
#include "lrnn/Interpreter/FixedInterpreter.h"
#include "lrnn/Interpreter/Interpreter.h"
#include "lrnn/Target/Loihi2Sim/Simulator.h"

#include "mlir/IR/BuiltinDialect.h"
#include "llvm/Support/raw_ostream.h"

using namespace lrnn;

static constexpr int64_t kMaxSizes = 1 << 16;

static bool onlyOurDialects(mlir::ModuleOp module) {
  bool ours = true;
  module->walk([&](mlir::Operation *op) {
    mlir::Dialect *dialect = op->getDialect();
    if (!dialect || !(llvm::isa<LRNNDialect, loihi2::Loihi2Dialect,
                                mlir::BuiltinDialect>(dialect)))
      ours = false;
  });
  return ours;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz::Context context;
  auto module =
      parseModelSource(fuzz::asBytes(data, size), "fuzz.mlir", context.get());
  if (!module) {
    fuzz::checkOneLineError(module.takeError());
    return 0;
  }
  if (onlyOurDialects(**module)) {
    std::string text;
    llvm::raw_string_ostream os(text);
    if (auto err = printModule(**module, os))
      fuzz::checkOneLineError(std::move(err));
    os.flush();
    auto again = parseModelSource(text, "fuzz-roundtrip.mlir", context.get());
    if (!again) {
      std::fprintf(stderr, "fuzz: printed module does not parse back: %s\n",
                   llvm::toString(again.takeError()).c_str());
      std::abort();
    }
  }

  for (ModelOp model : (*module)->getOps<ModelOp>()) {
    if (isQuantizedModel(model)) {
      auto interpreter = FixedInterpreter::create(model);
      if (!interpreter) {
        fuzz::checkOneLineError(interpreter.takeError());
        continue;
      }
      FixedInterpreter &fi = **interpreter;
      if (fi.getInputSize() > kMaxSizes || fi.getOutputSize() > kMaxSizes)
        continue;
      std::vector<int64_t> in(fi.getInputSize(), 1000), out(fi.getOutputSize());
      for (int step = 0; step < 2; ++step)
        fi.step(in, out);
    } else {
      auto interpreter = Interpreter::create(model);
      if (!interpreter) {
        fuzz::checkOneLineError(interpreter.takeError());
        continue;
      }
      Interpreter &in = **interpreter;
      if (in.getInputSize() > kMaxSizes || in.getOutputSize() > kMaxSizes)
        continue;
      std::vector<double> input(in.getInputSize(), 0.5),
          output(in.getOutputSize());
      for (int step = 0; step < 2; ++step)
        in.step(input, output);
    }
  }

  for (loihi2::ProgramOp program : (*module)->getOps<loihi2::ProgramOp>()) {
    auto sim = loihi2::Simulator::create(program);
    if (!sim) {
      fuzz::checkOneLineError(sim.takeError());
      continue;
    }
    loihi2::Simulator &s = **sim;
    if (s.getInputSize() > kMaxSizes || s.getOutputSize() > kMaxSizes ||
        s.getLatency() > 256)
      continue;
    std::vector<int64_t> codes(2 * s.getInputSize(), 100);
    s.run(codes, 2);
  }
  return 0;
}
