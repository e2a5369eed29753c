//===- LRNNWeights.cpp - Reading, checking and building weights -----------===//

#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/BuiltinDialect.h"
#include "llvm/ADT/STLExtras.h"

#include <cmath>
#include <cstring>

using namespace mlir;
using namespace lrnn;

/// Copies the elements of `attr` as `T`, from an inline literal or from the
/// blob of a dense_resource attribute.
template <typename T>
static FailureOr<std::vector<T>> readElements(ElementsAttr attr) {
  int64_t count = attr.getNumElements();
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    auto range = dense.tryGetValues<T>();
    if (failed(range))
      return failure();
    return std::vector<T>(range->begin(), range->end());
  }
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return failure();
    ArrayRef<char> bytes = blob->getData();
    if (static_cast<int64_t>(bytes.size()) != count * int64_t(sizeof(T)))
      return failure();
    std::vector<T> out(count);
    if (count)
      std::memcpy(out.data(), bytes.data(), bytes.size());
    return out;
  }
  return failure();
}

/// Why the data of `attr` cannot be read, for diagnostics.
static std::string unavailableReason(ElementsAttr attr) {
  auto resource = dyn_cast<DenseResourceElementsAttr>(attr);
  if (!resource)
    return "data is unavailable";
  AsmResourceBlob *blob = resource.getRawHandle().getBlob();
  std::string key = resource.getRawHandle().getKey().str();
  if (!blob)
    return "resource '" + key + "' has no data (elided or missing)";
  auto elementBits = attr.getElementType().getIntOrFloatBitWidth();
  return "resource '" + key + "' holds " + std::to_string(blob->getData().size()) +
         " bytes but its type needs " +
         std::to_string(attr.getNumElements() * elementBits / 8);
}

FailureOr<std::vector<float>> lrnn::readF32Elements(ElementsAttr attr) {
  if (!attr.getElementType().isF32())
    return failure();
  return readElements<float>(attr);
}

FailureOr<std::vector<int32_t>> lrnn::readI32Elements(ElementsAttr attr) {
  if (!attr.getElementType().isInteger(32))
    return failure();
  return readElements<int32_t>(attr);
}

FailureOr<std::vector<int64_t>> lrnn::readIntElements(ElementsAttr attr) {
  auto type = dyn_cast<IntegerType>(attr.getElementType());
  if (!type || !type.isSignless())
    return failure();
  auto widen = [](auto values) -> FailureOr<std::vector<int64_t>> {
    if (failed(values))
      return failure();
    return std::vector<int64_t>(values->begin(), values->end());
  };
  switch (type.getWidth()) {
  case 8:
    return widen(readElements<int8_t>(attr));
  case 16:
    return widen(readElements<int16_t>(attr));
  case 32:
    return widen(readElements<int32_t>(attr));
  case 64:
    return readElements<int64_t>(attr);
  default:
    return failure();
  }
}

/// The elements of an f32 or integer attribute widened to double (exact for
/// the integer codes of quantised models, which have at most 32 bits).
static FailureOr<std::vector<double>> readNumericElements(ElementsAttr attr) {
  if (attr.getElementType().isF32()) {
    auto values = readF32Elements(attr);
    if (failed(values))
      return failure();
    return std::vector<double>(values->begin(), values->end());
  }
  auto values = readIntElements(attr);
  if (failed(values))
    return failure();
  return std::vector<double>(values->begin(), values->end());
}

std::optional<std::pair<int64_t, int64_t>>
lrnn::getWeightShape(Attribute weight) {
  if (auto sparse = dyn_cast<SparseMatrixAttr>(weight))
    return std::make_pair(sparse.getRows(), sparse.getCols());
  if (auto dense = dyn_cast<ElementsAttr>(weight)) {
    auto type = dyn_cast<RankedTensorType>(dense.getType());
    if (type && type.getRank() == 2)
      return std::make_pair(type.getDimSize(0), type.getDimSize(1));
  }
  return std::nullopt;
}

