//===- Npy.cpp - Strict reader and writer for NumPy .npy files ------------===//
//
// The header of a .npy file is a Python dict literal. Rather than accept
// arbitrary Python, the reader parses exactly the subset numpy writes (string
// keys, a string descr, a bool and a tuple of ints) and rejects the rest.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Support/ErrorMessages.h"
#include "lrnn/Support/Npy.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <optional>

using namespace llvm;

namespace lrnn {

static constexpr StringLiteral kMagic("\x93NUMPY");
// Magic, two version bytes.
static constexpr size_t kMagicAndVersionSize = 8;
// numpy aligns the data of the files it writes to this many bytes.
static constexpr size_t kArrayAlign = 64;
// numpy pads the header so the leading dimension can grow in place up to
// this many digits; we copy it so our output matches numpy byte for byte.
static constexpr size_t kGrowthAxisMaxDigits = 21;
// Longest string quoted back in an error message.
static constexpr size_t kMaxQuotedLength = 64;


static std::string quote(StringRef text) {
  return quoteForMessage(text, kMaxQuotedLength);
}

/// Formats a shape the way Python prints a tuple: (), (3,), (2, 3). Error
/// messages pass `maxDims` to elide the middle of absurdly long shapes.
static std::string shapeString(ArrayRef<int64_t> shape,
                               size_t maxDims = SIZE_MAX) {
  std::string out = "(";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape.size() > maxDims && i == maxDims / 2) {
      out += ", ...";
      i = shape.size() - maxDims / 2;
    }
    if (i)
      out += ", ";
    out += std::to_string(shape[i]);
  }
  if (shape.size() == 1)
    out += ",";
  return out + ")";
}

static std::string shapeForMessage(ArrayRef<int64_t> shape) {
  return shapeString(shape, /*maxDims=*/16);
}

/// Validates `shape` and returns its element count, or an error reason.
static Expected<int64_t> checkedElementCount(ArrayRef<int64_t> shape) {
  int64_t count = 1;
  for (int64_t dim : shape) {
    if (dim < 0)
      return createStringError("negative dimension " + Twine(dim) +
                               " in shape " + shapeForMessage(shape));
    if (MulOverflow(count, dim, count))
      return createStringError("element count of shape " +
                               shapeForMessage(shape) + " overflows");
  }
  return count;
}

/// Returns the byte size of an array of `shape` and `dtype`, or an error
/// reason.
static Expected<int64_t> checkedByteSize(NpyDType dtype,
                                         ArrayRef<int64_t> shape) {
  Expected<int64_t> count = checkedElementCount(shape);
  if (!count)
    return count.takeError();
  int64_t bytes;
  if (MulOverflow(*count, (int64_t)npyElementSize(dtype), bytes))
    return createStringError("byte size of shape " + shapeForMessage(shape) +
                             " of " + npyDescr(dtype) + " overflows");
  return bytes;
}

static std::optional<NpyDType> dtypeFromDescr(StringRef descr) {
  return StringSwitch<std::optional<NpyDType>>(descr)
      .Case("<f4", NpyDType::F32)
      .Case("<f8", NpyDType::F64)
      .Cases({"<i1", "|i1"}, NpyDType::I8)
      .Case("<i2", NpyDType::I16)
      .Case("<i4", NpyDType::I32)
      .Case("<i8", NpyDType::I64)
      .Default(std::nullopt);
}

namespace {
struct NpyHeader {
  std::string descr;
  bool fortranOrder = false;
  std::vector<int64_t> shape;
};

/// Parses the header dict. On failure `error()` holds the reason.
class HeaderParser {
public:
  /// `allowLongSuffix`: accept Python 2 long literals such as `3L` in the
  /// shape, as numpy does for version 1.0 and 2.0 headers.
  HeaderParser(StringRef text, bool allowLongSuffix)
      : text(text), allowLongSuffix(allowLongSuffix) {}

