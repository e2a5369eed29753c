//===- Npy.h - Strict reader and writer for NumPy .npy files ----*- C++ -*-===//
//
// The .npy format (versions 1.0, 2.0 and 3.0) restricted to what lrnn needs:
// little-endian (or byte-order-free) numeric dtypes in C order. Anything else
// (Fortran order, big-endian, object arrays, structured dtypes, truncated
// data, trailing garbage, absurd sizes) is rejected with a one-line error that
// names the file and the reason.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_SUPPORT_NPY_H
#define LRNN_SUPPORT_NPY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lrnn {

/// Element types lrnn reads and writes.
enum class NpyDType { F32, F64, I8, I16, I32, I64 };

/// The numpy descriptor string of a dtype, e.g. "<f4".
llvm::StringRef npyDescr(NpyDType dtype);
/// Size in bytes of one element.
size_t npyElementSize(NpyDType dtype);

/// An array read from a .npy file. `data` holds the raw little-endian bytes
/// in C order; use the typed accessors to convert.
struct NpyArray {
  NpyDType dtype = NpyDType::F32;
  std::vector<int64_t> shape;
  std::vector<char> data;

  int64_t numElements() const;
  /// All elements converted to double (exact for every supported dtype
  /// except I64 values beyond 2^53).
  std::vector<double> toDoubles() const;
};

/// Parses a .npy image held in memory. `name` is used in error messages
/// (usually the file path). Errors read "<name>: <reason>".
/// An array of more than `maxElements` elements (when >= 0) is refused
/// before its data is copied.
llvm::Expected<NpyArray> parseNpy(llvm::StringRef bytes, llvm::StringRef name,
                                  int64_t maxElements = -1);

/// Reads a .npy file. Errors read "<path>: <reason>".
llvm::Expected<NpyArray> readNpy(llvm::StringRef path,
                                 int64_t maxElements = -1);

/// Serialises an array into a version 1.0 .npy image (version 2.0 if the
/// header does not fit in 65535 bytes).
std::string serializeNpy(NpyDType dtype, llvm::ArrayRef<int64_t> shape,
                         llvm::ArrayRef<char> rawData);

/// Writes a .npy file atomically: on any error no file (and no partial file)
/// is left at `path`. An existing `path` that is not a regular file or a
/// directory (/dev/null, a FIFO) is written in place, not replaced. Errors
/// read "<path>: <reason>".
llvm::Error writeNpy(llvm::StringRef path, NpyDType dtype,
                     llvm::ArrayRef<int64_t> shape, llvm::ArrayRef<char> rawData);

/// Convenience: writes float32 data of the given shape.
llvm::Error writeNpyF32(llvm::StringRef path, llvm::ArrayRef<int64_t> shape,
                        llvm::ArrayRef<float> data);

/// The most values a sequence the tools read or write may hold (steps x
/// values per step): 2^28, 2 GiB as doubles. A longer sequence is refused
/// up front rather than exhausting memory; split it.
inline constexpr int64_t kMaxSequenceValues = int64_t(1) << 28;

/// Reads the input sequence of a model run: a [T, width] float32 or float64
/// array of finite values, returned row-major as doubles; `steps` receives
/// T. A run writing `outputWidth` values per step (0: none) must also keep
/// T x outputWidth within kMaxSequenceValues, as T x width must. Errors read
/// "<path>: <reason>" (unreadable or malformed file, another dtype, another
/// shape, a sequence over the limit, the first non-finite value).
llvm::Expected<std::vector<double>>
readFloatSequence(llvm::StringRef path, int64_t width, int64_t &steps,
                  int64_t outputWidth = 0);

/// Checks that `steps` steps of `width` values stay within
/// kMaxSequenceValues; the error reads "<name>: <what> of <steps> steps x
/// <width> values exceeds the limit of 2^28 values; split it".
llvm::Error checkSequenceSize(llvm::StringRef name, llvm::StringRef what,
                              int64_t steps, int64_t width);

/// The .npy image of `rows` x `width` float32 values.
std::string serializeNpyF32(int64_t rows, int64_t width,
                            llvm::ArrayRef<float> values);

/// The .npy image of `rows` x `width` int32 codes (`<i4`); every code must
/// fit 32 bits.
std::string serializeNpyI32(int64_t rows, int64_t width,
                            llvm::ArrayRef<int64_t> codes);

} // namespace lrnn

#endif // LRNN_SUPPORT_NPY_H
