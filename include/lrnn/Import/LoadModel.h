//===- LoadModel.h - Load a model from any file lrnn accepts ----*- C++ -*-===//

#ifndef LRNN_IMPORT_LOADMODEL_H
#define LRNN_IMPORT_LOADMODEL_H

#include "lrnn/Import/ImportModel.h"

namespace lrnn {

/// Loads `path`: an interchange file (`.safetensors`, imported on the fly) or
/// MLIR text or bytecode, parsed and verified. Parse and verifier errors are
/// returned as one line, "<path>:<line>:<col>: <message>".
llvm::Expected<mlir::OwningOpRef<mlir::ModuleOp>>
loadModelFile(llvm::StringRef path, mlir::MLIRContext *context,
              const ImportOptions &options = {});

/// Parses MLIR text or bytecode held in `source` and verifies it, as
/// loadModelFile does for a file; `name` stands for the file name in
/// locations and errors ("<name>:<line>:<col>: <message>").
llvm::Expected<mlir::OwningOpRef<mlir::ModuleOp>>
parseModelSource(llvm::StringRef source, llvm::StringRef name,
                 mlir::MLIRContext *context);

/// The prefix of a one-line error at `loc`: "<file>:<line>:<col>: " (or
/// "<file>: " for line 0, as imported models locate their ops), then
/// "'<name>': " when `loc` is named (imported ops are named after their
/// tensors); "<fallback>: " replaces the file part of a location that has
/// none.
std::string formatErrorLocation(mlir::Location loc, llvm::StringRef fallback);

/// Prints `module` to `os` as writeModuleFile does (text with locations, or
/// bytecode); the caller owns the stream and checks its errors.
llvm::Error printModule(mlir::ModuleOp module, llvm::raw_ostream &os,
                        bool bytecode = false, bool debugInfo = true);

/// Writes `module` to `path` ('-' is stdout) as text with locations (which
/// name each op after its tensors) or, with `bytecode`, as MLIR bytecode.
/// On failure nothing is left at `path`; errors read "<path>: <reason>".
llvm::Error writeModuleFile(mlir::ModuleOp module, llvm::StringRef path,
                            bool bytecode = false, bool debugInfo = true);

} // namespace lrnn

#endif // LRNN_IMPORT_LOADMODEL_H
