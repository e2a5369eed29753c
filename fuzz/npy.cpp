//===- npy.cpp - Fuzz target: the .npy reader -----------------------------===//
//
// Bytes -> parseNpy. A rejected input must give a one-line error; an
// accepted one must be self-consistent (data size = elements x element size,
// every dimension >= 0) and survive serializeNpy -> parseNpy unchanged.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "lrnn/Support/Npy.h"

using namespace lrnn;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::Expected<NpyArray> array = parseNpy(fuzz::asBytes(data, size), "fuzz.npy");
  if (!array) {
    fuzz::checkOneLineError(array.takeError());
    return 0;
  }
  int64_t elements = 1;
  for (int64_t d : array->shape)
    fuzz::check(d >= 0, "negative dimension accepted");
  elements = array->numElements();
  fuzz::check(elements >= 0, "negative element count");
  fuzz::check(array->data.size() ==
                  size_t(elements) * npyElementSize(array->dtype),
              "data size disagrees with shape x element size");
  fuzz::check(array->data.size() <= size,
              "more data than the file holds");
  std::vector<double> values = array->toDoubles();
  fuzz::check(values.size() == size_t(elements), "toDoubles size");

  std::string image = serializeNpy(array->dtype, array->shape, array->data);
  llvm::Expected<NpyArray> again = parseNpy(image, "fuzz-roundtrip.npy");
  if (!again) {
    std::fprintf(stderr, "fuzz: round trip rejected: %s\n",
                 llvm::toString(again.takeError()).c_str());
    std::abort();
  }
  fuzz::check(again->dtype == array->dtype && again->shape == array->shape &&
                  again->data == array->data,
              "serializeNpy -> parseNpy changed the array");
  return 0;
}
