//===- ErrorMessages.cpp - One-line error messages of the readers ---------===//

#include "lrnn/Support/ErrorMessages.h"

#include "llvm/ADT/SmallVector.h"
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

std::optional<size_t> lrnn::findExcessiveNesting(llvm::StringRef text,
                                                 size_t maxNesting) {
  llvm::SmallVector<char, 16> open;
  for (size_t i = 0, e = text.size(); i < e; ++i) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < e && text[i] != '"' && text[i] != '\n'; ++i)
        if (text[i] == '\\' && i + 1 < e && text[i + 1] != '\n')
          ++i;
      continue;
    }
    if (c == '/' && i + 1 < e && text[i + 1] == '/') {
      i = text.find('\n', i);
      if (i == llvm::StringRef::npos)
        break;
      continue;
    }
    char closes = 0;
    switch (c) {
    case '(':
    case '[':
    case '{':
    case '<':
      open.push_back(c);
      if (open.size() > maxNesting)
        return i;
      continue;
    case ')':
      closes = '(';
      break;
    case ']':
      closes = '[';
      break;
    case '}':
      closes = '{';
      break;
    case '>':
      if (i > 0 && text[i - 1] == '-')
        continue;
      closes = '<';
      break;
    default:
      continue;
    }
    if (!open.empty() && open.back() == closes)
      open.pop_back();
  }
  return std::nullopt;
}

std::string lrnn::makeOneLine(llvm::StringRef text, size_t maxLength) {
  std::string out;
  for (char c : text.take_front(maxLength)) {
    unsigned char u = c;
    if (c == '\n' || c == '\t' || c == '\r') {
      out += ' ';
    } else if (u < 0x20 || u == 0x7f) {
      out += "\\x";
      out += llvm::hexdigit(u >> 4, /*LowerCase=*/true);
      out += llvm::hexdigit(u & 15, /*LowerCase=*/true);
    } else {
      out += c;
    }
  }
  if (text.size() > maxLength)
    out += "...";
  return out;
}