FailureOr<CsrMatrix> lrnn::readWeight(Attribute weight) {
  auto shape = getWeightShape(weight);
  if (!shape)
    return failure();
  CsrMatrix m;
  m.rows = shape->first;
  m.cols = shape->second;
  m.rowStart.assign(m.rows + 1, 0);
  if (auto sparse = dyn_cast<SparseMatrixAttr>(weight)) {
    auto indices = readI32Elements(sparse.getIndices());
    auto values = readNumericElements(sparse.getValues());
    if (failed(indices) || failed(values))
      return failure();
    size_t nnz = values->size();
    m.colIndex.resize(nnz);
    m.values.resize(nnz);
    // Entries are verified to be in row-major order: count, then prefix-sum.
    for (size_t k = 0; k < nnz; ++k) {
      ++m.rowStart[(*indices)[2 * k] + 1];
      m.colIndex[k] = (*indices)[2 * k + 1];
      m.values[k] = (*values)[k];
    }
    for (int64_t r = 0; r < m.rows; ++r)
      m.rowStart[r + 1] += m.rowStart[r];
    return m;
  }
  auto values = readNumericElements(cast<ElementsAttr>(weight));
  if (failed(values))
    return failure();
  m.colIndex.resize(values->size());
  m.values = std::move(*values);
  for (int64_t r = 0; r < m.rows; ++r) {
    m.rowStart[r + 1] = (r + 1) * m.cols;
    for (int64_t c = 0; c < m.cols; ++c)
      m.colIndex[r * m.cols + c] = static_cast<int32_t>(c);
  }
  return m;
}

FailureOr<int64_t> lrnn::countNonZeros(Attribute weight) {
  if (auto sparse = dyn_cast<SparseMatrixAttr>(weight))
    return sparse.getNumNonZeros();
  auto dense = dyn_cast<ElementsAttr>(weight);
  if (!dense)
    return failure();
  auto values = readNumericElements(dense);
  if (failed(values))
    return failure();
  return static_cast<int64_t>(llvm::count_if(*values, [](double v) { return v != 0.0; }));
}

/// Reports the first non-finite entry of `values`, if any.
static LogicalResult checkFinite(Operation *op, StringRef name,
                                 ArrayRef<float> values, int64_t cols) {
  for (auto [k, v] : llvm::enumerate(values)) {
    if (std::isfinite(v))
      continue;
    auto diag = op->emitOpError() << name << ": non-finite value "
                                  << (std::isnan(v) ? "nan" : v > 0 ? "inf" : "-inf");
    if (cols > 0)
      diag << " at (" << int64_t(k) / cols << ", " << int64_t(k) % cols << ")";
    else
      diag << " at index " << k;
    return failure();
  }
  return success();
}

/// Checks the positions of a sparse matrix (in range, strictly increasing
/// row-major order) and calls `checkValue(k, row, col)` for each entry.
static LogicalResult verifySparsePositions(
    Operation *op, StringRef name, SparseMatrixAttr sparse, int64_t rows,
    int64_t cols,
    function_ref<LogicalResult(int64_t, int64_t, int64_t)> checkValue) {
  auto indices = readI32Elements(sparse.getIndices());
  if (failed(indices))
    return op->emitOpError() << name << ": indices: "
                             << unavailableReason(sparse.getIndices());
  int64_t previous = -1;
  for (int64_t k = 0, nnz = sparse.getNumNonZeros(); k < nnz; ++k) {
    int64_t r = (*indices)[2 * k], c = (*indices)[2 * k + 1];
    if (r < 0 || r >= rows || c < 0 || c >= cols)
      return op->emitOpError()
             << name << ": sparse position (" << r << ", " << c
             << ") is out of range for a " << rows << "x" << cols << " matrix";
    int64_t key = r * cols + c;
    if (key == previous)
      return op->emitOpError() << name << ": duplicate sparse position (" << r
                               << ", " << c << ")";
    if (key < previous)
      return op->emitOpError()
             << name << ": sparse position (" << r << ", " << c
             << ") at entry " << k << " is not in row-major order";
    previous = key;
    if (failed(checkValue(k, r, c)))
      return failure();
  }
  return success();
}

