//===- Safetensors.cpp - Strict reader for safetensors files --------------===//
//
// The checks follow the reference safetensors library, which is stricter than
// the format description: the tensors, sorted by offset, must tile the data
// section exactly (no overlap, no gap, no trailing bytes). On top of that,
// duplicate JSON keys (which llvm::json would silently collapse) and
// non-finite values are rejected.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Support/ErrorMessages.h"
#include "lrnn/Support/Safetensors.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <optional>

using namespace llvm;

namespace lrnn {

static constexpr StringLiteral kMetadataKey("__metadata__");
// llvm::json::parse recurses once per nesting level, so deeply nested input
// would overflow the stack; a valid header nests three levels.
static constexpr unsigned kMaxJsonDepth = 32;
// Longest string quoted back in an error message.
static constexpr size_t kMaxQuotedLength = 128;


static std::string quote(StringRef text) {
  return quoteForMessage(text, kMaxQuotedLength);
}

static std::string tensorPrefix(StringRef tensor) {
  return "tensor " + quote(tensor) + ": ";
}

/// Formats a shape for an error message, eliding the middle of absurdly long
/// ones.
static std::string shapeString(ArrayRef<int64_t> shape) {
  constexpr size_t maxDims = 16;
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape.size() > maxDims && i == maxDims / 2) {
      out += ", ...";
      i = shape.size() - maxDims / 2;
    }
    if (i)
      out += ", ";
    out += std::to_string(shape[i]);
  }
  return out + "]";
}

static std::string offsetsString(uint64_t begin, uint64_t end) {
  return "[" + std::to_string(begin) + ", " + std::to_string(end) + "]";
}

static StringRef dtypeName(TensorDType dtype) {
  return dtype == TensorDType::F32 ? "F32" : "F64";
}

static size_t elementSize(TensorDType dtype) {
  return dtype == TensorDType::F32 ? 4 : 8;
}

/// Walks the structure of a JSON text without parsing values: reports nesting
/// deeper than kMaxJsonDepth and, if `checkDuplicates`, repeated object keys.
/// The depth check tolerates malformed text (it runs before llvm::json::parse
/// to protect its recursion); the duplicate check expects valid JSON.
static std::optional<std::string> scanJsonStructure(StringRef text,
                                                    bool checkDuplicates) {
  struct Frame {
    bool isObject;
    bool expectKey;
    std::string owner;   // The key this container is the value of.
    std::string lastKey; // The most recent key of this object.
    StringSet<> keys;
  };
  SmallVector<Frame, 4> stack;
  for (size_t i = 0; i < text.size(); ++i) {
    switch (text[i]) {
    case '"': {
      size_t start = i++;
      while (i < text.size() && text[i] != '"')
        i += text[i] == '\\' ? 2 : 1;
      if (!checkDuplicates || stack.empty() || !stack.back().isObject ||
          !stack.back().expectKey)
        break;
      // Let llvm::json decode the key's escapes so that "a" and "\u0061"
      // compare equal.
      Expected<json::Value> key = json::parse(text.slice(start, i + 1));
      if (!key) {
        consumeError(key.takeError());
        break;
      }
      Frame &frame = stack.back();
      frame.expectKey = false;
      frame.lastKey = key->getAsString().value_or("").str();
      if (!frame.keys.insert(frame.lastKey).second) {
        if (stack.size() == 1)
          return "duplicate key " + quote(frame.lastKey) + " in header";
        return "duplicate key " + quote(frame.lastKey) + " in " +
               quote(frame.owner);
      }
      break;
    }
    case '{':
    case '[': {
      if (stack.size() >= kMaxJsonDepth)
        return "JSON header nests deeper than " +
               std::to_string(kMaxJsonDepth) + " levels";
      std::string owner;
      if (!stack.empty() && stack.back().isObject)
        owner = stack.back().lastKey;
      bool isObject = text[i] == '{';
      stack.push_back(Frame{isObject, isObject, std::move(owner), "", {}});
      break;
    }
    case '}':
    case ']':
      if (!stack.empty())
        stack.pop_back();
      break;
    case ',':
      if (!stack.empty() && stack.back().isObject)
        stack.back().expectKey = true;
      break;
    default:
      break;
    }
  }
  return std::nullopt;
}

