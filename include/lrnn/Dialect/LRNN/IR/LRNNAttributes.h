//===- LRNNAttributes.h - lrnn attributes -----------------------*- C++ -*-===//

#ifndef LRNN_DIALECT_LRNN_IR_LRNNATTRIBUTES_H
#define LRNN_DIALECT_LRNN_IR_LRNNATTRIBUTES_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectImplementation.h"

#include "lrnn/Dialect/LRNN/IR/LRNNEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "lrnn/Dialect/LRNN/IR/LRNNAttributes.h.inc"

#endif // LRNN_DIALECT_LRNN_IR_LRNNATTRIBUTES_H
