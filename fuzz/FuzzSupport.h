//===- FuzzSupport.h - Helpers shared by the fuzz targets -------*- C++ -*-===//
//
// What every target needs: a fresh MLIRContext per input (single-threaded,
// every dialect the tools register, diagnostics dropped: the readers under
// test turn them into llvm::Error), and a check that turns a broken
// invariant (a silent wrong answer) into a crash the fuzzer reports.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_FUZZ_FUZZSUPPORT_H
#define LRNN_FUZZ_FUZZSUPPORT_H

#include "lrnn/InitAll.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace lrnn {
namespace fuzz {

/// Aborts with `what` when `condition` is false: a finding.
inline void check(bool condition, const char *what) {
  if (condition)
    return;
  std::fprintf(stderr, "fuzz: invariant broken: %s\n", what);
  std::abort();
}

/// An error must be one non-empty line (the tools print it as such).
inline void checkOneLineError(llvm::Error error) {
  std::string message = llvm::toString(std::move(error));
  if (message.empty() || message.find('\n') != std::string::npos) {
    std::fprintf(stderr, "fuzz: error is not one line: '%s'\n",
                 message.c_str());
    std::abort();
  }
}

/// A context as the tools make it, without threads, that drops every
/// diagnostic nobody captured.
class Context {
public:
  Context() {
    mlir::DialectRegistry registry;
    registerAllDialects(registry);
    context = std::make_unique<mlir::MLIRContext>(
        registry, mlir::MLIRContext::Threading::DISABLED);
    context->getDiagEngine().registerHandler(
        [](mlir::Diagnostic &) { return mlir::success(); });
  }
  mlir::MLIRContext *get() { return context.get(); }

private:
  std::unique_ptr<mlir::MLIRContext> context;
};

/// Reads the input as bytes.
inline llvm::StringRef asBytes(const uint8_t *data, size_t size) {
  return llvm::StringRef(reinterpret_cast<const char *>(data), size);
}

} // namespace fuzz
} // namespace lrnn

#endif // LRNN_FUZZ_FUZZSUPPORT_H
