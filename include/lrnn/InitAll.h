//===- InitAll.h - Register every dialect and pass lrnn tools use -*- C++ -*-===//
//
// One place for registration, so every tool (lrnn-opt, lrnn-run, lrnnc, the
// Python module) sees the same dialects and passes.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_INITALL_H
#define LRNN_INITALL_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace lrnn {

/// Adds the lrnn dialect and the upstream dialects its lowerings produce.
void registerAllDialects(mlir::DialectRegistry &registry);

/// Registers lrnn passes and the upstream passes useful on lowered IR.
void registerAllPasses();

} // namespace lrnn

#endif // LRNN_INITALL_H