LogicalResult lrnn::verifyWeight(Operation *op, StringRef name,
                                 Attribute weight, int64_t rows, int64_t cols) {
  auto shape = getWeightShape(weight);
  if (!shape)
    return op->emitOpError() << name << ": expected a 2-D weight, got " << weight;
  if (shape->first != rows || shape->second != cols)
    return op->emitOpError() << name << ": expected a " << rows << "x" << cols
                             << " weight, got " << shape->first << "x"
                             << shape->second;
  if (auto sparse = dyn_cast<SparseMatrixAttr>(weight)) {
    if (!sparse.getValues().getElementType().isF32())
      return op->emitOpError() << name << ": expected f32 values, got "
                               << sparse.getValues().getElementType();
    auto values = readF32Elements(sparse.getValues());
    if (failed(values))
      return op->emitOpError() << name << ": values: "
                               << unavailableReason(sparse.getValues());
    return verifySparsePositions(
        op, name, sparse, rows, cols,
        [&](int64_t k, int64_t r, int64_t c) -> LogicalResult {
          float v = (*values)[k];
          if (!std::isfinite(v))
            return op->emitOpError()
                   << name << ": non-finite value "
                   << (std::isnan(v) ? "nan" : v > 0 ? "inf" : "-inf")
                   << " at (" << r << ", " << c << ")";
          if (v == 0.0f)
            return op->emitOpError() << name
                                     << ": sparse matrix stores a zero at ("
                                     << r << ", " << c << ")";
          return success();
        });
  }
  auto dense = cast<ElementsAttr>(weight);
  if (!dense.getElementType().isF32())
    return op->emitOpError() << name << ": expected f32 elements, got "
                             << dense.getElementType();
  auto values = readF32Elements(dense);
  if (failed(values))
    return op->emitOpError() << name << ": " << unavailableReason(dense);
  return checkFinite(op, name, *values, cols);
}

LogicalResult lrnn::verifyVector(Operation *op, StringRef name,
                                 ElementsAttr vector, int64_t size) {
  auto type = dyn_cast<RankedTensorType>(vector.getType());
  if (!type || type.getRank() != 1 || !type.getElementType().isF32())
    return op->emitOpError() << name << ": expected a 1-D f32 tensor, got "
                             << vector.getType();
  if (type.getDimSize(0) != size)
    return op->emitOpError() << name << ": expected " << size
                             << " elements, got " << type.getDimSize(0);
  auto values = readF32Elements(vector);
  if (failed(values))
    return op->emitOpError() << name << ": " << unavailableReason(vector);
  return checkFinite(op, name, *values, /*cols=*/0);
}

ElementsAttr lrnn::buildF32Elements(MLIRContext *context,
                                    ArrayRef<int64_t> shape,
                                    ArrayRef<float> values,
                                    StringRef blobName) {
  auto type = RankedTensorType::get(shape, Float32Type::get(context));
  if (static_cast<int64_t>(values.size()) <= kInlineElementLimit)
    return DenseElementsAttr::get(type, values);
  return DenseResourceElementsAttr::get(
      type, blobName,
      HeapAsmResourceBlob::allocateAndCopyInferAlign<float>(values));
}

static ElementsAttr buildI32Elements(MLIRContext *context,
                                     ArrayRef<int64_t> shape,
                                     ArrayRef<int32_t> values,
                                     StringRef blobName) {
  auto type = RankedTensorType::get(shape, IntegerType::get(context, 32));
  if (static_cast<int64_t>(values.size()) <= kInlineElementLimit)
    return DenseElementsAttr::get(type, values);
  return DenseResourceElementsAttr::get(
      type, blobName,
      HeapAsmResourceBlob::allocateAndCopyInferAlign<int32_t>(values));
}

