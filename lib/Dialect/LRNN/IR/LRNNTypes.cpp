//===- LRNNTypes.cpp - lrnn types -----------------------------------------===//

#include "lrnn/Dialect/LRNN/IR/LRNNTypes.h"
#include "lrnn/Dialect/LRNN/IR/LRNNDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace lrnn;

#define GET_TYPEDEF_CLASSES
#include "lrnn/Dialect/LRNN/IR/LRNNTypes.cpp.inc"

void LRNNDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "lrnn/Dialect/LRNN/IR/LRNNTypes.cpp.inc"
      >();
}

// Widths beyond 64 bits cannot be computed on by any backend; exponents are
// bounded so that 2^exponent stays far inside double's range.
LogicalResult FixedType::verify(function_ref<InFlightDiagnostic()> emitError,
                                unsigned width, int exponent) {
  if (width < 2 || width > 64)
    return emitError() << "!lrnn.fixed: width must be in [2, 64], got "
                       << width;
  if (exponent < -128 || exponent > 127)
    return emitError() << "!lrnn.fixed: exponent must be in [-128, 127], got "
                       << exponent;
  return success();
}
