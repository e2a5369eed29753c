//===- NpyTest.cpp - Tests for the .npy reader and writer -----------------===//

#include "lrnn/Support/Npy.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include <cstring>
#include <limits>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace llvm;
using namespace lrnn;

namespace {

// Byte-exact np.save output of numpy 1.24 (format.write_array with the
// version given for the V2/V3 fixtures).
const char kNumpyF32x2x3[] =
    "\223NUMPY\001\000v\000{'descr': '<f4"
    "', 'fortran_order': Fals"
    "e, 'shape': (2, 3), }   "
    "                        "
    "                        "
    "       \012\000\000\000\000\000\000\200>\000\000\000\077\000\000@\077"
    "\000\000\200\077\000\000\240\077";
const char kNumpyF64Scalar[] = "\223NUMPY\001\000v\000{'descr': '<f8"
                               "', 'fortran_order': Fals"
                               "e, 'shape': (), }       "
                               "                        "
                               "                        "
                               "       \012\000\000\000\000\000\000\004\300";
const char kNumpyI8x3[] = "\223NUMPY\001\000v\000{'descr': '|i1"
                          "', 'fortran_order': Fals"
                          "e, 'shape': (3,), }     "
                          "                        "
                          "                        "
                          "       \012\200\000\177";
const char kNumpyI16x1x2x3[] =
    "\223NUMPY\001\000v\000{'descr': '<i2"
    "', 'fortran_order': Fals"
    "e, 'shape': (1, 2, 3), }"
    "                        "
    "                        "
    "       \012H\3640\370\030\374\000\000\350\003\320\007";
const char kNumpyI32x5[] =
    "\223NUMPY\001\000v\000{'descr': '<i4"
    "', 'fortran_order': Fals"
    "e, 'shape': (5,), }     "
    "                        "
    "                        "
    "       "
    "\012\000\000\000\200\377\377\377\377\000\000\000\000\001\000\000\000"
    "\377\377\377\177";
const char kNumpyI64x0[] = "\223NUMPY\001\000v\000{'descr': '<i8"
                           "', 'fortran_order': Fals"
                           "e, 'shape': (0,), }     "
                           "                        "
                           "                        "
                           "       \012";
const char kNumpyF32V2[] = "\223NUMPY\002\000t\000\000\000{'descr': '<"
                           "f4', 'fortran_order': Fa"
                           "lse, 'shape': (2,), }   "
                           "                        "
                           "                        "
                           "       \012\000\000\300\077\000\000\000\300";
const char kNumpyF32V3[] = "\223NUMPY\003\000t\000\000\000{'descr': '<"
                           "f4', 'fortran_order': Fa"
                           "lse, 'shape': (2,), }   "
                           "                        "
                           "                        "
                           "       \012\000\000\300\077\000\000\000\300";

StringRef fixture(const char *bytes, size_t sizeWithNul) {
  return StringRef(bytes, sizeWithNul - 1);
}
#define FIXTURE(name) fixture(name, sizeof(name))

/// Builds a .npy image around a hand-written header dict.
std::string makeNpy(StringRef dict, StringRef data = "", unsigned major = 1) {
  std::string header = dict.str() + "\n";
  std::string out = "\x93NUMPY";
  out += (char)major;
  out += '\0';
  char length[4];
  if (major == 1) {
    support::endian::write16le(length, header.size());
    out.append(length, 2);
  } else {
    support::endian::write32le(length, header.size());
    out.append(length, 4);
  }
  return out + header + data.str();
}

std::string f4Dict(StringRef shape) {
  return ("{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }")
      .str();
}

/// Succeeds if parsing fails with a one-line message that names the file and
/// contains `reason`.
testing::AssertionResult failsWith(StringRef bytes, StringRef reason) {
  Expected<NpyArray> array = parseNpy(bytes, "bad.npy");
  if (array)
    return testing::AssertionFailure() << "parsed successfully";
  std::string message = toString(array.takeError());
  if (!StringRef(message).starts_with("bad.npy: ") ||
      message.find(reason.str()) == std::string::npos ||
      message.find('\n') != std::string::npos)
    return testing::AssertionFailure()
           << "message '" << message << "' lacks '" << reason.str() << "'";
  return testing::AssertionSuccess();
}

template <typename T> std::vector<char> rawBytes(std::vector<T> values) {
  std::vector<char> raw(values.size() * sizeof(T));
  for (size_t i = 0; i < values.size(); ++i)
    support::endian::write<T, endianness::little>(raw.data() + i * sizeof(T),
                                                  values[i]);
  return raw;
}

const NpyDType kAllDTypes[] = {NpyDType::F32, NpyDType::F64, NpyDType::I8,
                               NpyDType::I16, NpyDType::I32, NpyDType::I64};

TEST(NpyTest, RoundTripEveryDTypeAndShape) {
  const std::vector<int64_t> shapes[] = {{}, {0}, {5}, {2, 3}, {1, 2, 3}};
  for (NpyDType dtype : kAllDTypes) {
    for (const std::vector<int64_t> &shape : shapes) {
      SCOPED_TRACE(npyDescr(dtype).str() + " rank " +
                   std::to_string(shape.size()));
      int64_t count = 1;
      for (int64_t dim : shape)
        count *= dim;
      std::vector<char> raw(count * npyElementSize(dtype));
      for (size_t i = 0; i < raw.size(); ++i)
        raw[i] = (char)(i * 37 + 11);
      std::string image = serializeNpy(dtype, shape, raw);
      // numpy aligns the data to 64 bytes.
      EXPECT_EQ((image.size() - raw.size()) % 64, 0u);
      Expected<NpyArray> array = parseNpy(image, "rt.npy");
      ASSERT_TRUE(bool(array)) << toString(array.takeError());
      EXPECT_EQ(array->dtype, dtype);
      EXPECT_EQ(array->shape, shape);
      EXPECT_EQ(array->data, raw);
      EXPECT_EQ(array->numElements(), count);
      EXPECT_EQ(array->toDoubles().size(), (size_t)count);
    }
  }
}

TEST(NpyTest, ToDoubles) {
  NpyArray array;
  array.shape = {3};
  array.dtype = NpyDType::F32;
  array.data = rawBytes<float>({0.1f, -0.0f, 3e38f});
  EXPECT_EQ(array.toDoubles(), (std::vector<double>{0.1f, -0.0, 3e38f}));
  array.dtype = NpyDType::F64;
  array.data = rawBytes<double>({0.1, -1e300, 5});
  EXPECT_EQ(array.toDoubles(), (std::vector<double>{0.1, -1e300, 5}));
  array.dtype = NpyDType::I8;
  array.data = rawBytes<int8_t>({-128, 0, 127});
  EXPECT_EQ(array.toDoubles(), (std::vector<double>{-128, 0, 127}));
  array.dtype = NpyDType::I16;
  array.data = rawBytes<int16_t>({-32768, 1, 32767});
  EXPECT_EQ(array.toDoubles(), (std::vector<double>{-32768, 1, 32767}));
  array.dtype = NpyDType::I32;
  array.data = rawBytes<int32_t>({std::numeric_limits<int32_t>::min(), -1,
                                  std::numeric_limits<int32_t>::max()});
  EXPECT_EQ(array.toDoubles(),
            (std::vector<double>{-2147483648.0, -1, 2147483647.0}));
  array.dtype = NpyDType::I64;
  array.data = rawBytes<int64_t>({-(int64_t(1) << 53), 0, int64_t(1) << 53});
  EXPECT_EQ(array.toDoubles(),
            (std::vector<double>{-9007199254740992.0, 0, 9007199254740992.0}));
}

TEST(NpyTest, MatchesNumpyByteForByte) {
  struct Case {
    StringRef bytes;
    NpyDType dtype;
    std::vector<int64_t> shape;
    std::vector<double> values;
  };
  const Case cases[] = {
      {FIXTURE(kNumpyF32x2x3),
       NpyDType::F32,
       {2, 3},
       {0, 0.25, 0.5, 0.75, 1, 1.25}},
      {FIXTURE(kNumpyF64Scalar), NpyDType::F64, {}, {-2.5}},
      {FIXTURE(kNumpyI8x3), NpyDType::I8, {3}, {-128, 0, 127}},
      {FIXTURE(kNumpyI16x1x2x3),
       NpyDType::I16,
       {1, 2, 3},
       {-3000, -2000, -1000, 0, 1000, 2000}},
      {FIXTURE(kNumpyI32x5),
       NpyDType::I32,
       {5},
       {-2147483648.0, -1, 0, 1, 2147483647.0}},
      {FIXTURE(kNumpyI64x0), NpyDType::I64, {0}, {}},
  };
  for (const Case &c : cases) {
    Expected<NpyArray> array = parseNpy(c.bytes, "numpy.npy");
    ASSERT_TRUE(bool(array)) << toString(array.takeError());
    EXPECT_EQ(array->dtype, c.dtype);
    EXPECT_EQ(array->shape, c.shape);
    EXPECT_EQ(array->toDoubles(), c.values);
    EXPECT_EQ(serializeNpy(array->dtype, array->shape, array->data),
              c.bytes.str());
  }
}

TEST(NpyTest, AcceptsVersion2And3Headers) {
  for (StringRef bytes : {FIXTURE(kNumpyF32V2), FIXTURE(kNumpyF32V3)}) {
    Expected<NpyArray> array = parseNpy(bytes, "v.npy");
    ASSERT_TRUE(bool(array)) << toString(array.takeError());
    EXPECT_EQ(array->shape, std::vector<int64_t>{2});
    EXPECT_EQ(array->toDoubles(), (std::vector<double>{1.5, -2}));
  }
  std::string data(8, '\0');
  EXPECT_TRUE(bool(parseNpy(makeNpy(f4Dict("(2,)"), data, 2), "v2.npy")));
  EXPECT_TRUE(bool(parseNpy(makeNpy(f4Dict("(2,)"), data, 3), "v3.npy")));
}

TEST(NpyTest, SerializesLongHeadersAsVersion2) {
  // 30000 dimensions do not fit a u16 header length.
  std::vector<int64_t> shape(30000, 1);
  std::string image = serializeNpy(NpyDType::I8, shape, {'x'});
  EXPECT_EQ(image[6], 2);
  EXPECT_EQ((image.size() - 1) % 64, 0u);
  Expected<NpyArray> array = parseNpy(image, "long.npy");
  ASSERT_TRUE(bool(array)) << toString(array.takeError());
  EXPECT_EQ(array->shape, shape);
  EXPECT_EQ(array->toDoubles(), std::vector<double>{'x'});
}

TEST(NpyTest, AcceptsHeaderVariants) {
  std::string data(48, '\0');
  const char *dicts[] = {
      // Keys in any order, double quotes, no trailing comma.
      "{\"shape\": (2, 3), \"fortran_order\": False, \"descr\": \"<f8\"}",
      // Whitespace everywhere, including newlines and tabs.
      " {\t'descr' :'<f8' ,\n'fortran_order':False,'shape':( 2 ,3 , ) }  ",
      // Python 2 long literals, which numpy accepts in version 1.0 headers.
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 3L), }",
  };
  for (const char *dict : dicts) {
    Expected<NpyArray> array = parseNpy(makeNpy(dict, data), "ok.npy");
    ASSERT_TRUE(bool(array)) << dict << ": " << toString(array.takeError());
    EXPECT_EQ(array->dtype, NpyDType::F64);
    EXPECT_EQ(array->shape, (std::vector<int64_t>{2, 3}));
  }
  for (const char *descr : {"<i1", "|i1"}) {
    std::string dict = std::string("{'descr': '") + descr +
                       "', 'fortran_order': False, 'shape': (2,), }";
    Expected<NpyArray> array = parseNpy(makeNpy(dict, "ab"), "ok.npy");
    ASSERT_TRUE(bool(array)) << toString(array.takeError());
    EXPECT_EQ(array->dtype, NpyDType::I8);
  }
}

