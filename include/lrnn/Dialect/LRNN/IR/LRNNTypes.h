//===- LRNNTypes.h - lrnn types ---------------------------------*- C++ -*-===//

#ifndef LRNN_DIALECT_LRNN_IR_LRNNTYPES_H
#define LRNN_DIALECT_LRNN_IR_LRNNTYPES_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/Types.h"

#define GET_TYPEDEF_CLASSES
#include "lrnn/Dialect/LRNN/IR/LRNNTypes.h.inc"

#endif // LRNN_DIALECT_LRNN_IR_LRNNTYPES_H
