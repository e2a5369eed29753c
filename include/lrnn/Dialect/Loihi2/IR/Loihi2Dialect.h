//===- Loihi2Dialect.h - loihi2 dialect -------------------------*- C++ -*-===//

#ifndef LRNN_DIALECT_LOIHI2_IR_LOIHI2DIALECT_H
#define LRNN_DIALECT_LOIHI2_IR_LOIHI2DIALECT_H

#include "lrnn/Dialect/LRNN/IR/LRNNDialect.h"
#include "mlir/IR/Dialect.h"

#include "lrnn/Dialect/Loihi2/IR/Loihi2Dialect.h.inc"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Enums.h.inc"

#endif // LRNN_DIALECT_LOIHI2_IR_LOIHI2DIALECT_H
