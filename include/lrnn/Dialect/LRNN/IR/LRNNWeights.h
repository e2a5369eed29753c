//===- LRNNWeights.h - Reading, checking and building weights ---*- C++ -*-===//
//
// Weights and constant vectors of the lrnn dialect are ElementsAttrs (inline
// `dense<...>` or `dense_resource` blobs) or #lrnn.sparse matrices. This is
// the one place that knows how to read them, check them and build them.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_DIALECT_LRNN_IR_LRNNWEIGHTS_H
#define LRNN_DIALECT_LRNN_IR_LRNNWEIGHTS_H

#include "lrnn/Dialect/LRNN/IR/LRNNAttributes.h"

#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace lrnn {

/// The f32 elements of a dense or dense_resource attribute in row-major
/// order, or failure when the data is unavailable (e.g. an elided resource)
/// or not f32.
mlir::FailureOr<std::vector<float>> readF32Elements(mlir::ElementsAttr attr);
/// Same for i32 elements.
mlir::FailureOr<std::vector<int32_t>> readI32Elements(mlir::ElementsAttr attr);

/// The elements of a signless i8/i16/i32/i64 attribute widened to int64_t.
mlir::FailureOr<std::vector<int64_t>> readIntElements(mlir::ElementsAttr attr);

/// A weight matrix in compressed sparse row form, values widened to double
/// (f32 weights, or the integer codes of quantised ops, which are exact).
/// Dense weights are converted with every entry stored, sparse ones with
/// their non-zeros only.
struct CsrMatrix {
  int64_t rows = 0, cols = 0;
  std::vector<int64_t> rowStart; ///< rows + 1 offsets into colIndex/values.
  std::vector<int32_t> colIndex;
  std::vector<double> values;
  int64_t numStored() const { return static_cast<int64_t>(values.size()); }
};

/// Converts a verified weight attribute. Fails only if data is unavailable.
mlir::FailureOr<CsrMatrix> readWeight(mlir::Attribute weight);

/// The rows and columns of a weight attribute (dense or sparse), or nullopt
/// when it is not a rank-2 weight.
std::optional<std::pair<int64_t, int64_t>> getWeightShape(mlir::Attribute weight);

/// Number of non-zero entries of a weight (counted for dense ones).
mlir::FailureOr<int64_t> countNonZeros(mlir::Attribute weight);

/// Verifies a weight attribute of `op` named `name`: a `rows x cols` f32
/// matrix with finite entries; for #lrnn.sparse, in-range positions in
/// strictly increasing row-major order and non-zero values.
mlir::LogicalResult verifyWeight(mlir::Operation *op, llvm::StringRef name,
                                 mlir::Attribute weight, int64_t rows,
                                 int64_t cols);

/// Verifies a constant vector attribute of `size` finite f32 elements.
mlir::LogicalResult verifyVector(mlir::Operation *op, llvm::StringRef name,
                                 mlir::ElementsAttr vector, int64_t size);

/// Builds an f32 elements attribute of `shape`. Arrays with more than
/// `kInlineElementLimit` elements become `dense_resource` blobs named after
/// `blobName`, which print and parse much faster than inline literals.
mlir::ElementsAttr buildF32Elements(mlir::MLIRContext *context,
                                    llvm::ArrayRef<int64_t> shape,
                                    llvm::ArrayRef<float> values,
                                    llvm::StringRef blobName);
constexpr int64_t kInlineElementLimit = 64;

/// Builds the weight attribute of a row-major `rows x cols` matrix: a
/// #lrnn.sparse matrix holding only the non-zeros when the density is at most
/// `maxSparseDensity`, otherwise a dense elements attribute.
mlir::Attribute buildWeight(mlir::MLIRContext *context,
                            llvm::ArrayRef<float> values, int64_t rows,
                            int64_t cols, double maxSparseDensity,
                            llvm::StringRef blobName);

/// Verifies a weight of integer codes (quantised ops): a `rows x cols`
/// matrix of i8/i16/i32 codes, dense or #lrnn.sparse, whose element type has
/// at most `maxBits` bits and whose codes lie in the symmetric range
/// ±(2^(bits-1) - 1).
mlir::LogicalResult verifyCodeWeight(mlir::Operation *op, llvm::StringRef name,
                                     mlir::Attribute weight, int64_t rows,
                                     int64_t cols, unsigned maxBits);

/// Verifies a vector of `size` integer codes, as verifyCodeWeight.
mlir::LogicalResult verifyCodeVector(mlir::Operation *op, llvm::StringRef name,
                                     mlir::ElementsAttr vector, int64_t size,
                                     unsigned maxBits);

/// Builds an attribute of integer codes stored as i`bits` (8, 16 or 32);
/// large arrays become dense_resource blobs as in buildF32Elements.
mlir::ElementsAttr buildCodeElements(mlir::MLIRContext *context,
                                     llvm::ArrayRef<int64_t> shape,
                                     llvm::ArrayRef<int64_t> codes,
                                     unsigned bits, llvm::StringRef blobName);

/// Builds a weight of integer codes, sparse when its density is at most
/// `maxSparseDensity`, as buildWeight.
mlir::Attribute buildCodeWeight(mlir::MLIRContext *context,
                                llvm::ArrayRef<int64_t> codes, int64_t rows,
                                int64_t cols, unsigned bits,
                                double maxSparseDensity,
                                llvm::StringRef blobName);

} // namespace lrnn

#endif // LRNN_DIALECT_LRNN_IR_LRNNWEIGHTS_H
