//===- ErrorMessages.cpp - One-line error messages of the readers ---------===//

#include "lrnn/Support/ErrorMessages.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

Error lrnn::makeFileError(StringRef name, const Twine &reason) {
  return createStringError(inconvertibleErrorCode(), name + ": " + reason);
}

std::string lrnn::quoteForMessage(StringRef text, size_t maxLength) {
  std::string out = "'";
  for (char c : text.take_front(maxLength)) {
    unsigned char u = c;
    if (u < 0x20 || u == 0x7f || c == '\\') {
      out += "\\x";
      out += hexdigit(u >> 4, /*LowerCase=*/true);
      out += hexdigit(u & 15, /*LowerCase=*/true);
    } else {
      out += c;
    }
  }
  if (text.size() > maxLength)
    out += "...";
  return out + "'";
}

Expected<std::unique_ptr<MemoryBuffer>> lrnn::readWholeFile(StringRef path) {
  // IsVolatile: read rather than mmap, so a file truncated under us cannot
  // fault.
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer =
      MemoryBuffer::getFile(path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false,
                            /*IsVolatile=*/true);
  if (!buffer)
    return makeFileError(path, "cannot open: " + buffer.getError().message());
  return std::move(*buffer);
}