/// The non-zeros of a row-major `rows x cols` matrix in coordinate form:
/// (row, column) pairs in row-major order and their values.
template <typename T>
static void collectNonZeros(ArrayRef<T> values, int64_t rows, int64_t cols,
                            std::vector<int32_t> &indices,
                            std::vector<T> &nonZeros) {
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      if (T v = values[r * cols + c]; v != T(0)) {
        indices.push_back(static_cast<int32_t>(r));
        indices.push_back(static_cast<int32_t>(c));
        nonZeros.push_back(v);
      }
}

Attribute lrnn::buildWeight(MLIRContext *context, ArrayRef<float> values,
                            int64_t rows, int64_t cols, double maxSparseDensity,
                            StringRef blobName) {
  int64_t nnz = llvm::count_if(values, [](float v) { return v != 0.0f; });
  double density = double(nnz) / double(rows * cols);
  if (density > maxSparseDensity)
    return buildF32Elements(context, {rows, cols}, values, blobName);
  std::vector<int32_t> indices;
  std::vector<float> nonZeros;
  indices.reserve(2 * nnz);
  nonZeros.reserve(nnz);
  collectNonZeros(values, rows, cols, indices, nonZeros);
  // A matrix of zeros still needs a well-formed (empty) coordinate list.
  return SparseMatrixAttr::get(
      context, {rows, cols},
      buildI32Elements(context, {nnz, 2}, indices, (blobName + ".indices").str()),
      buildF32Elements(context, {nnz}, nonZeros, (blobName + ".values").str()));
}

//===----------------------------------------------------------------------===//
// Integer codes of quantised ops
//===----------------------------------------------------------------------===//

/// The width of a code attribute's signless integer element type, or an
/// error when it is not one or is wider than `maxBits`.
static FailureOr<unsigned> getCodeWidth(Operation *op, StringRef name,
                                        Type elementType, unsigned maxBits) {
  auto type = dyn_cast<IntegerType>(elementType);
  if (!type || !type.isSignless() ||
      !llvm::is_contained({8u, 16u, 32u}, type.getWidth()))
    return op->emitOpError() << name
                             << ": expected codes of type i8, i16 or i32, got "
                             << elementType;
  if (type.getWidth() > maxBits)
    return op->emitOpError() << name << ": " << type.getWidth()
                             << "-bit codes exceed the target's " << maxBits
                             << " bits";
  return type.getWidth();
}

/// Symmetric codes: the most negative two's-complement value is never used.
static LogicalResult checkCode(Operation *op, StringRef name, int64_t code,
                               unsigned width, const Twine &where) {
  int64_t m = (int64_t(1) << (width - 1)) - 1;
  if (code > m || code < -m)
    return op->emitOpError() << name << ": code " << code << " at " << where
                             << " is outside the symmetric " << width
                             << "-bit range ±" << m;
  return success();
}