  bool parse(NpyHeader &header);
  const std::string &error() const { return errorMessage; }

private:
  bool fail(const Twine &reason) {
    errorMessage = reason.str();
    return false;
  }
  bool malformed(const Twine &what) {
    return fail("malformed header: " + what + " at offset " + Twine(pos));
  }
  char peek() const { return pos < text.size() ? text[pos] : '\0'; }
  bool consume(char c) {
    if (pos >= text.size() || text[pos] != c)
      return false;
    ++pos;
    return true;
  }
  void skipSpace() {
    while (pos < text.size() && StringRef(" \t\r\n\f").contains(text[pos]))
      ++pos;
  }
  bool tooLarge(size_t start) {
    StringRef digits = text.slice(start, pos);
    return fail("dimension " + digits.take_front(kMaxQuotedLength) +
                (digits.size() > kMaxQuotedLength ? "..." : "") +
                " is too large");
  }
  bool parseString(std::string &out);
  bool parseShape(std::vector<int64_t> &shape);
  bool parseDimension(int64_t &dim);

  StringRef text;
  bool allowLongSuffix;
  size_t pos = 0;
  std::string errorMessage;
};

bool HeaderParser::parse(NpyHeader &header) {
  skipSpace();
  if (!consume('{'))
    return malformed("expected '{'");
  bool seenDescr = false, seenFortran = false, seenShape = false;
  while (true) {
    skipSpace();
    if (consume('}'))
      break;
    std::string key;
    if (!parseString(key))
      return false;
    bool *seen = StringSwitch<bool *>(key)
                     .Case("descr", &seenDescr)
                     .Case("fortran_order", &seenFortran)
                     .Case("shape", &seenShape)
                     .Default(nullptr);
    if (!seen)
      return fail("unknown header key " + quote(key));
    if (*seen)
      return fail("duplicate header key " + quote(key));
    *seen = true;
    skipSpace();
    if (!consume(':'))
      return malformed("expected ':' after key " + quote(key));
    skipSpace();
    if (key == "descr") {
      if (peek() == '[')
        return fail("structured dtypes are not supported");
      if (peek() != '\'' && peek() != '"')
        return fail("'descr' is not a string");
      if (!parseString(header.descr))
        return false;
    } else if (key == "fortran_order") {
      StringRef rest = text.substr(pos);
      size_t len =
          rest.find_if_not([](char c) { return isAlnum(c) || c == '_'; });
      StringRef word = rest.take_front(len);
      if (word != "True" && word != "False")
        return fail("'fortran_order' is not True or False");
      header.fortranOrder = word == "True";
      pos += word.size();
    } else {
      if (!parseShape(header.shape))
        return false;
    }
    skipSpace();
    if (consume(','))
      continue;
    if (consume('}'))
      break;
    return malformed("expected ',' or '}' after the value of " + quote(key));
  }
  skipSpace();
  if (pos != text.size())
    return malformed("unexpected text after '}'");
  if (!seenDescr)
    return fail("missing header key 'descr'");
  if (!seenFortran)
    return fail("missing header key 'fortran_order'");
  if (!seenShape)
    return fail("missing header key 'shape'");
  return true;
}

/// Parses a single- or double-quoted string of printable ASCII without
/// escapes: everything numpy writes, and nothing that could break a message.
bool HeaderParser::parseString(std::string &out) {
  char quoteChar = peek();
  if (quoteChar != '\'' && quoteChar != '"')
    return malformed("expected a quoted string");
  size_t start = ++pos;
  while (pos < text.size() && text[pos] != quoteChar && text[pos] != '\n') {
    if (!isPrint(text[pos]) || text[pos] == '\\')
      return malformed("unsupported character in string");
    ++pos;
  }
  if (pos >= text.size() || text[pos] == '\n')
    return malformed("unterminated string");
  out = text.slice(start, pos).str();
  ++pos;
  return true;
}

bool HeaderParser::parseShape(std::vector<int64_t> &shape) {
  if (!consume('('))
    return fail("'shape' is not a tuple of integers");
  skipSpace();
  if (consume(')'))
    return true;
  bool sawComma = false;
  while (true) {
    int64_t dim;
    if (!parseDimension(dim))
      return false;
    shape.push_back(dim);
    skipSpace();
    if (consume(',')) {
      sawComma = true;
      skipSpace();
      if (consume(')'))
        break;
      continue;
    }
    if (consume(')'))
      break;
    return malformed("expected ',' or ')' in 'shape'");
  }
  // In Python "(5)" is the integer 5, not a tuple.
  if (shape.size() == 1 && !sawComma)
    return fail("'shape' is not a tuple of integers");
  return true;
}

bool HeaderParser::parseDimension(int64_t &dim) {
  size_t start = pos;
  bool negative = consume('-');
  if (!negative)
    consume('+');
  if (!isDigit(peek()))
    return fail("'shape' is not a tuple of integers");
  // Accumulate as a negative number so that INT64_MIN is representable.
  int64_t value = 0;
  while (isDigit(peek())) {
    int64_t digit = text[pos++] - '0';
    if (MulOverflow(value, (int64_t)10, value) ||
        AddOverflow(value, -digit, value)) {
      while (isDigit(peek()))
        ++pos;
      return tooLarge(start);
    }
  }
  if (!negative) {
    if (value == std::numeric_limits<int64_t>::min())
      return tooLarge(start);
    value = -value;
  }
  if (allowLongSuffix)
    consume('L');
  dim = value;
  return true;
}

} // namespace

