//===- LimitsTest.cpp - Size limits of the readers ------------------------===//
//
// Absurd sizes are refused up front with one line (docs/robustness.md).
//
//===----------------------------------------------------------------------===//

#include "lrnn/Support/Npy.h"
#include "lrnn/Support/Safetensors.h"

#include "gtest/gtest.h"

#include <cstring>

using namespace lrnn;

namespace {

std::string errorOf(llvm::Error error) {
  return llvm::toString(std::move(error));
}

TEST(Limits, NpyMaxElementsRefusesBeforeCopying) {
  std::vector<char> raw(6 * sizeof(float), 0);
  std::string image = serializeNpy(NpyDType::F32, {2, 3}, raw);
  EXPECT_TRUE(bool(parseNpy(image, "ok.npy", 6)));
  auto array = parseNpy(image, "big.npy", 5);
  ASSERT_FALSE(bool(array));
  EXPECT_EQ(errorOf(array.takeError()),
            "big.npy: array of 6 elements exceeds the limit of 5 elements");
}

TEST(Limits, NpyShapeClaimingMoreThanTheFileHolds) {
  std::vector<char> raw(8, 0);
  std::string image = serializeNpy(NpyDType::F32, {2}, raw);
  // Claim 10^12 rows of the same 8 bytes.
  size_t at = image.find("(2,)");
  ASSERT_NE(at, std::string::npos);
  image.replace(at, 4, "(1000000000000,)");
  // Keep the header's length: drop as many padding spaces as were added.
  size_t pad = image.find("} ") + 1;
  image.erase(pad, std::strlen("1000000000000") - 1);
  auto array = parseNpy(image, "claims.npy");
  ASSERT_FALSE(bool(array));
  EXPECT_EQ(errorOf(array.takeError()),
            "claims.npy: truncated: expected 4000000000000 bytes of data, "
            "found 8");
}

TEST(Limits, SequenceSize) {
  EXPECT_FALSE(bool(checkSequenceSize("s.npy", "the input sequence",
                                      kMaxSequenceValues, 1)));
  EXPECT_EQ(errorOf(checkSequenceSize("s.npy", "the output sequence",
                                      1000000000, 257)),
            "s.npy: the output sequence of 1000000000 steps x 257 values "
            "exceeds the limit of 268435456 values; split it");
  EXPECT_FALSE(bool(checkSequenceSize("s.npy", "none", int64_t(1) << 40, 0)));
}

TEST(Limits, SafetensorsHeaderClaimingTerabytes) {
  std::string bytes(8, '\0');
  uint64_t length = uint64_t(1) << 40;
  std::memcpy(bytes.data(), &length, 8); // little-endian host
  bytes += "{}";
  auto file = parseSafetensors(bytes, "tb.safetensors");
  ASSERT_FALSE(bool(file));
  EXPECT_EQ(errorOf(file.takeError()),
            "tb.safetensors: header length 1099511627776 exceeds file size 10");
}

} // namespace