TEST(NpyTest, RejectsBadPreamble) {
  EXPECT_TRUE(failsWith("", "truncated .npy preamble (0 bytes)"));
  EXPECT_TRUE(failsWith("\x93NUM", "truncated .npy preamble (4 bytes)"));
  EXPECT_TRUE(failsWith(StringRef("\x93NUMPY\x01\x00\x10", 9),
                        "truncated .npy preamble (9 bytes)"));
  EXPECT_TRUE(failsWith("PK\x03\x04 this is a zip", "not a .npy file"));
  std::string image = makeNpy(f4Dict("()"), "abcd");
  image[6] = 4;
  EXPECT_TRUE(failsWith(image, "unsupported .npy format version 4.0"));
  image[6] = 1;
  image[7] = 1;
  EXPECT_TRUE(failsWith(image, "unsupported .npy format version 1.1"));
}

TEST(NpyTest, RejectsHeaderLengthPastEnd) {
  std::string image = makeNpy(f4Dict("()"));
  image[8] = (char)0xff;
  image[9] = (char)0xff;
  EXPECT_TRUE(failsWith(image, "truncated header: header length 65535"));
  // Version 2 with a length of 4 GiB - 1.
  std::string v2 = makeNpy(f4Dict("()"), "", 2);
  std::memset(&v2[8], 0xff, 4);
  EXPECT_TRUE(failsWith(v2, "truncated header: header length 4294967295"));
}

