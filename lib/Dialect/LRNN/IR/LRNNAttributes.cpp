//===- LRNNAttributes.cpp - lrnn attributes -------------------------------===//

#include "lrnn/Dialect/LRNN/IR/LRNNAttributes.h"
#include "lrnn/Dialect/LRNN/IR/LRNNDialect.h"

#include "mlir/Bytecode/BytecodeImplementation.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/Format.h"

#include <cmath>

using namespace mlir;
using namespace lrnn;

#include "lrnn/Dialect/LRNN/IR/LRNNEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "lrnn/Dialect/LRNN/IR/LRNNAttributes.cpp.inc"

namespace {
/// Writes #lrnn.sparse structurally in bytecode. The textual fallback would
/// re-parse its dense_resource operands as new, empty resources.
struct LRNNBytecodeInterface : public BytecodeDialectInterface {
  LRNNBytecodeInterface(Dialect *dialect) : BytecodeDialectInterface(dialect) {}
  enum AttrKind : uint64_t { kSparseMatrix = 0 };

  Attribute readAttribute(DialectBytecodeReader &reader) const override {
    uint64_t kind;
    if (failed(reader.readVarInt(kind)))
      return {};
    if (kind != kSparseMatrix) {
      reader.emitError() << "unknown lrnn attribute kind " << kind;
      return {};
    }
    SmallVector<int64_t> shape;
    ElementsAttr indices, values;
    if (failed(reader.readSignedVarInts(shape)) ||
        failed(reader.readAttribute(indices)) ||
        failed(reader.readAttribute(values)))
      return {};
    return SparseMatrixAttr::getChecked(
        [&] { return reader.emitError(); }, getContext(), shape, indices,
        values);
  }

  LogicalResult writeAttribute(Attribute attr,
                               DialectBytecodeWriter &writer) const override {
    auto sparse = dyn_cast<SparseMatrixAttr>(attr);
    if (!sparse)
      return failure(); // Other attributes use their textual form.
    writer.writeVarInt(kSparseMatrix);
    writer.writeSignedVarInts(sparse.getShape());
    writer.writeAttribute(sparse.getIndices());
    writer.writeAttribute(sparse.getValues());
    return success();
  }
};
} // namespace

void LRNNDialect::registerAttributes() {
  addInterfaces<LRNNBytecodeInterface>();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "lrnn/Dialect/LRNN/IR/LRNNAttributes.cpp.inc"
      >();
}

// Densities are printed with four decimals; a parsed density must agree with
// nnz / (rows * cols) to that precision.
static constexpr double kDensityTolerance = 0.5e-4 + 1e-12;

LogicalResult
SparseMatrixAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                         ArrayRef<int64_t> shape, ElementsAttr indices,
                         ElementsAttr values) {
  if (shape.size() != 2)
    return emitError() << "#lrnn.sparse: shape must have 2 dimensions, got "
                       << shape.size();
  if (shape[0] <= 0 || shape[1] <= 0)
    return emitError() << "#lrnn.sparse: dimensions must be positive, got ["
                       << shape[0] << ", " << shape[1] << "]";
  if (shape[0] > INT32_MAX || shape[1] > INT32_MAX)
    return emitError() << "#lrnn.sparse: dimensions must fit in 32 bits";
  auto valuesType = dyn_cast<RankedTensorType>(values.getType());
  if (!valuesType || valuesType.getRank() != 1 ||
      !(valuesType.getElementType().isF32() ||
        valuesType.getElementType().isSignlessInteger()))
    return emitError()
           << "#lrnn.sparse: values must be a 1-D tensor of f32 or of signless "
              "integers, got "
           << values.getType();
  int64_t nnz = valuesType.getDimSize(0);
  auto indicesType = dyn_cast<RankedTensorType>(indices.getType());
  if (!indicesType || indicesType.getRank() != 2 ||
      indicesType.getDimSize(1) != 2 ||
      !indicesType.getElementType().isInteger(32))
    return emitError() << "#lrnn.sparse: indices must be a tensor<nnz x 2 x i32>, "
                          "got "
                       << indices.getType();
  if (indicesType.getDimSize(0) != nnz)
    return emitError() << "#lrnn.sparse: " << indicesType.getDimSize(0)
                       << " positions but " << nnz << " values";
  if (nnz > shape[0] * shape[1])
    return emitError() << "#lrnn.sparse: " << nnz << " entries exceed the "
                       << shape[0] * shape[1] << " of a " << shape[0] << "x"
                       << shape[1] << " matrix";
  return success();
}

Attribute SparseMatrixAttr::parse(AsmParser &parser, Type) {
  SmallVector<int64_t, 2> shape;
  int64_t nnz = 0;
  double density = 0;
  ElementsAttr indices, values;
  SMLoc densityLoc;
  if (parser.parseLess() ||
      parser.parseCommaSeparatedList(AsmParser::Delimiter::Square,
                                     [&]() -> ParseResult {
                                       return parser.parseInteger(
                                           shape.emplace_back());
                                     }) ||
      parser.parseComma() || parser.parseKeyword("nnz") ||
      parser.parseEqual() || parser.parseInteger(nnz) || parser.parseComma() ||
      parser.parseKeyword("density") || parser.parseEqual() ||
      parser.getCurrentLocation(&densityLoc) || parser.parseFloat(density) ||
      parser.parseComma() || parser.parseKeyword("indices") ||
      parser.parseEqual() || parser.parseAttribute(indices) ||
      parser.parseComma() || parser.parseKeyword("values") ||
      parser.parseEqual() || parser.parseAttribute(values) ||
      parser.parseGreater())
    return {};
  auto emitError = [&]() { return parser.emitError(parser.getNameLoc()); };
  auto attr = getChecked(emitError, parser.getContext(), shape, indices, values);
  if (!attr)
    return {};
  if (attr.getNumNonZeros() != nnz) {
    parser.emitError(parser.getNameLoc())
        << "#lrnn.sparse: nnz = " << nnz << " but " << attr.getNumNonZeros()
        << " values are stored";
    return {};
  }
  if (std::fabs(attr.getDensity() - density) > kDensityTolerance) {
    parser.emitError(densityLoc)
        << "#lrnn.sparse: density = " << density
        << " disagrees with nnz / (rows * cols) = " << attr.getDensity();
    return {};
  }
  return attr;
}

void SparseMatrixAttr::print(AsmPrinter &printer) const {
  printer << "<[" << getRows() << ", " << getCols()
          << "], nnz = " << getNumNonZeros() << ", density = "
          << llvm::format("%.4f", getDensity()) << ", indices = ";
  printer.printAttribute(getIndices());
  printer << ", values = ";
  printer.printAttribute(getValues());
  printer << ">";
}
