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
    auto values = readF32Elements(sparse.getValues());
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
  auto values = readF32Elements(cast<ElementsAttr>(weight));
  if (failed(values))
    return failure();
  m.colIndex.resize(values->size());
  m.values.assign(values->begin(), values->end());
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
  auto values = readF32Elements(dense);
  if (failed(values))
    return failure();
  return static_cast<int64_t>(llvm::count_if(*values, [](float v) { return v != 0.0f; }));
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
    auto indices = readI32Elements(sparse.getIndices());
    auto values = readF32Elements(sparse.getValues());
    if (failed(indices))
      return op->emitOpError() << name << ": indices: "
                               << unavailableReason(sparse.getIndices());
    if (failed(values))
      return op->emitOpError() << name << ": values: "
                               << unavailableReason(sparse.getValues());
    int64_t previous = -1;
    for (size_t k = 0; k < values->size(); ++k) {
      int64_t r = (*indices)[2 * k], c = (*indices)[2 * k + 1];
      if (r < 0 || r >= rows || c < 0 || c >= cols)
        return op->emitOpError()
               << name << ": sparse position (" << r << ", " << c
               << ") is out of range for a " << rows << "x" << cols << " matrix";
      int64_t key = r * cols + c;
      if (key == previous)
        return op->emitOpError() << name << ": duplicate sparse position ("
                                 << r << ", " << c << ")";
      if (key < previous)
        return op->emitOpError()
               << name << ": sparse position (" << r << ", " << c
               << ") at entry " << k << " is not in row-major order";
      previous = key;
      float v = (*values)[k];
      if (!std::isfinite(v))
        return op->emitOpError()
               << name << ": non-finite value "
               << (std::isnan(v) ? "nan" : v > 0 ? "inf" : "-inf") << " at ("
               << r << ", " << c << ")";
      if (v == 0.0f)
        return op->emitOpError() << name << ": sparse matrix stores a zero at ("
                                 << r << ", " << c << ")";
    }
    return success();
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
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      if (float v = values[r * cols + c]; v != 0.0f) {
        indices.push_back(static_cast<int32_t>(r));
        indices.push_back(static_cast<int32_t>(c));
        nonZeros.push_back(v);
      }
  // A matrix of zeros still needs a well-formed (empty) coordinate list.
  return SparseMatrixAttr::get(
      context, {rows, cols},
      buildI32Elements(context, {nnz, 2}, indices, (blobName + ".indices").str()),
      buildF32Elements(context, {nnz}, nonZeros, (blobName + ".values").str()));
}