TEST(NpyTest, RejectsMalformedDict) {
  EXPECT_TRUE(
      failsWith(makeNpy("['descr']"), "malformed header: expected '{'"));
  EXPECT_TRUE(failsWith(makeNpy(""), "malformed header: expected '{'"));
  EXPECT_TRUE(failsWith(makeNpy("{'descr' '<f4'}"),
                        "malformed header: expected ':' after key 'descr'"));
  EXPECT_TRUE(failsWith(makeNpy("{'descr': '<f4"),
                        "malformed header: unterminated string"));
  EXPECT_TRUE(failsWith(makeNpy("{descr: '<f4'}"),
                        "malformed header: expected a quoted string"));
  EXPECT_TRUE(failsWith(makeNpy("{'descr': '<f4' 'fortran_order': False}"),
                        "malformed header: expected ',' or '}'"));
  EXPECT_TRUE(failsWith(makeNpy(f4Dict("(2,)") + " {}"),
                        "malformed header: unexpected text after '}'"));
  EXPECT_TRUE(failsWith(makeNpy("{'descr': '<f\\x34', 'fortran_order': False, "
                                "'shape': ()}"),
                        "malformed header: unsupported character in string"));
}

TEST(NpyTest, RejectsBadKeys) {
  EXPECT_TRUE(failsWith(makeNpy("{'descr': '<f4', 'fortran_order': False, "
                                "'shape': (), 'extra': 1}"),
                        "unknown header key 'extra'"));
  EXPECT_TRUE(failsWith(makeNpy("{'descr': '<f4', 'fortran_order': False}"),
                        "missing header key 'shape'"));
  EXPECT_TRUE(failsWith(makeNpy("{'descr': '<f4', 'shape': ()}"),
                        "missing header key 'fortran_order'"));
  EXPECT_TRUE(failsWith(makeNpy("{'fortran_order': False, 'shape': ()}"),
                        "missing header key 'descr'"));
  EXPECT_TRUE(failsWith(makeNpy("{'descr': '<f4', 'fortran_order': False, "
                                "'shape': (), 'descr': '<f8'}"),
                        "duplicate header key 'descr'"));
}

