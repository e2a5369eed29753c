//===- ErrorMessages.cpp - One-line error messages of the readers ---------===//

#include "lrnn/Support/ErrorMessages.h"

#include "llvm/ADT/StringExtras.h"

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