namespace {
/// A validated header entry, before its data is read.
struct TensorEntry {
  std::string name;
  TensorDType dtype;
  std::vector<int64_t> shape;
  uint64_t begin, end;
};
} // namespace

/// Checks one tensor entry of the header against a data section of
/// `dataSize` bytes. Returns an error reason.
static Expected<TensorEntry> parseTensorEntry(StringRef tensor,
                                              const json::Value &value,
                                              uint64_t dataSize) {
  std::string prefix = tensorPrefix(tensor);
  auto fail = [&](const Twine &reason) {
    return createStringError(prefix + reason);
  };
  const json::Object *object = value.getAsObject();
  if (!object)
    return fail("entry is not a JSON object");
  for (const auto &field : *object) {
    StringRef key = field.first;
    if (key != "dtype" && key != "shape" && key != "data_offsets")
      return fail("unknown field " + quote(key));
  }

  TensorEntry entry;
  entry.name = tensor.str();

  const json::Value *dtype = object->get("dtype");
  if (!dtype)
    return fail("missing field 'dtype'");
  std::optional<StringRef> dtypeString = dtype->getAsString();
  if (!dtypeString)
    return fail("field 'dtype' is not a string");
  if (*dtypeString == "F32")
    entry.dtype = TensorDType::F32;
  else if (*dtypeString == "F64")
    entry.dtype = TensorDType::F64;
  else
    return fail("unsupported dtype " + quote(*dtypeString));

  const json::Value *shapeValue = object->get("shape");
  if (!shapeValue)
    return fail("missing field 'shape'");
  const json::Array *shape = shapeValue->getAsArray();
  if (!shape)
    return fail("field 'shape' is not an array");
  for (const json::Value &dim : *shape) {
    // getAsUINT64 accepts only integer literals (not 3.0 or 1e3), like the
    // unsigned fields of the reference implementation.
    if (std::optional<uint64_t> u = dim.getAsUINT64()) {
      if (*u > (uint64_t)std::numeric_limits<int64_t>::max())
        return fail("dimension " + Twine(*u) + " is too large");
      entry.shape.push_back((int64_t)*u);
      continue;
    }
    std::optional<int64_t> i = dim.getAsInteger();
    if (i && *i < 0)
      return fail("negative dimension " + Twine(*i) + " in shape");
    return fail("field 'shape' is not an array of integers");
  }

  const json::Value *offsetsValue = object->get("data_offsets");
  if (!offsetsValue)
    return fail("missing field 'data_offsets'");
  const json::Array *offsets = offsetsValue->getAsArray();
  std::optional<uint64_t> begin, end;
  if (offsets && offsets->size() == 2) {
    begin = (*offsets)[0].getAsUINT64();
    end = (*offsets)[1].getAsUINT64();
  }
  if (!begin || !end)
    return fail("field 'data_offsets' is not an array of two non-negative "
                "integers");
  entry.begin = *begin;
  entry.end = *end;

  int64_t count = 1;
  for (int64_t dim : entry.shape)
    if (MulOverflow(count, dim, count))
      return fail("element count of shape " + shapeString(entry.shape) +
                  " overflows");
  int64_t bytes;
  if (MulOverflow(count, (int64_t)elementSize(entry.dtype), bytes))
    return fail("byte size of shape " + shapeString(entry.shape) + " of " +
                dtypeName(entry.dtype) + " overflows");

  if (entry.begin > entry.end)
    return fail("data_offsets " + offsetsString(entry.begin, entry.end) +
                " begin after they end");
  if (entry.end - entry.begin != (uint64_t)bytes)
    return fail("data_offsets " + offsetsString(entry.begin, entry.end) +
                " do not match shape " + shapeString(entry.shape) + " of " +
                dtypeName(entry.dtype) + " (" + Twine(bytes) + " bytes)");
  if (entry.end > dataSize)
    return fail("data_offsets " + offsetsString(entry.begin, entry.end) +
                " exceed the data section (" + Twine(dataSize) + " bytes)");
  return entry;
}

