//===- lrnn-run.cpp - Run an lrnn model on a sequence ---------------------===//
//
// lrnn-run MODEL --input IN.npy --output OUT.npy [--backend=interp]
//
// MODEL is lrnn MLIR (text or bytecode) or an interchange .safetensors file.
// IN.npy is a [T, d_input] float32 or float64 array; OUT.npy receives the
// [T, d_output] float32 outputs, computed from the zero state.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Import/LoadModel.h"
#include "lrnn/InitAll.h"
#include "lrnn/Interpreter/Interpreter.h"
#include "lrnn/Support/Npy.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cmath>

using namespace llvm;

namespace {
enum class Backend { Interp };
} // namespace

static cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                                      cl::desc("<model.mlir|model.safetensors>"));
static cl::opt<std::string> inputPath("input", cl::Required,
                                      cl::desc("[T, d_input] float32/64 .npy"),
                                      cl::value_desc("file"));
static cl::opt<std::string> outputPath("output", cl::Required,
                                       cl::desc("[T, d_output] float32 .npy"),
                                       cl::value_desc("file"));
static cl::opt<Backend> backend(
    "backend", cl::init(Backend::Interp), cl::desc("Execution engine"),
    cl::values(clEnumValN(Backend::Interp, "interp",
                          "reference interpreter (double precision)")));
static cl::opt<bool> summary("summary",
                             cl::desc("Print a one-line summary of the run"));

static int fail(const Twine &message) {
  WithColor::error(errs(), "lrnn-run") << message << "\n";
  return 1;
}

int main(int argc, char **argv) {
  InitLLVM y(argc, argv);
  cl::ParseCommandLineOptions(argc, argv, "lrnn-run: run an lrnn model\n");

  mlir::DialectRegistry registry;
  lrnn::registerAllDialects(registry);
  mlir::MLIRContext context(registry);

  auto module = lrnn::loadModelFile(modelPath, &context);
  if (!module)
    return fail(toString(module.takeError()));
  auto model = lrnn::getSingleModel(**module, modelPath);
  if (!model)
    return fail(toString(model.takeError()));
  auto interp = lrnn::Interpreter::create(*model);
  if (!interp)
    return fail(modelPath + ": " + toString(interp.takeError()));
  int64_t dIn = (*interp)->getInputSize(), dOut = (*interp)->getOutputSize();

  auto input = lrnn::readNpy(inputPath);
  if (!input)
    return fail(toString(input.takeError()));
  if (input->dtype != lrnn::NpyDType::F32 && input->dtype != lrnn::NpyDType::F64)
    return fail(inputPath + ": expected float32 or float64 data, got '" +
                lrnn::npyDescr(input->dtype) + "'");
  if (input->shape.size() != 2 || input->shape[1] != dIn)
    return fail(inputPath + ": expected shape [T, " + Twine(dIn) +
                "] for this model, got a " + Twine(input->shape.size()) +
                "-D array" +
                (input->shape.size() == 2
                     ? " with " + Twine(input->shape[1]) + " columns"
                     : Twine("")));
  int64_t steps = input->shape[0];
  std::vector<double> inputs = input->toDoubles();
  for (size_t i = 0; i < inputs.size(); ++i)
    if (!std::isfinite(inputs[i]))
      return fail(inputPath + ": non-finite input at [" + Twine(i / dIn) +
                  ", " + Twine(i % dIn) + "]");

  auto start = std::chrono::steady_clock::now();
  std::vector<double> outputs = (*interp)->run(inputs, steps);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();

  std::vector<float> result(outputs.size());
  for (size_t i = 0; i < outputs.size(); ++i) {
    result[i] = static_cast<float>(outputs[i]);
    // A diverging model must not pass for a result.
    if (!std::isfinite(result[i]))
      return fail(modelPath + ": output is not finite at step " +
                  Twine(i / dOut) + ", element " + Twine(i % dOut) +
                  " (unstable recurrence or input out of range)");
  }
  if (auto err = lrnn::writeNpyF32(outputPath, {steps, dOut}, result))
    return fail(toString(std::move(err)));

  if (summary) {
    // Stored weights against the dense size: what pruning bought.
    int64_t nonZeros = 0, entries = 0;
    model->walk([&](mlir::Operation *op) {
      for (mlir::NamedAttribute attr : op->getAttrs())
        if (auto shape = lrnn::getWeightShape(attr.getValue())) {
          entries += shape->first * shape->second;
          nonZeros += *lrnn::countNonZeros(attr.getValue());
        }
    });
    outs() << "lrnn-run: " << modelPath << ": " << steps << " steps, d_input "
           << dIn << ", d_output " << dOut << ", "
           << (*interp)->getNumStates() << " complex states, weights "
           << nonZeros << "/" << entries << " non-zero ("
           << format("%.1f", entries ? 100.0 * nonZeros / entries : 0.0)
           << "%), interp "
           << format("%.0f", seconds > 0 ? steps / seconds : 0.0)
           << " steps/s\n";
  }
  return 0;
}
