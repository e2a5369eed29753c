//===- Safetensors.h - Strict reader for safetensors files ------*- C++ -*-===//
//
// Reads the safetensors container (https://huggingface.co/docs/safetensors)
// as ../shared/spec/lrnn-model-format.md specifies it: an 8-byte little-endian
// header length, a UTF-8 JSON header (optionally padded with trailing spaces)
// and the tensor data. Only F32 and F64 tensors are accepted. Every violation
// is reported as a one-line error "<file>: <reason>" (naming the tensor where
// there is one); nothing is ever read out of bounds.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_SUPPORT_SAFETENSORS_H
#define LRNN_SUPPORT_SAFETENSORS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lrnn {

enum class TensorDType { F32, F64 };

/// One tensor of the file. Values are converted to double on load.
struct SafetensorsTensor {
  std::string name;
  TensorDType dtype = TensorDType::F32;
  std::vector<int64_t> shape;
  std::vector<double> values;
  int64_t numElements() const;
};

/// A parsed file: the `__metadata__` string map and all tensors, checked for
/// well-formedness (offsets in range, no overlap, sizes matching shapes and
/// dtypes, every value finite).
struct SafetensorsFile {
  std::map<std::string, std::string> metadata;
  /// Tensors ordered by name.
  std::map<std::string, SafetensorsTensor> tensors;
};

/// Parses a safetensors image held in memory; `name` prefixes errors.
llvm::Expected<SafetensorsFile> parseSafetensors(llvm::StringRef bytes,
                                                 llvm::StringRef name);

/// Reads and parses a safetensors file; errors are prefixed with the path.
llvm::Expected<SafetensorsFile> readSafetensors(llvm::StringRef path);

/// Serialises tensors into a safetensors image (F32 or F64 as each tensor's
/// dtype says). Used by tests and tools that write models.
std::string serializeSafetensors(const SafetensorsFile &file);

} // namespace lrnn

#endif // LRNN_SUPPORT_SAFETENSORS_H
