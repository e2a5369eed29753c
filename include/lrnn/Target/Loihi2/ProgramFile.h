//===- ProgramFile.h - Loihi 2 program files (.l2) --------------*- C++ -*-===//
//
// The file `lrnnc --target=loihi2` writes and the simulator loads: one
// verified loihi2.program in its module, printed as MLIR text behind a
// versioned header with the payload's size and CRC-32, so that a truncated,
// padded or corrupted file is caught before it is parsed.
// docs/loihi2-program-file.md is the format's specification.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_TARGET_LOIHI2_PROGRAMFILE_H
#define LRNN_TARGET_LOIHI2_PROGRAMFILE_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace lrnn {
namespace loihi2 {

/// The first line of every program file, without its version and newline.
inline constexpr llvm::StringLiteral kProgramFileMagic = "lrnn-loihi2-program/";

/// The version this build writes and the only one it reads.
inline constexpr unsigned kProgramFileVersion = 1;

/// Writes `module` as a program file to `os`. The module must hold exactly
/// one loihi2.program and nothing else, and verify; otherwise an error is
/// emitted on the module and nothing is written. The caller owns `os` and
/// checks its errors. The output does not depend on MLIR's printing options
/// (locations are not written; no attribute or resource is elided).
mlir::LogicalResult writeProgramFile(mlir::ModuleOp module,
                                     llvm::raw_ostream &os);

/// Reads a program file held in `bytes`; `name` names it in errors and in
/// the locations of the parsed ops (whose line numbers are the file's). Loads
/// the loihi2 dialect into `context`. The module is parsed and verified; every
/// problem is one line "<name>: <reason>" and no diagnostic escapes to
/// `context`'s handlers.
llvm::Expected<mlir::OwningOpRef<mlir::ModuleOp>>
readProgramFile(llvm::StringRef bytes, llvm::StringRef name,
                mlir::MLIRContext *context);

/// readProgramFile of the file at `path`; an unreadable file gives
/// "<path>: cannot open: <reason>".
llvm::Expected<mlir::OwningOpRef<mlir::ModuleOp>>
loadProgramFile(llvm::StringRef path, mlir::MLIRContext *context);

} // namespace loihi2
} // namespace lrnn

#endif // LRNN_TARGET_LOIHI2_PROGRAMFILE_H
