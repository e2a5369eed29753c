//===- Loihi2Ops.h - loihi2 operations --------------------------*- C++ -*-===//

#ifndef LRNN_DIALECT_LOIHI2_IR_LOIHI2OPS_H
#define LRNN_DIALECT_LOIHI2_IR_LOIHI2OPS_H

#include "lrnn/Dialect/LRNN/IR/LRNNAttributes.h"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Dialect.h"
#include "lrnn/Target/Loihi2/TargetDescription.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "lrnn/Dialect/Loihi2/IR/Loihi2Ops.h.inc"

#endif // LRNN_DIALECT_LOIHI2_IR_LOIHI2OPS_H