/// Checks that the entries, sorted by offset, tile [0, dataSize) exactly.
/// Sorts `entries`. Returns an error reason.
static std::optional<std::string>
checkCoverage(std::vector<TensorEntry> &entries, uint64_t dataSize) {
  llvm::sort(entries, [](const TensorEntry &a, const TensorEntry &b) {
    return std::tie(a.begin, a.end, a.name) < std::tie(b.begin, b.end, b.name);
  });
  uint64_t covered = 0;
  const TensorEntry *previous = nullptr;
  for (const TensorEntry &entry : entries) {
    // An empty tensor inside another one's range counts as an overlap, as in
    // the reference implementation.
    if (entry.begin < covered)
      return "tensors " + quote(previous->name) + " and " + quote(entry.name) +
             " overlap (data_offsets " +
             offsetsString(previous->begin, previous->end) + " and " +
             offsetsString(entry.begin, entry.end) + ")";
    if (entry.begin > covered)
      return "gap in the data section: bytes [" + std::to_string(covered) +
             ", " + std::to_string(entry.begin) + ") before tensor " +
             quote(entry.name) + " are not covered by any tensor";
    covered = entry.end;
    previous = &entry;
  }
  if (covered != dataSize)
    return "trailing bytes after the last tensor: the data section has " +
           std::to_string(dataSize) + " bytes, tensors cover " +
           std::to_string(covered);
  return std::nullopt;
}

int64_t SafetensorsTensor::numElements() const {
  // -1 for an invalid shape; never the case for tensors that were parsed.
  int64_t count = 1;
  for (int64_t dim : shape)
    if (dim < 0 || MulOverflow(count, dim, count))
      return -1;
  return count;
}

Expected<SafetensorsFile> parseSafetensors(StringRef bytes, StringRef name) {
  if (bytes.size() < 8)
    return makeFileError(name, "file is too short (" + Twine(bytes.size()) +
                               " bytes) to hold the 8-byte header length");
  uint64_t headerLength = support::endian::read64le(bytes.data());
  if (headerLength > bytes.size() - 8)
    return makeFileError(name, "header length " + Twine(headerLength) +
                               " exceeds file size " + Twine(bytes.size()));
  StringRef headerText = bytes.substr(8, headerLength);
  StringRef data = bytes.drop_front(8 + headerLength);

  if (std::optional<std::string> error =
          scanJsonStructure(headerText, /*checkDuplicates=*/false))
    return makeFileError(name, *error);
  Expected<json::Value> header = json::parse(headerText);
  if (!header) {
    std::string message = toString(header.takeError());
    llvm::replace(message, '\n', ' ');
    return makeFileError(name, "malformed JSON header: " + message);
  }
  if (std::optional<std::string> error =
          scanJsonStructure(headerText, /*checkDuplicates=*/true))
    return makeFileError(name, *error);
  const json::Object *root = header->getAsObject();
  if (!root)
    return makeFileError(name, "header is not a JSON object");

  // json::Object is unordered; sort keys so errors are deterministic.
  std::vector<StringRef> keys;
  for (const auto &entry : *root)
    keys.push_back(entry.first);
  llvm::sort(keys);

  SafetensorsFile file;
  std::vector<TensorEntry> entries;
  for (StringRef key : keys) {
    const json::Value &value = *root->get(key);
    if (key == kMetadataKey) {
      const json::Object *metadata = value.getAsObject();
      if (!metadata)
        return makeFileError(name, "__metadata__ is not a JSON object");
      for (const auto &item : *metadata) {
        std::optional<StringRef> string = item.second.getAsString();
        if (!string)
          return makeFileError(name, "__metadata__ value of key " +
                                     quote(item.first) + " is not a string");
        file.metadata[item.first.str()] = string->str();
      }
      continue;
    }
    Expected<TensorEntry> entry = parseTensorEntry(key, value, data.size());
    if (!entry)
      return makeFileError(name, toString(entry.takeError()));
    entries.push_back(std::move(*entry));
  }

  if (std::optional<std::string> error = checkCoverage(entries, data.size()))
    return makeFileError(name, *error);

  // All sizes are now known to lie within the file; read the values.
  for (TensorEntry &entry : entries) {
    SafetensorsTensor tensor;
    tensor.name = entry.name;
    tensor.dtype = entry.dtype;
    tensor.shape = std::move(entry.shape);
    size_t size = elementSize(entry.dtype);
    size_t count = (entry.end - entry.begin) / size;
    const char *p = data.data() + entry.begin;
    tensor.values.reserve(count);
    for (size_t i = 0; i < count; ++i, p += size) {
      double value = entry.dtype == TensorDType::F32
                         ? (double)bit_cast<float>(support::endian::read32le(p))
                         : bit_cast<double>(support::endian::read64le(p));
      if (!std::isfinite(value))
        return makeFileError(name, "tensor " + quote(entry.name) +
                                   " has a non-finite value (" +
                                   (std::isnan(value) ? "nan"
                                    : value > 0       ? "inf"
                                                      : "-inf") +
                                   ") at index " + Twine(i));
      tensor.values.push_back(value);
    }
    file.tensors.emplace(entry.name, std::move(tensor));
  }
  return file;
}

