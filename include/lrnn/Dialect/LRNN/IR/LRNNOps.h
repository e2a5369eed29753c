//===- LRNNOps.h - lrnn operations ------------------------------*- C++ -*-===//

#ifndef LRNN_DIALECT_LRNN_IR_LRNNOPS_H
#define LRNN_DIALECT_LRNN_IR_LRNNOPS_H

#include "lrnn/Dialect/LRNN/IR/LRNNAttributes.h"
#include "lrnn/Dialect/LRNN/IR/LRNNDialect.h"
#include "lrnn/Dialect/LRNN/IR/LRNNTypes.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include <vector>

namespace lrnn {
class DiagRecurrenceOp;
class LutFunctionAttr;
/// Custom directive of lrnn.qlut: the table's function as a bare keyword.
mlir::ParseResult parseLutFunction(mlir::OpAsmParser &parser,
                                   LutFunctionAttr &attr);
void printLutFunction(mlir::OpAsmPrinter &printer, mlir::Operation *op,
                      LutFunctionAttr attr);
} // namespace lrnn

#define GET_OP_CLASSES
#include "lrnn/Dialect/LRNN/IR/LRNNOps.h.inc"

namespace lrnn {
/// The !lrnn.fixed element type of a fixed-point vector value.
FixedType getFixedType(mlir::Value value);
} // namespace lrnn

#endif // LRNN_DIALECT_LRNN_IR_LRNNOPS_H