StringRef npyDescr(NpyDType dtype) {
  switch (dtype) {
  case NpyDType::F32:
    return "<f4";
  case NpyDType::F64:
    return "<f8";
  case NpyDType::I8:
    return "|i1";
  case NpyDType::I16:
    return "<i2";
  case NpyDType::I32:
    return "<i4";
  case NpyDType::I64:
    return "<i8";
  }
  llvm_unreachable("unknown NpyDType");
}

size_t npyElementSize(NpyDType dtype) {
  switch (dtype) {
  case NpyDType::I8:
    return 1;
  case NpyDType::I16:
    return 2;
  case NpyDType::F32:
  case NpyDType::I32:
    return 4;
  case NpyDType::F64:
  case NpyDType::I64:
    return 8;
  }
  llvm_unreachable("unknown NpyDType");
}

/// Returns -1 if the shape is invalid (a negative dimension or an overflowing
/// product); never the case for arrays returned by parseNpy.
int64_t NpyArray::numElements() const {
  Expected<int64_t> count = checkedElementCount(shape);
  if (!count) {
    consumeError(count.takeError());
    return -1;
  }
  return *count;
}

std::vector<double> NpyArray::toDoubles() const {
  size_t elementSize = npyElementSize(dtype);
  size_t count = data.size() / elementSize;
  std::vector<double> values;
  values.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const char *p = data.data() + i * elementSize;
    double value = 0;
    switch (dtype) {
    case NpyDType::F32:
      value = bit_cast<float>(support::endian::read32le(p));
      break;
    case NpyDType::F64:
      value = bit_cast<double>(support::endian::read64le(p));
      break;
    case NpyDType::I8:
      value = (int8_t)*p;
      break;
    case NpyDType::I16:
      value = (int16_t)support::endian::read16le(p);
      break;
    case NpyDType::I32:
      value = (int32_t)support::endian::read32le(p);
      break;
    case NpyDType::I64:
      value = (double)(int64_t)support::endian::read64le(p);
      break;
    }
    values.push_back(value);
  }
  return values;
}

