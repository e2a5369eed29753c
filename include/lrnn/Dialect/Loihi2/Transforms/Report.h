//===- Report.h - What a loihi2 program uses of its system ------*- C++ -*-===//
//
// The resource report behind --loihi2-resource-report (and lrnnc
// --target=loihi2 --report): per-core usage, totals and the traffic bound
// of a program, as plain text. The content is described with the pass in
// include/lrnn/Dialect/Loihi2/Transforms/Passes.td.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_DIALECT_LOIHI2_TRANSFORMS_REPORT_H
#define LRNN_DIALECT_LOIHI2_TRANSFORMS_REPORT_H

#include "lrnn/Dialect/Loihi2/IR/Loihi2Ops.h"

#include "llvm/Support/raw_ostream.h"

namespace lrnn {
namespace loihi2 {

/// Prints the resource report of a verified `program` to `os`.
void printResourceReport(ProgramOp program, llvm::raw_ostream &os);

} // namespace loihi2
} // namespace lrnn

#endif // LRNN_DIALECT_LOIHI2_TRANSFORMS_REPORT_H
