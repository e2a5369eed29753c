//===- loihi2-program.cpp - Fuzz target: Loihi 2 program loader + sim -----===//
//
// Bytes -> readProgramFile -> verified loihi2.program -> Simulator::create ->
// a few tokens. An input that starts with the file magic is a whole program
// file; any other input is a payload, wrapped in a correct header (size and
// CRC-32) first, so that mutations reach the parser and the verifiers
// instead of stopping at the checksum. Rejections must be one-line errors;
// the simulator must be deterministic (a reset run repeats the first).
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "lrnn/Target/Loihi2/ProgramFile.h"
#include "lrnn/Target/Loihi2Sim/Simulator.h"

#include "llvm/Support/CRC.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace lrnn;
using namespace lrnn::loihi2;

/// Bounds that keep one input fast: the simulator's cost is per token and
/// proportional to the program, which a valid input can make large.
static constexpr int64_t kMaxSizes = 1 << 16;
static constexpr int64_t kMaxLatency = 256;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef bytes = fuzz::asBytes(data, size);
  std::string wrapped;
  if (!bytes.starts_with(kProgramFileMagic)) {
    llvm::raw_string_ostream os(wrapped);
    os << kProgramFileMagic << kProgramFileVersion << "\nbytes " << size
       << "\ncrc32 "
       << llvm::format_hex_no_prefix(
              llvm::crc32(llvm::arrayRefFromStringRef(bytes)), 8)
       << "\n\n"
       << bytes;
    bytes = wrapped;
  }

  fuzz::Context context;
  auto module = readProgramFile(bytes, "fuzz.l2", context.get());
  if (!module) {
    fuzz::checkOneLineError(module.takeError());
    return 0;
  }
  auto programs = (*module)->getOps<ProgramOp>();
  fuzz::check(std::distance(programs.begin(), programs.end()) == 1,
              "a loaded file holds other than one program");
  auto sim = Simulator::create(*programs.begin());
  if (!sim) {
    fuzz::checkOneLineError(sim.takeError());
    return 0;
  }
  Simulator &s = **sim;
  fuzz::check(s.getInputSize() >= 0 && s.getOutputSize() >= 0 &&
                  s.getLatency() >= 0,
              "negative sizes or latency");
  if (s.getInputSize() > kMaxSizes || s.getOutputSize() > kMaxSizes ||
      s.getLatency() > kMaxLatency)
    return 0;
  constexpr int64_t tokens = 3;
  std::vector<int64_t> codes(tokens * s.getInputSize());
  for (size_t i = 0; i < codes.size(); ++i)
    codes[i] = int64_t(i * 2654435761u % 65536) - 32768;
  std::vector<int64_t> first = s.run(codes, tokens);
  fuzz::check(first.size() == size_t(tokens * s.getOutputSize()),
              "output size");
  s.reset();
  std::vector<int64_t> second = s.run(codes, tokens);
  fuzz::check(first == second, "the simulator is not deterministic");
  return 0;
}