Expected<NpyArray> parseNpy(StringRef bytes, StringRef name,
                             int64_t maxElements) {
  if (!bytes.starts_with(kMagic)) {
    if (kMagic.starts_with(bytes))
      return makeFileError(name, "truncated .npy preamble (" + Twine(bytes.size()) +
                                 " bytes)");
    return makeFileError(name, "not a .npy file (bad magic string)");
  }
  if (bytes.size() < kMagicAndVersionSize)
    return makeFileError(name, "truncated .npy preamble (" + Twine(bytes.size()) +
                               " bytes)");
  unsigned major = (unsigned char)bytes[6], minor = (unsigned char)bytes[7];
  if (major < 1 || major > 3 || minor != 0)
    return makeFileError(name, "unsupported .npy format version " + Twine(major) +
                               "." + Twine(minor));

  // Version 1.0 stores the header length as u16, 2.0 and 3.0 as u32.
  size_t lengthSize = major == 1 ? 2 : 4;
  size_t preambleSize = kMagicAndVersionSize + lengthSize;
  if (bytes.size() < preambleSize)
    return makeFileError(name, "truncated .npy preamble (" + Twine(bytes.size()) +
                               " bytes)");
  const char *lengthPtr = bytes.data() + kMagicAndVersionSize;
  uint64_t headerLength = major == 1 ? support::endian::read16le(lengthPtr)
                                     : support::endian::read32le(lengthPtr);
  if (headerLength > bytes.size() - preambleSize)
    return makeFileError(name, "truncated header: header length " +
                               Twine(headerLength) + " exceeds the " +
                               Twine(bytes.size() - preambleSize) +
                               " bytes after the preamble");

  NpyHeader header;
  HeaderParser parser(bytes.substr(preambleSize, headerLength),
                      /*allowLongSuffix=*/major <= 2);
  if (!parser.parse(header))
    return makeFileError(name, parser.error());

  std::optional<NpyDType> dtype = dtypeFromDescr(header.descr);
  if (!dtype) {
    if (StringRef(header.descr).starts_with(">"))
      return makeFileError(name, "big-endian dtype " + quote(header.descr) +
                                 " is not supported");
    return makeFileError(name, "unsupported dtype " + quote(header.descr));
  }
  if (header.fortranOrder)
    return makeFileError(name, "Fortran-order arrays are not supported");

  // Check the claimed size against the bytes present before allocating.
  Expected<int64_t> expected = checkedByteSize(*dtype, header.shape);
  if (!expected)
    return makeFileError(name, toString(expected.takeError()));
  StringRef data = bytes.drop_front(preambleSize + headerLength);
  uint64_t expectedBytes = *expected;
  if (expectedBytes > data.size())
    return makeFileError(name, "truncated: expected " + Twine(expectedBytes) +
                               " bytes of data, found " + Twine(data.size()));
  if (expectedBytes < data.size())
    return makeFileError(name, "trailing bytes after data: expected " +
                               Twine(expectedBytes) + " bytes of data, found " +
                               Twine(data.size()));

  int64_t elements = int64_t(expectedBytes / npyElementSize(*dtype));
  if (maxElements >= 0 && elements > maxElements)
    return makeFileError(name, "array of " + Twine(elements) +
                                   " elements exceeds the limit of " +
                                   Twine(maxElements) + " elements");

  NpyArray array;
  array.dtype = *dtype;
  array.shape = std::move(header.shape);
  array.data.assign(data.begin(), data.end());
  return array;
}

Expected<NpyArray> readNpy(StringRef path, int64_t maxElements) {
  Expected<std::unique_ptr<MemoryBuffer>> buffer = readWholeFile(path);
  if (!buffer)
    return buffer.takeError();
  return parseNpy((*buffer)->getBuffer(), path, maxElements);
}