LogicalResult lrnn::verifyCodeWeight(Operation *op, StringRef name,
                                     Attribute weight, int64_t rows,
                                     int64_t cols, unsigned maxBits) {
  auto shape = getWeightShape(weight);
  if (!shape)
    return op->emitOpError() << name << ": expected a 2-D weight, got " << weight;
  if (shape->first != rows || shape->second != cols)
    return op->emitOpError() << name << ": expected a " << rows << "x" << cols
                             << " weight, got " << shape->first << "x"
                             << shape->second;
  ElementsAttr values = isa<SparseMatrixAttr>(weight)
                            ? cast<SparseMatrixAttr>(weight).getValues()
                            : cast<ElementsAttr>(weight);
  auto width = getCodeWidth(op, name, values.getElementType(), maxBits);
  if (failed(width))
    return failure();
  // A splat (`dense<1> : tensor<NxMxi8>`) is one code however large its
  // shape: check it without expanding it.
  if (auto dense = dyn_cast<DenseIntElementsAttr>(values);
      dense && dense.isSplat() && !isa<SparseMatrixAttr>(weight))
    return checkCode(op, name, dense.getSplatValue<APInt>().getSExtValue(),
                     *width, "(0, 0)");
  auto codes = readIntElements(values);
  if (failed(codes))
    return op->emitOpError() << name << ": " << unavailableReason(values);
  if (auto sparse = dyn_cast<SparseMatrixAttr>(weight))
    return verifySparsePositions(
        op, name, sparse, rows, cols,
        [&](int64_t k, int64_t r, int64_t c) -> LogicalResult {
          if ((*codes)[k] == 0)
            return op->emitOpError() << name
                                     << ": sparse matrix stores a zero at ("
                                     << r << ", " << c << ")";
          return checkCode(op, name, (*codes)[k], *width,
                           "(" + Twine(r) + ", " + Twine(c) + ")");
        });
  for (auto [k, code] : llvm::enumerate(*codes))
    if (failed(checkCode(op, name, code, *width,
                         "(" + Twine(int64_t(k) / cols) + ", " +
                             Twine(int64_t(k) % cols) + ")")))
      return failure();
  return success();
}

LogicalResult lrnn::verifyCodeVector(Operation *op, StringRef name,
                                     ElementsAttr vector, int64_t size,
                                     unsigned maxBits) {
  auto type = dyn_cast<RankedTensorType>(vector.getType());
  if (!type || type.getRank() != 1)
    return op->emitOpError() << name << ": expected a 1-D tensor of codes, got "
                             << vector.getType();
  if (type.getDimSize(0) != size)
    return op->emitOpError() << name << ": expected " << size
                             << " elements, got " << type.getDimSize(0);
  auto width = getCodeWidth(op, name, type.getElementType(), maxBits);
  if (failed(width))
    return failure();
  auto codes = readIntElements(vector);
  if (failed(codes))
    return op->emitOpError() << name << ": " << unavailableReason(vector);
  for (auto [k, code] : llvm::enumerate(*codes))
    if (failed(checkCode(op, name, code, *width, "index " + Twine(k))))
      return failure();
  return success();
}

ElementsAttr lrnn::buildCodeElements(MLIRContext *context,
                                     ArrayRef<int64_t> shape,
                                     ArrayRef<int64_t> codes, unsigned bits,
                                     StringRef blobName) {
  auto type = RankedTensorType::get(shape, IntegerType::get(context, bits));
  auto build = [&](auto zero) -> ElementsAttr {
    using T = decltype(zero);
    std::vector<T> narrow(codes.begin(), codes.end());
    if (static_cast<int64_t>(narrow.size()) <= kInlineElementLimit)
      return DenseElementsAttr::get(type, ArrayRef<T>(narrow));
    return DenseResourceElementsAttr::get(
        type, blobName,
        HeapAsmResourceBlob::allocateAndCopyInferAlign<T>(narrow));
  };
  if (bits == 8)
    return build(int8_t());
  if (bits == 16)
    return build(int16_t());
  return build(int32_t());
}

Attribute lrnn::buildCodeWeight(MLIRContext *context, ArrayRef<int64_t> codes,
                                int64_t rows, int64_t cols, unsigned bits,
                                double maxSparseDensity, StringRef blobName) {
  int64_t nnz = llvm::count_if(codes, [](int64_t v) { return v != 0; });
  if (double(nnz) / double(rows * cols) > maxSparseDensity)
    return buildCodeElements(context, {rows, cols}, codes, bits, blobName);
  std::vector<int32_t> indices;
  std::vector<int64_t> nonZeros;
  indices.reserve(2 * nnz);
  nonZeros.reserve(nnz);
  collectNonZeros(codes, rows, cols, indices, nonZeros);
  return SparseMatrixAttr::get(
      context, {rows, cols},
      buildI32Elements(context, {nnz, 2}, indices, (blobName + ".indices").str()),
      buildCodeElements(context, {nnz}, nonZeros, bits,
                        (blobName + ".values").str()));
}