TEST(NpyTest, RejectsUnsupportedDTypes) {
  auto withDescr = [](StringRef descr) {
    return makeNpy(
        ("{'descr': " + descr + ", 'fortran_order': False, 'shape': (1,), }")
            .str(),
        std::string(8, '\0'));
  };
  EXPECT_TRUE(
      failsWith(withDescr("'>f4'"), "big-endian dtype '>f4' is not supported"));
  EXPECT_TRUE(
      failsWith(withDescr("'>i8'"), "big-endian dtype '>i8' is not supported"));
  EXPECT_TRUE(failsWith(withDescr("'<u4'"), "unsupported dtype '<u4'"));
  EXPECT_TRUE(failsWith(withDescr("'<c8'"), "unsupported dtype '<c8'"));
  EXPECT_TRUE(failsWith(withDescr("'|O'"), "unsupported dtype '|O'"));
  EXPECT_TRUE(failsWith(withDescr("'float32'"), "unsupported dtype 'float32'"));
  EXPECT_TRUE(failsWith(withDescr("[('a', '<f4')]"),
                        "structured dtypes are not supported"));
  EXPECT_TRUE(failsWith(withDescr("4"), "'descr' is not a string"));
}

TEST(NpyTest, RejectsFortranOrder) {
  std::string dict = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, "
                     "2), }";
  EXPECT_TRUE(failsWith(makeNpy(dict, std::string(16, '\0')),
                        "Fortran-order arrays are not supported"));
  EXPECT_TRUE(failsWith(
      makeNpy("{'descr': '<f4', 'fortran_order': 0, 'shape': (), }", "abcd"),
      "'fortran_order' is not True or False"));
  EXPECT_TRUE(failsWith(
      makeNpy("{'descr': '<f4', 'fortran_order': Trueish, 'shape': (), }",
              "abcd"),
      "'fortran_order' is not True or False"));
}