/// The caller must pass data of the size `shape` and `dtype` imply (writeNpy
/// checks this); the image is written as given either way.
std::string serializeNpy(NpyDType dtype, ArrayRef<int64_t> shape,
                         ArrayRef<char> rawData) {
  // Exactly what numpy's format.write_array produces, so that files written
  // here and by np.save are byte-identical.
  std::string dict =
      ("{'descr': '" + npyDescr(dtype) +
       "', 'fortran_order': False, 'shape': " + shapeString(shape) + ", }")
          .str();
  if (!shape.empty()) {
    size_t digits = std::to_string(shape[0]).size();
    if (digits < kGrowthAxisMaxDigits)
      dict.append(kGrowthAxisMaxDigits - digits, ' ');
  }

  // The header is the dict, spaces and '\n', padded so that the data starts
  // at a multiple of kArrayAlign (numpy pads a full block when already
  // aligned). Version 2.0 only when the length no longer fits a u16.
  unsigned major = 1;
  size_t preambleSize = kMagicAndVersionSize + 2;
  size_t padding = kArrayAlign - (preambleSize + dict.size() + 1) % kArrayAlign;
  size_t headerLength = dict.size() + padding + 1;
  if (headerLength > std::numeric_limits<uint16_t>::max()) {
    major = 2;
    preambleSize = kMagicAndVersionSize + 4;
    padding = kArrayAlign - (preambleSize + dict.size() + 1) % kArrayAlign;
    headerLength = dict.size() + padding + 1;
  }

  std::string out;
  out.reserve(preambleSize + headerLength + rawData.size());
  out += kMagic;
  out += (char)major;
  out += '\0';
  char length[4];
  if (major == 1) {
    support::endian::write16le(length, (uint16_t)headerLength);
    out.append(length, 2);
  } else {
    support::endian::write32le(length, (uint32_t)headerLength);
    out.append(length, 4);
  }
  out += dict;
  out.append(padding, ' ');
  out += '\n';
  out.append(rawData.begin(), rawData.end());
  return out;
}

/// Writes `contents` to the open descriptor `fd` and closes it; the first
/// write or close error, if any.
static std::error_code writeAndClose(int fd, StringRef contents) {
  raw_fd_ostream os(fd, /*shouldClose=*/true);
  os << contents;
  os.close();
  if (!os.has_error())
    return {};
  std::error_code ec = os.error();
  os.clear_error(); // Otherwise the stream aborts when destroyed.
  return ec;
}

/// Writes `contents` straight into the existing special file `path` (a
/// device such as /dev/null, a FIFO, a socket).
static Error writeSpecialFile(StringRef path, StringRef contents) {
  int fd = -1;
  // CD_OpenExisting: no O_CREAT or O_TRUNC, as a shell redirection would do.
  std::error_code ec =
      sys::fs::openFileForWrite(path, fd, sys::fs::CD_OpenExisting);
  if (!ec)
    ec = writeAndClose(fd, contents);
  if (ec)
    return makeFileError(path, "cannot write: " + ec.message());
  return Error::success();
}

/// Writes `contents` to a fresh temporary file next to `path` and renames it
/// over `path`, so that readers never observe a partial file. An existing
/// `path` that is neither a regular file nor a directory (a device, a FIFO)
/// is written in place instead: renaming over it would replace, say,
/// /dev/null with a regular file. (Renaming over a directory fails, with the
/// directory left alone.)
static Error writeFileAtomically(StringRef path, StringRef contents) {
  sys::fs::file_status status;
  if (!sys::fs::status(path, status) && sys::fs::exists(status) &&
      !sys::fs::is_regular_file(status) && !sys::fs::is_directory(status))
    return writeSpecialFile(path, contents);

  // Build the temporary name ourselves rather than with createUniqueFile,
  // whose model would treat any '%' in `path` as a placeholder.
  std::string tempPath;
  int fd = -1;
  std::error_code ec;
  for (int attempt = 0; attempt < 64; ++attempt) {
    tempPath = (path + ".tmp" + Twine(sys::Process::getProcessId()) + "-" +
                Twine::utohexstr(sys::Process::GetRandomNumber()))
                   .str();
    ec = sys::fs::openFileForWrite(tempPath, fd, sys::fs::CD_CreateNew);
    if (ec != std::errc::file_exists)
      break;
  }
  if (ec)
    return makeFileError(path, "cannot create temporary file: " + ec.message());

  ec = writeAndClose(fd, contents);
  if (!ec)
    ec = sys::fs::rename(tempPath, path);
  if (ec) {
    sys::fs::remove(tempPath);
    return makeFileError(path, "cannot write: " + ec.message());
  }
  return Error::success();
}

