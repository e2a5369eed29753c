//===- safetensors.cpp - Fuzz target: safetensors reader + importer -------===//
//
// Bytes -> parseSafetensors -> importModel -> (verified) lrnn.model -> two
// steps of the reference interpreter. Rejections must be one-line errors,
// never an "internal error" (an importer producing IR that does not
// verify); accepted files must be self-consistent and survive
// serializeSafetensors -> parseSafetensors.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "lrnn/Import/ImportModel.h"
#include "lrnn/Interpreter/Interpreter.h"

#include <cmath>

using namespace lrnn;

static void checkUserError(llvm::Error error) {
  std::string message = llvm::toString(std::move(error));
  if (message.empty() || message.find('\n') != std::string::npos ||
      llvm::StringRef(message).starts_with("fuzz.safetensors: internal error")) {
    std::fprintf(stderr, "fuzz: bad error: '%s'\n", message.c_str());
    std::abort();
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::Expected<SafetensorsFile> file =
      parseSafetensors(fuzz::asBytes(data, size), "fuzz.safetensors");
  if (!file) {
    checkUserError(file.takeError());
    return 0;
  }
  for (const auto &[name, tensor] : file->tensors) {
    fuzz::check(tensor.numElements() >= 0 &&
                    tensor.values.size() == size_t(tensor.numElements()),
                "tensor value count disagrees with its shape");
    for (double v : tensor.values)
      fuzz::check(std::isfinite(v), "non-finite tensor value accepted");
  }
  llvm::Expected<SafetensorsFile> again =
      parseSafetensors(serializeSafetensors(*file), "fuzz-roundtrip.safetensors");
  if (!again) {
    std::fprintf(stderr, "fuzz: round trip rejected: %s\n",
                 llvm::toString(again.takeError()).c_str());
    std::abort();
  }
  fuzz::check(again->metadata == file->metadata &&
                  again->tensors.size() == file->tensors.size(),
              "serializeSafetensors -> parseSafetensors changed the file");
  for (const auto &[name, tensor] : file->tensors) {
    const SafetensorsTensor &other = again->tensors.at(name);
    fuzz::check(other.shape == tensor.shape && other.values == tensor.values,
                "serializeSafetensors -> parseSafetensors changed a tensor");
  }

  fuzz::Context context;
  auto module = importModel(*file, context.get(), "fuzz.safetensors");
  if (!module) {
    checkUserError(module.takeError());
    return 0;
  }
  auto model = getSingleModel(**module, "fuzz.safetensors");
  fuzz::check(bool(model), "import made no single model");
  auto interpreter = Interpreter::create(*model);
  if (!interpreter) {
    std::fprintf(stderr, "fuzz: the interpreter rejects an imported model: %s\n",
                 llvm::toString(interpreter.takeError()).c_str());
    std::abort();
  }
  // Small models only: the fuzzer's inputs are small, but stay bounded.
  if ((*interpreter)->getInputSize() <= 4096) {
    std::vector<double> input((*interpreter)->getInputSize(), 0.5);
    std::vector<double> output((*interpreter)->getOutputSize());
    for (int step = 0; step < 2; ++step)
      (*interpreter)->step(input, output);
  }
  return 0;
}
