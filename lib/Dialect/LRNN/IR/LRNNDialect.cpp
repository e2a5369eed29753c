//===- LRNNDialect.cpp - lrnn dialect registration ------------------------===//

#include "lrnn/Dialect/LRNN/IR/LRNNDialect.h"
#include "lrnn/Dialect/LRNN/IR/LRNNAttributes.h"
#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"
#include "lrnn/Dialect/LRNN/IR/LRNNTypes.h"

#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace lrnn;

#include "lrnn/Dialect/LRNN/IR/LRNNDialect.cpp.inc"

void LRNNDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "lrnn/Dialect/LRNN/IR/LRNNOps.cpp.inc"
      >();
  registerAttributes();
  registerTypes();
}
