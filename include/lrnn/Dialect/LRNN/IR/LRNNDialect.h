//===- LRNNDialect.h - lrnn dialect -----------------------------*- C++ -*-===//

#ifndef LRNN_DIALECT_LRNN_IR_LRNNDIALECT_H
#define LRNN_DIALECT_LRNN_IR_LRNNDIALECT_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Dialect.h"

#include "lrnn/Dialect/LRNN/IR/LRNNDialect.h.inc"

#endif // LRNN_DIALECT_LRNN_IR_LRNNDIALECT_H
