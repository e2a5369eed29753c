//===- Replay.cpp - Runs a fuzz target over files, without libFuzzer ------===//
//
// <target>-replay PATH...: calls the target's LLVMFuzzerTestOneInput once per
// file, each PATH being a file or a folder (its regular files, in name
// order; names starting with '.' are skipped). A folder that does not exist
// is skipped with a note (a target without regressions yet). Prints the
// number of inputs run; a finding aborts (sanitizers, or the target's own
// checks), which fails the test that runs this.
//
//===----------------------------------------------------------------------===//

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc,
                                                          char ***argv);

namespace fs = std::filesystem;

static bool runFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: %s: cannot open\n", path.c_str());
    return false;
  }
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  // A copy of exactly the file's size, so that ASan sees reads past its end.
  std::vector<uint8_t> data(bytes.begin(), bytes.end());
  std::fprintf(stderr, "replay: %s (%zu bytes)\n", path.c_str(), data.size());
  LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
  return true;
}

int main(int argc, char **argv) {
  if (LLVMFuzzerInitialize)
    LLVMFuzzerInitialize(&argc, &argv);
  size_t count = 0;
  bool ok = true;
  for (int i = 1; i < argc; ++i) {
    fs::path path(argv[i]);
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      std::fprintf(stderr, "replay: %s: does not exist, skipped\n", argv[i]);
      continue;
    }
    if (!fs::is_directory(path, ec)) {
      ok &= runFile(path);
      ++count;
      continue;
    }
    std::vector<fs::path> files;
    for (const fs::directory_entry &entry : fs::directory_iterator(path, ec))
      if (entry.is_regular_file() &&
          entry.path().filename().string().rfind('.', 0) != 0)
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path &file : files) {
      ok &= runFile(file);
      ++count;
    }
  }
  std::printf("replay: %zu inputs run without a finding\n", count);
  return ok ? 0 : 1;
}
