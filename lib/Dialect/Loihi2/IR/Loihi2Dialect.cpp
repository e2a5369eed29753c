//===- Loihi2Dialect.cpp - loihi2 dialect registration --------------------===//

#include "lrnn/Dialect/Loihi2/IR/Loihi2Dialect.h"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Ops.h"

using namespace mlir;
using namespace lrnn::loihi2;

#include "lrnn/Dialect/Loihi2/IR/Loihi2Dialect.cpp.inc"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Enums.cpp.inc"

void Loihi2Dialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "lrnn/Dialect/Loihi2/IR/Loihi2Ops.cpp.inc"
      >();
}
