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

namespace lrnn {
class DiagRecurrenceOp;
} // namespace lrnn

#define GET_OP_CLASSES
#include "lrnn/Dialect/LRNN/IR/LRNNOps.h.inc"

#endif // LRNN_DIALECT_LRNN_IR_LRNNOPS_H
