//===- SafetensorsTest.cpp - Tests for the safetensors reader -------------===//

#include "lrnn/Support/Safetensors.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>

using namespace llvm;
using namespace lrnn;

namespace {

/// Builds a safetensors image from a header and a data section.
std::string makeFile(StringRef header, StringRef data = "") {
  char length[8];
  support::endian::write64le(length, header.size());
  return std::string(length, 8) + header.str() + data.str();
}

std::string f32Bytes(std::initializer_list<float> values) {
  std::string out;
  for (float value : values) {
    char buffer[4];
    support::endian::write<float, endianness::little>(buffer, value);
    out.append(buffer, 4);
  }
  return out;
}

std::string f64Bytes(std::initializer_list<double> values) {
  std::string out;
  for (double value : values) {
    char buffer[8];
    support::endian::write<double, endianness::little>(buffer, value);
    out.append(buffer, 8);
  }
  return out;
}

/// A header entry for one tensor.
std::string entry(StringRef name, StringRef dtype, StringRef shape,
                  uint64_t begin, uint64_t end) {
  return ("\"" + name + "\": {\"dtype\": \"" + dtype +
          "\", \"shape\": " + shape + ", \"data_offsets\": [" + Twine(begin) +
          ", " + Twine(end) + "]}")
      .str();
}

/// Succeeds if parsing fails with a one-line message that names the file and
/// contains `reason`.
testing::AssertionResult failsWith(StringRef bytes, StringRef reason) {
  Expected<SafetensorsFile> file = parseSafetensors(bytes, "m.safetensors");
  if (file)
    return testing::AssertionFailure() << "parsed successfully";
  std::string message = toString(file.takeError());
  if (!StringRef(message).starts_with("m.safetensors: ") ||
      message.find(reason.str()) == std::string::npos ||
      message.find('\n') != std::string::npos)
    return testing::AssertionFailure()
           << "message '" << message << "' lacks '" << reason.str() << "'";
  return testing::AssertionSuccess();
}

TEST(SafetensorsTest, RoundTrip) {
  SafetensorsFile file;
  file.metadata["lrnn.config"] = "{\"format\": \"lrnn-s5/1\"}";
  file.metadata["note"] = "quotes \" and \\ and\nnewline";
  SafetensorsTensor weight;
  weight.dtype = TensorDType::F32;
  weight.shape = {2, 3};
  weight.values = {1, -2.5, 0.125, 1e-30f, 3e38f, -0.0};
  file.tensors["encoder.weight"] = weight;
  SafetensorsTensor bias;
  bias.dtype = TensorDType::F64;
  bias.shape = {3};
  bias.values = {0.1, -1e300, 5e-324};
  file.tensors["encoder.bias"] = bias;
  SafetensorsTensor scalar;
  scalar.dtype = TensorDType::F64;
  scalar.values = {42};
  file.tensors["scalar"] = scalar;
  SafetensorsTensor empty;
  empty.shape = {0, 4};
  file.tensors["empty"] = empty;

  std::string image = serializeSafetensors(file);
  uint64_t headerLength = support::endian::read64le(image.data());
  EXPECT_EQ(headerLength % 8, 0u);
  EXPECT_EQ(image.size(), 8 + headerLength + 6 * 4 + 3 * 8 + 8);

  Expected<SafetensorsFile> parsed = parseSafetensors(image, "rt.safetensors");
  ASSERT_TRUE(bool(parsed)) << toString(parsed.takeError());
  EXPECT_EQ(parsed->metadata, file.metadata);
  ASSERT_EQ(parsed->tensors.size(), 4u);
  for (const auto &[name, expected] : file.tensors) {
    SCOPED_TRACE(name);
    const SafetensorsTensor &actual = parsed->tensors.at(name);
    EXPECT_EQ(actual.name, name);
    EXPECT_EQ(actual.dtype, expected.dtype);
    EXPECT_EQ(actual.shape, expected.shape);
    EXPECT_EQ(actual.values, expected.values);
    EXPECT_EQ(actual.numElements(), (int64_t)expected.values.size());
  }
  EXPECT_TRUE(std::signbit(parsed->tensors.at("encoder.weight").values[5]));
  // Re-serialising gives the same bytes.
  EXPECT_EQ(serializeSafetensors(*parsed), image);
}

TEST(SafetensorsTest, SerializesWithoutMetadata) {
  SafetensorsFile file;
  SafetensorsTensor tensor;
  tensor.shape = {2};
  tensor.values = {1, 2};
  file.tensors["w"] = tensor;
  std::string image = serializeSafetensors(file);
  EXPECT_EQ(image.find("__metadata__"), std::string::npos);
  EXPECT_EQ(image, makeFile("{\"w\":{\"data_offsets\":[0,8],\"dtype\":\"F32\","
                            "\"shape\":[2]}}  ",
                            f32Bytes({1, 2})));
}

TEST(SafetensorsTest, ParsesHandWrittenFile) {
  // As the Python safetensors library writes it: tensors in any order,
  // header padded with spaces.
  std::string header = "{\"__metadata__\": {\"format\": \"pt\"}, " +
                       entry("b", "F64", "[2]", 8, 24) + ", " +
                       entry("a", "F32", "[1, 2]", 0, 8) + "}     ";
  Expected<SafetensorsFile> file = parseSafetensors(
      makeFile(header, f32Bytes({1.5, -2}) + f64Bytes({3, 4})), "hand");
  ASSERT_TRUE(bool(file)) << toString(file.takeError());
  EXPECT_EQ(file->metadata.at("format"), "pt");
  EXPECT_EQ(file->tensors.at("a").shape, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(file->tensors.at("a").values, (std::vector<double>{1.5, -2}));
  EXPECT_EQ(file->tensors.at("b").dtype, TensorDType::F64);
  EXPECT_EQ(file->tensors.at("b").values, (std::vector<double>{3, 4}));
}

TEST(SafetensorsTest, AcceptsEmptyFilesAndEmptyTensors) {
  Expected<SafetensorsFile> file = parseSafetensors(makeFile("{}"), "e");
  ASSERT_TRUE(bool(file)) << toString(file.takeError());
  EXPECT_TRUE(file->tensors.empty());
  EXPECT_TRUE(file->metadata.empty());

  // Empty tensors may share an offset with each other and with the start of
  // a non-empty one.
  std::string header = "{" + entry("e1", "F32", "[0]", 0, 0) + ", " +
                       entry("e2", "F64", "[3, 0]", 0, 0) + ", " +
                       entry("w", "F32", "[1]", 0, 4) + ", " +
                       entry("e3", "F32", "[0]", 4, 4) + "}";
  file = parseSafetensors(makeFile(header, f32Bytes({7})), "e");
  ASSERT_TRUE(bool(file)) << toString(file.takeError());
  EXPECT_EQ(file->tensors.size(), 4u);
  EXPECT_TRUE(file->tensors.at("e2").values.empty());
}

TEST(SafetensorsTest, RejectsShortFile) {
  EXPECT_TRUE(failsWith("", "file is too short (0 bytes)"));
  EXPECT_TRUE(failsWith(std::string(7, '\0'), "file is too short (7 bytes)"));
}

TEST(SafetensorsTest, RejectsHeaderLengthPastEnd) {
  std::string image = makeFile("{}");
  image[0] = 3;
  EXPECT_TRUE(failsWith(image, "header length 3 exceeds file size 10"));
  // 2^60 bytes: must fail without trying to allocate.
  support::endian::write64le(&image[0], uint64_t(1) << 60);
  EXPECT_TRUE(
      failsWith(image, "header length 1152921504606846976 exceeds file size"));
  support::endian::write64le(&image[0], ~uint64_t(0));
  EXPECT_TRUE(failsWith(image, "header length 18446744073709551615 exceeds"));
}

TEST(SafetensorsTest, RejectsMalformedJson) {
  EXPECT_TRUE(
      failsWith(makeFile("{\"a\":\n 1,,}"), "malformed JSON header: [2:"));
  EXPECT_TRUE(failsWith(makeFile(""), "malformed JSON header: "));
  EXPECT_TRUE(failsWith(makeFile("{} x"), "malformed JSON header: "));
  EXPECT_TRUE(failsWith(makeFile("{\"\xff\": 1}"),
                        "malformed JSON header: [1:2, byte=2]: Invalid UTF-8"));
  // Deep nesting would overflow llvm::json's recursive parser.
  EXPECT_TRUE(failsWith(makeFile(std::string(1000000, '[')),
                        "JSON header nests deeper than 32 levels"));
  EXPECT_TRUE(failsWith(makeFile("{\"__metadata__\": " + std::string(40, '[') +
                                 std::string(40, ']') + "}"),
                        "JSON header nests deeper than 32 levels"));
}

TEST(SafetensorsTest, RejectsNonObjectHeader) {
  EXPECT_TRUE(failsWith(makeFile("[]"), "header is not a JSON object"));
  EXPECT_TRUE(failsWith(makeFile("\"x\""), "header is not a JSON object"));
}

TEST(SafetensorsTest, RejectsDuplicateKeys) {
  std::string w = entry("w", "F32", "[1]", 0, 4);
  EXPECT_TRUE(failsWith(makeFile("{" + w + ", " + w + "}", f32Bytes({1})),
                        "duplicate key 'w' in header"));
  // Escapes are decoded before comparing.
  EXPECT_TRUE(failsWith(makeFile("{" + w + ", \"\\u0077\": {}}", f32Bytes({1})),
                        "duplicate key 'w' in header"));
  EXPECT_TRUE(failsWith(
      makeFile("{\"w\": {\"dtype\": \"F32\", \"dtype\": \"F64\", \"shape\": "
               "[1], \"data_offsets\": [0, 4]}}",
               f32Bytes({1})),
      "duplicate key 'dtype' in 'w'"));
  EXPECT_TRUE(
      failsWith(makeFile("{\"__metadata__\": {\"k\": \"a\", \"k\": \"b\"}}"),
                "duplicate key 'k' in '__metadata__'"));
}

TEST(SafetensorsTest, RejectsBadMetadata) {
  EXPECT_TRUE(failsWith(makeFile("{\"__metadata__\": [\"a\"]}"),
                        "__metadata__ is not a JSON object"));
  EXPECT_TRUE(failsWith(makeFile("{\"__metadata__\": {\"n\": 3}}"),
                        "__metadata__ value of key 'n' is not a string"));
  EXPECT_TRUE(failsWith(makeFile("{\"__metadata__\": {\"n\": null}}"),
                        "__metadata__ value of key 'n' is not a string"));
}

TEST(SafetensorsTest, RejectsMalformedEntries) {
  std::string one = f32Bytes({1});
  auto withEntry = [&](StringRef body) {
    return makeFile(("{\"w\": " + body + "}").str(), one);
  };
  EXPECT_TRUE(failsWith(withEntry("[1]"), "tensor 'w': entry is not a JSON "
                                          "object"));
  EXPECT_TRUE(failsWith(withEntry("{\"shape\": [1], \"data_offsets\": [0, 4]}"),
                        "tensor 'w': missing field 'dtype'"));
  EXPECT_TRUE(
      failsWith(withEntry("{\"dtype\": \"F32\", \"data_offsets\": [0, 4]}"),
                "tensor 'w': missing field 'shape'"));
  EXPECT_TRUE(failsWith(withEntry("{\"dtype\": \"F32\", \"shape\": [1]}"),
                        "tensor 'w': missing field 'data_offsets'"));
  EXPECT_TRUE(failsWith(
      withEntry("{\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, "
                "4], \"extra\": 1}"),
      "tensor 'w': unknown field 'extra'"));
  EXPECT_TRUE(failsWith(
      withEntry("{\"dtype\": 5, \"shape\": [1], \"data_offsets\": [0, 4]}"),
      "tensor 'w': field 'dtype' is not a string"));
  EXPECT_TRUE(failsWith(
      withEntry("{\"dtype\": \"F32\", \"shape\": 1, \"data_offsets\": [0, 4]}"),
      "tensor 'w': field 'shape' is not an array"));
  for (const char *shape : {"[1.5]", "[1.0]", "[\"1\"]", "[null]", "[1e0]"})
    EXPECT_TRUE(
        failsWith(withEntry(("{\"dtype\": \"F32\", \"shape\": " + Twine(shape) +
                             ", \"data_offsets\": [0, 4]}")
                                .str()),
                  "tensor 'w': field 'shape' is not an array of integers"))
        << shape;
  for (const char *offsets : {"[0]", "[0, 4, 8]", "[0, -4]", "[0, 4.0]",
                              "{\"begin\": 0}", "[\"0\", \"4\"]"})
    EXPECT_TRUE(failsWith(
        withEntry(("{\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": " +
                   Twine(offsets) + "}")
                      .str()),
        "tensor 'w': field 'data_offsets' is not an array of two "
        "non-negative integers"))
        << offsets;
}

TEST(SafetensorsTest, RejectsUnsupportedDType) {
  EXPECT_TRUE(failsWith(
      makeFile("{" + entry("w", "I64", "[1]", 0, 8) + "}", std::string(8, 0)),
      "tensor 'w': unsupported dtype 'I64'"));
  EXPECT_TRUE(failsWith(
      makeFile("{" + entry("w", "f32", "[1]", 0, 4) + "}", std::string(4, 0)),
      "tensor 'w': unsupported dtype 'f32'"));
}

TEST(SafetensorsTest, RejectsBadShapes) {
  EXPECT_TRUE(
      failsWith(makeFile("{" + entry("w", "F32", "[2, -2]", 0, 16) + "}"),
                "tensor 'w': negative dimension -2 in shape"));
  EXPECT_TRUE(failsWith(
      makeFile("{" + entry("w", "F32", "[18446744073709551615]", 0, 4) + "}"),
      "tensor 'w': dimension 18446744073709551615 is too large"));
  EXPECT_TRUE(failsWith(
      makeFile("{" + entry("w", "F32", "[4294967296, 4294967296]", 0, 4) + "}"),
      "tensor 'w': element count of shape [4294967296, 4294967296] "
      "overflows"));
  EXPECT_TRUE(failsWith(
      makeFile("{" + entry("w", "F64", "[2305843009213693952]", 0, 4) + "}"),
      "tensor 'w': byte size of shape [2305843009213693952] of F64 "
      "overflows"));
}

TEST(SafetensorsTest, RejectsBadOffsets) {
  std::string data(128, '\0');
  EXPECT_TRUE(
      failsWith(makeFile("{" + entry("w", "F32", "[1]", 8, 4) + "}", data),
                "tensor 'w': data_offsets [8, 4] begin after they end"));
  EXPECT_TRUE(failsWith(
      makeFile("{" + entry("encoder.weight", "F32", "[4, 8]", 0, 100) + "}",
               data),
      "m.safetensors: tensor 'encoder.weight': data_offsets [0, 100] do not "
      "match shape [4, 8] of F32 (128 bytes)"));
  EXPECT_TRUE(failsWith(
      makeFile("{" + entry("w", "F64", "[2]", 120, 136) + "}", data),
      "tensor 'w': data_offsets [120, 136] exceed the data section (128 "
      "bytes)"));
  // A huge claimed tensor in a tiny file.
  EXPECT_TRUE(failsWith(
      makeFile("{" + entry("w", "F32", "[1000000000000]", 0, 4000000000000) +
                   "}",
               data),
      "tensor 'w': data_offsets [0, 4000000000000] exceed the data section "
      "(128 bytes)"));
}

TEST(SafetensorsTest, RejectsOverlapsAndGaps) {
  std::string data(24, '\0');
  EXPECT_TRUE(failsWith(makeFile("{" + entry("a", "F32", "[4]", 0, 16) + ", " +
                                     entry("b", "F32", "[4]", 8, 24) + "}",
                                 data),
                        "tensors 'a' and 'b' overlap (data_offsets [0, 16] "
                        "and [8, 24])"));
  // An empty tensor inside another one's range.
  EXPECT_TRUE(failsWith(makeFile("{" + entry("a", "F64", "[3]", 0, 24) + ", " +
                                     entry("z", "F32", "[0]", 8, 8) + "}",
                                 data),
                        "tensors 'a' and 'z' overlap"));
  EXPECT_TRUE(failsWith(makeFile("{" + entry("a", "F32", "[2]", 0, 8) + ", " +
                                     entry("b", "F64", "[1]", 16, 24) + "}",
                                 data),
                        "gap in the data section: bytes [8, 16) before tensor "
                        "'b' are not covered by any tensor"));
  EXPECT_TRUE(
      failsWith(makeFile("{" + entry("b", "F64", "[1]", 16, 24) + "}", data),
                "gap in the data section: bytes [0, 16) before tensor 'b'"));
  EXPECT_TRUE(failsWith(
      makeFile("{" + entry("a", "F32", "[2]", 0, 8) + "}", data),
      "trailing bytes after the last tensor: the data section has 24 bytes, "
      "tensors cover 8"));
  EXPECT_TRUE(failsWith(makeFile("{}", "x"),
                        "trailing bytes after the last tensor: the data "
                        "section has 1 bytes, tensors cover 0"));
}

TEST(SafetensorsTest, RejectsNonFiniteValues) {
  std::vector<float> values(20, 1.0f);
  std::string header = "{" + entry("x", "F32", "[4, 5]", 0, 80) + "}";
  auto withValue = [&](float value) {
    std::string data;
    for (int i = 0; i < 20; ++i) {
      char buffer[4];
      support::endian::write<float, endianness::little>(buffer,
                                                        i == 17 ? value : 1.0f);
      data.append(buffer, 4);
    }
    return makeFile(header, data);
  };
  EXPECT_TRUE(failsWith(withValue(std::numeric_limits<float>::quiet_NaN()),
                        "tensor 'x' has a non-finite value (nan) at index 17"));
  EXPECT_TRUE(failsWith(withValue(std::numeric_limits<float>::infinity()),
                        "tensor 'x' has a non-finite value (inf) at index 17"));
  EXPECT_TRUE(failsWith(withValue(-std::numeric_limits<float>::infinity()),
                        "tensor 'x' has a non-finite value (-inf) at index "
                        "17"));
  EXPECT_TRUE(failsWith(
      makeFile("{" + entry("y", "F64", "[2]", 0, 16) + "}",
               f64Bytes({0, -std::numeric_limits<double>::quiet_NaN()})),
      "tensor 'y' has a non-finite value (nan) at index 1"));
}

TEST(SafetensorsTest, QuotesOddNamesOnOneLine) {
  EXPECT_TRUE(
      failsWith(makeFile("{" + entry("a\\nb", "I8", "[1]", 0, 1) + "}", "x"),
                "tensor 'a\\x0ab': unsupported dtype 'I8'"));
}

TEST(SafetensorsTest, ReadFile) {
  SmallString<128> path;
  int fd;
  ASSERT_FALSE(
      sys::fs::createTemporaryFile("lrnn-test", "safetensors", fd, path));
  SafetensorsFile file;
  file.metadata["k"] = "v";
  SafetensorsTensor tensor;
  tensor.shape = {1};
  tensor.values = {3};
  file.tensors["t"] = tensor;
  {
    raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << serializeSafetensors(file);
  }
  Expected<SafetensorsFile> read = readSafetensors(path);
  ASSERT_TRUE(bool(read)) << toString(read.takeError());
  EXPECT_EQ(read->tensors.at("t").values, std::vector<double>{3});
  EXPECT_EQ(read->metadata, file.metadata);
  sys::fs::remove(path);

  read = readSafetensors(path);
  ASSERT_FALSE(bool(read));
  EXPECT_EQ(toString(read.takeError()).find((path + ": cannot open: ").str()),
            0u);
}

} // namespace