Expected<SafetensorsFile> readSafetensors(StringRef path) {
  Expected<std::unique_ptr<MemoryBuffer>> buffer = readWholeFile(path);
  if (!buffer)
    return buffer.takeError();
  return parseSafetensors((*buffer)->getBuffer(), path);
}

/// JSON strings must be UTF-8; llvm::json asserts on anything else.
static std::string jsonString(StringRef s) {
  return json::isUTF8(s) ? s.str() : json::fixUTF8(s);
}

/// The map key is the tensor's name (the `name` field is ignored). Each
/// tensor's values must number numElements(); F32 tensors are rounded to
/// float.
std::string serializeSafetensors(const SafetensorsFile &file) {
  json::Object header;
  if (!file.metadata.empty()) {
    json::Object metadata;
    for (const auto &[key, value] : file.metadata)
      metadata[jsonString(key)] = jsonString(value);
    header[kMetadataKey] = std::move(metadata);
  }
  std::string data;
  for (const auto &[name, tensor] : file.tensors) {
    uint64_t begin = data.size();
    for (double value : tensor.values) {
      char buffer[8];
      if (tensor.dtype == TensorDType::F32) {
        support::endian::write32le(buffer, bit_cast<uint32_t>((float)value));
        data.append(buffer, 4);
      } else {
        support::endian::write64le(buffer, bit_cast<uint64_t>(value));
        data.append(buffer, 8);
      }
    }
    json::Array shape;
    for (int64_t dim : tensor.shape)
      shape.push_back(dim);
    header[jsonString(name)] = json::Object{
        {"dtype", dtypeName(tensor.dtype)},
        {"shape", std::move(shape)},
        {"data_offsets", json::Array{begin, (uint64_t)data.size()}}};
  }

  std::string headerText;
  raw_string_ostream(headerText) << json::Value(std::move(header));
  // Pad so that the data starts 8-byte aligned.
  headerText.append(alignTo(headerText.size(), 8) - headerText.size(), ' ');

  std::string out;
  out.reserve(8 + headerText.size() + data.size());
  char length[8];
  support::endian::write64le(length, headerText.size());
  out.append(length, 8);
  out += headerText;
  out += data;
  return out;
}

} // namespace lrnn
