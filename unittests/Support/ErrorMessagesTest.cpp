//===- ErrorMessagesTest.cpp - Tests for the readers' shared helpers ------===//

#include "lrnn/Support/ErrorMessages.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace llvm;
using namespace lrnn;

namespace {

TEST(ReadWholeFileTest, ReadsEveryByte) {
  SmallString<128> path;
  int fd = -1;
  ASSERT_FALSE(sys::fs::createTemporaryFile("lrnn-read", "bin", fd, path));
  std::string contents("a\0b\nc", 5);
  {
    raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << contents;
  }
  Expected<std::unique_ptr<MemoryBuffer>> buffer = readWholeFile(path);
  sys::fs::remove(path);
  ASSERT_TRUE(bool(buffer)) << toString(buffer.takeError());
  EXPECT_EQ((*buffer)->getBuffer(), StringRef(contents));
}

TEST(ReadWholeFileTest, NamesTheMissingFile) {
  SmallString<128> dir;
  ASSERT_FALSE(sys::fs::createUniqueDirectory("lrnn-read", dir));
  std::string path = (dir + "/missing.bin").str();
  Expected<std::unique_ptr<MemoryBuffer>> buffer = readWholeFile(path);
  sys::fs::remove_directories(dir);
  ASSERT_FALSE(bool(buffer));
  EXPECT_EQ(toString(buffer.takeError()),
            path + ": cannot open: " +
                std::make_error_code(std::errc::no_such_file_or_directory)
                    .message());
}

} // namespace