Error writeNpy(StringRef path, NpyDType dtype, ArrayRef<int64_t> shape,
               ArrayRef<char> rawData) {
  Expected<int64_t> expected = checkedByteSize(dtype, shape);
  if (!expected)
    return makeFileError(path, toString(expected.takeError()));
  if ((uint64_t)*expected != rawData.size())
    return makeFileError(path, "data size " + Twine(rawData.size()) +
                               " bytes does not match shape " +
                               shapeForMessage(shape) + " of " +
                               npyDescr(dtype) + " (" + Twine(*expected) +
                               " bytes)");
  return writeFileAtomically(path, serializeNpy(dtype, shape, rawData));
}

Error writeNpyF32(StringRef path, ArrayRef<int64_t> shape,
                  ArrayRef<float> data) {
  std::vector<char> raw(data.size() * sizeof(float));
  for (size_t i = 0; i < data.size(); ++i)
    support::endian::write32le(raw.data() + i * sizeof(float),
                               bit_cast<uint32_t>(data[i]));
  return writeNpy(path, NpyDType::F32, shape, raw);
}

Error checkSequenceSize(StringRef name, StringRef what, int64_t steps,
                        int64_t width) {
  if (steps < 0 || width < 0 ||
      (width > 0 && steps > kMaxSequenceValues / width))
    return makeFileError(name, what + " of " + Twine(steps) + " steps x " +
                                   Twine(width) +
                                   " values exceeds the limit of " +
                                   Twine(kMaxSequenceValues) +
                                   " values; split it");
  return Error::success();
}

Expected<std::vector<double>> readFloatSequence(StringRef path, int64_t width,
                                                int64_t &steps,
                                                int64_t outputWidth) {
  Expected<NpyArray> input = readNpy(path, kMaxSequenceValues);
  if (!input)
    return input.takeError();
  if (input->dtype != NpyDType::F32 && input->dtype != NpyDType::F64)
    return makeFileError(path, "expected float32 or float64 data, got '" +
                                   npyDescr(input->dtype) + "'");
  if (input->shape.size() != 2 || input->shape[1] != width)
    return makeFileError(
        path, "expected shape [T, " + Twine(width) +
                  "] for this model, got a " + Twine(input->shape.size()) +
                  "-D array" +
                  (input->shape.size() == 2
                       ? " with " + Twine(input->shape[1]) + " columns"
                       : Twine("")));
  steps = input->shape[0];
  if (Error err = checkSequenceSize(path, "the input sequence", steps, width))
    return std::move(err);
  if (Error err =
          checkSequenceSize(path, "the output sequence", steps, outputWidth))
    return std::move(err);
  std::vector<double> values = input->toDoubles();
  for (size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i]))
      return makeFileError(path, "non-finite input at [" + Twine(i / width) +
                                     ", " + Twine(i % width) + "]");
  return values;
}

std::string serializeNpyF32(int64_t rows, int64_t width,
                            ArrayRef<float> values) {
  std::vector<char> raw(values.size() * sizeof(float));
  for (size_t i = 0; i < values.size(); ++i)
    support::endian::write32le(raw.data() + i * sizeof(float),
                               bit_cast<uint32_t>(values[i]));
  return serializeNpy(NpyDType::F32, {rows, width}, raw);
}

std::string serializeNpyI32(int64_t rows, int64_t width,
                            ArrayRef<int64_t> codes) {
  std::vector<char> raw(codes.size() * sizeof(int32_t));
  for (size_t i = 0; i < codes.size(); ++i)
    support::endian::write32le(
        raw.data() + i * sizeof(int32_t),
        static_cast<uint32_t>(static_cast<int32_t>(codes[i])));
  return serializeNpy(NpyDType::I32, {rows, width}, raw);
}

} // namespace lrnn
