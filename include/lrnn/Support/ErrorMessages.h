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

/// The whole contents of the file at `path`, for a reader to parse. Errors
/// read "<path>: cannot open: <reason>".
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readWholeFile(llvm::StringRef path);

} // namespace lrnn

#endif // LRNN_SUPPORT_ERRORMESSAGES_H