TEST(NpyTest, RejectsBadShapes) {
  EXPECT_TRUE(failsWith(makeNpy(f4Dict("(3, -2)")),
                        "negative dimension -2 in shape (3, -2)"));
  for (const char *shape : {"(5)", "[5]", "5", "(,)", "('a',)"})
    EXPECT_TRUE(failsWith(makeNpy(f4Dict(shape), std::string(20, '\0')),
                          "'shape' is not a tuple of integers"))
        << shape;
  EXPECT_TRUE(failsWith(makeNpy(f4Dict("(5.0,)")),
                        "malformed header: expected ',' or ')' in 'shape'"));
  EXPECT_TRUE(failsWith(makeNpy(f4Dict("(99999999999999999999,)")),
                        "dimension 99999999999999999999 is too large"));
  // Python 2 long literals are numpy's compatibility hack for old headers.
  EXPECT_TRUE(failsWith(makeNpy(f4Dict("(2L,)"), "", 3),
                        "malformed header: expected ',' or ')' in 'shape'"));
}

TEST(NpyTest, ElidesLongShapesInMessages) {
  std::string shape = "(";
  for (int i = 0; i < 1000; ++i)
    shape += std::to_string(i % 7 == 6 ? -i : i) + ", ";
  EXPECT_TRUE(failsWith(makeNpy(f4Dict(shape + ")")),
                        "negative dimension -6 in shape (0, 1, 2, 3, 4, 5, -6, "
                        "7, ..., 992, -993, 994, 995, 996, 997, 998, 999)"));
}

TEST(NpyTest, RejectsOverflowingShapes) {
  EXPECT_TRUE(
      failsWith(makeNpy(f4Dict("(4294967296, 4294967296)")),
                "element count of shape (4294967296, 4294967296) overflows"));
  EXPECT_TRUE(failsWith(makeNpy(f4Dict("(4611686018427387904,)")),
                        "byte size of shape (4611686018427387904,) of <f4 "
                        "overflows"));
}

