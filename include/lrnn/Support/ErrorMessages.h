//===- ErrorMessages.h - One-line error messages of the readers -*- C++ -*-===//
//
// Every reader reports "<file>: <reason>" on one line; text taken from the
// file (tensor names, header fragments) is quoted with control characters
// escaped and its length bounded, so a hostile file cannot break that shape.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_SUPPORT_ERRORMESSAGES_H
#define LRNN_SUPPORT_ERRORMESSAGES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <string>

namespace llvm {
class MemoryBuffer;
} // namespace llvm

namespace lrnn {

/// The error "<name>: <reason>".
llvm::Error makeFileError(llvm::StringRef name, const llvm::Twine &reason);

/// `text` in single quotes, control characters, DEL and backslashes escaped
/// as \xNN, cut after `maxLength` bytes (marked with "...").
std::string quoteForMessage(llvm::StringRef text, size_t maxLength);

/// `text` made one line: newlines, tabs and carriage returns become spaces,
/// other control characters \xNN; cut after `maxLength` bytes ("...").
/// For messages that quote a file's text (parser diagnostics).
std::string makeOneLine(llvm::StringRef text, size_t maxLength);

/// The whole contents of the file at `path`, for a reader to parse. Errors
/// read "<path>: cannot open: <reason>".
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readWholeFile(llvm::StringRef path);

/// The MLIR parser recurses once per level of nested brackets (regions,
/// attributes, types, locations) without a limit, so a crafted file could
/// overflow the stack; the readers of MLIR text refuse deeper nesting
/// first. Models and programs nest about ten levels deep.
inline constexpr size_t kMaxMlirNesting = 256;

/// The position (0-based) in the MLIR text `text` where brackets first nest
/// deeper than `maxNesting`, if they do. The scan stays on the safe side of
/// the lexer: string literals (which end at a newline, as the lexer's do)
/// and comments are skipped, a closer only closes its own kind of opener,
/// and the '>' of '->' closes nothing.
std::optional<size_t> findExcessiveNesting(llvm::StringRef text,
                                           size_t maxNesting);

} // namespace lrnn

#endif // LRNN_SUPPORT_ERRORMESSAGES_H
