//===- OutputFiles.h - All-or-nothing output files of the tools -*- C++ -*-===//
//
// The tools build every output file completely in memory and then write
// them together, so that a failed run leaves no output file (and no
// temporary file) behind.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_SUPPORT_OUTPUTFILES_H
#define LRNN_SUPPORT_OUTPUTFILES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace lrnn {

/// An output file whose contents are complete in memory.
struct PendingFile {
  std::string path;
  std::string contents;
  /// How a failure to create the file is reported ("<path>: <openFailure>:
  /// <reason>").
  llvm::StringRef openFailure;
};

/// Writes every file or none: each regular file goes to a fresh temporary
/// file next to its path, and only when all are written are they renamed
/// into place. On failure the temporary files are removed, and so are files
/// already renamed. An existing path that is neither a regular file nor a
/// directory (/dev/null, a FIFO) is written in place after the renames, as a
/// shell redirection would; the path "-" goes to stdout, last. Errors read
/// "<path>: <reason>".
llvm::Error writeAllOrNothing(llvm::ArrayRef<PendingFile> files);

} // namespace lrnn

#endif // LRNN_SUPPORT_OUTPUTFILES_H