TEST(NpyTest, RejectsHugeClaimedShapeWithoutAllocating) {
  // 8 TB of claimed data in a tiny file must fail before any allocation.
  EXPECT_TRUE(failsWith(makeNpy(f4Dict("(1000000, 1000000, 2)"), "abcd"),
                        "truncated: expected 8000000000000 bytes of data, "
                        "found 4"));
}

TEST(NpyTest, RejectsWrongDataSize) {
  EXPECT_TRUE(failsWith(makeNpy(f4Dict("(2, 3)"), std::string(20, '\0')),
                        "truncated: expected 24 bytes of data, found 20"));
  EXPECT_TRUE(failsWith(makeNpy(f4Dict("(2, 3)"), std::string(25, '\0')),
                        "trailing bytes after data: expected 24 bytes of "
                        "data, found 25"));
  EXPECT_TRUE(failsWith(makeNpy(f4Dict("(0,)"), "x"),
                        "trailing bytes after data: expected 0 bytes of data, "
                        "found 1"));
}

class NpyFileTest : public testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("lrnn-npy-test", dir));
  }
  void TearDown() override { sys::fs::remove_directories(dir); }

  std::string pathOf(StringRef fileName) {
    SmallString<128> path(dir);
    sys::path::append(path, fileName);
    return std::string(path);
  }
  std::vector<std::string> listDir() {
    std::vector<std::string> names;
    std::error_code ec;
    for (sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
         it.increment(ec))
      names.push_back(sys::path::filename(it->path()).str());
    return names;
  }

  SmallString<128> dir;
};

TEST_F(NpyFileTest, WriteThenRead) {
  std::string path = pathOf("a.npy");
  std::vector<float> values = {1, -2.5, 3e-8f, 4, 5, 6};
  ASSERT_FALSE(bool(writeNpyF32(path, {3, 2}, values)));
  Expected<NpyArray> array = readNpy(path);
  ASSERT_TRUE(bool(array)) << toString(array.takeError());
  EXPECT_EQ(array->dtype, NpyDType::F32);
  EXPECT_EQ(array->shape, (std::vector<int64_t>{3, 2}));
  EXPECT_EQ(array->toDoubles(),
            std::vector<double>(values.begin(), values.end()));
  // The temporary file is gone.
  EXPECT_EQ(listDir(), std::vector<std::string>{"a.npy"});

  // Overwriting replaces the file.
  std::vector<char> raw = rawBytes<int16_t>({7, -8});
  ASSERT_FALSE(bool(writeNpy(path, NpyDType::I16, {2}, raw)));
  array = readNpy(path);
  ASSERT_TRUE(bool(array)) << toString(array.takeError());
  EXPECT_EQ(array->toDoubles(), (std::vector<double>{7, -8}));
  EXPECT_EQ(listDir(), std::vector<std::string>{"a.npy"});
}

TEST_F(NpyFileTest, ReadMissingFile) {
  std::string path = pathOf("missing.npy");
  Expected<NpyArray> array = readNpy(path);
  ASSERT_FALSE(bool(array));
  EXPECT_EQ(toString(array.takeError()).find(path + ": cannot open: "), 0u);
}

TEST_F(NpyFileTest, ReadReportsPath) {
  std::string path = pathOf("bad.npy");
  {
    std::error_code ec;
    raw_fd_ostream os(path, ec);
    ASSERT_FALSE(ec);
    os << makeNpy(f4Dict("(2,)"), "abc");
  }
  Expected<NpyArray> array = readNpy(path);
  ASSERT_FALSE(bool(array));
  EXPECT_EQ(toString(array.takeError()),
            path + ": truncated: expected 8 bytes of data, found 3");
}

TEST_F(NpyFileTest, WriteToMissingDirectoryFails) {
  std::string path = pathOf("no/such/dir/a.npy");
  Error error = writeNpyF32(path, {1}, {1.0f});
  ASSERT_TRUE(bool(error));
  std::string message = toString(std::move(error));
  EXPECT_EQ(message.find(path + ": cannot create temporary file: "), 0u)
      << message;
  EXPECT_FALSE(sys::fs::exists(path));
  EXPECT_TRUE(listDir().empty());
}

TEST_F(NpyFileTest, WriteOntoDirectoryFailsAndCleansUp) {
  std::string path = pathOf("sub");
  ASSERT_FALSE(sys::fs::create_directory(path));
  Error error = writeNpyF32(path, {1}, {1.0f});
  ASSERT_TRUE(bool(error));
  EXPECT_EQ(toString(std::move(error)).find(path + ": cannot write: "), 0u);
  EXPECT_TRUE(sys::fs::is_directory(path));
  EXPECT_EQ(listDir(), std::vector<std::string>{"sub"});
}

TEST_F(NpyFileTest, WriteToDevNullKeepsTheDevice) {
  // Renaming a temporary file over /dev/null (possible as root) would
  // replace the device with a regular file.
  sys::fs::file_status before;
  if (sys::fs::status("/dev/null", before) ||
      before.type() != sys::fs::file_type::character_file ||
      sys::fs::access("/dev/null", sys::fs::AccessMode::Write))
    GTEST_SKIP() << "/dev/null is not a writable character device";
  Error error = writeNpyF32("/dev/null", {2}, {1.0f, 2.0f});
  ASSERT_FALSE(bool(error)) << toString(std::move(error));
  sys::fs::file_status after;
  ASSERT_FALSE(sys::fs::status("/dev/null", after));
  EXPECT_EQ(after.type(), sys::fs::file_type::character_file);
  EXPECT_EQ(after.getUniqueID(), before.getUniqueID());
}

#ifndef _WIN32
TEST_F(NpyFileTest, WriteToFifoWritesThroughIt) {
  std::string path = pathOf("out.fifo");
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0) << std::strerror(errno);
  // A non-blocking reader opens at once, and lets the writer open the FIFO
  // without waiting; the array fits in the pipe buffer.
  int readFd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(readFd, 0) << std::strerror(errno);
  std::vector<float> values = {1.5f, -2.0f, 3.25f};
  Error error = writeNpyF32(path, {3}, values);
  std::string received;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(readFd, buffer, sizeof(buffer))) > 0)
    received.append(buffer, n);
  ::close(readFd);
  ASSERT_FALSE(bool(error)) << toString(std::move(error));

  sys::fs::file_status status;
  ASSERT_FALSE(sys::fs::status(path, status));
  EXPECT_EQ(status.type(), sys::fs::file_type::fifo_file);
  Expected<NpyArray> array = parseNpy(received, "fifo");
  ASSERT_TRUE(bool(array)) << toString(array.takeError());
  EXPECT_EQ(array->toDoubles(), (std::vector<double>{1.5, -2.0, 3.25}));
  // No temporary file is left next to it.
  EXPECT_EQ(listDir(), std::vector<std::string>{"out.fifo"});
}
#endif

TEST_F(NpyFileTest, WriteRejectsMismatchedData) {
  std::string path = pathOf("a.npy");
  Error error = writeNpyF32(path, {2, 3}, {1.0f, 2.0f});
  ASSERT_TRUE(bool(error));
  EXPECT_EQ(toString(std::move(error)),
            path + ": data size 8 bytes does not match shape (2, 3) of <f4 "
                   "(24 bytes)");
  error = writeNpyF32(path, {-1}, {});
  ASSERT_TRUE(bool(error));
  EXPECT_EQ(toString(std::move(error)),
            path + ": negative dimension -1 in shape (-1,)");
  EXPECT_TRUE(listDir().empty());
}

} // namespace
