//===- ProgramFileTest.cpp - Tests of Loihi 2 program files (.l2) ---------===//

#include "lrnn/Target/Loihi2/ProgramFile.h"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Dialect.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CRC.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <string>

using namespace mlir;
using namespace lrnn::loihi2;

namespace {

/// A program with a sparse block, a dense block, a dense_resource block and
/// placed groups with microcode.
constexpr llvm::StringLiteral kProgram = R"mlir(
loihi2.program @net attributes {system = "oheo-gulch", mode = "fall-through"} {
  loihi2.input @u {size = 3, width = 16}
  loihi2.synapse_block @w_in {source = @u, target = @g, port = 0,
      weights = #lrnn.sparse<[4, 3], nnz = 3, density = 0.25,
                             indices = dense<[[0, 0], [1, 2], [3, 1]]> : tensor<3x2xi32>,
                             values = dense<[64, -127, 5]> : tensor<3xi8>>,
      weight_exp = -2, delay = 0}
  loihi2.neuron_group @g attributes {size = 4,
      state = [{name = "v", width = 24}],
      placement = [{chip = 0, core = 0, first = 0, count = 2},
                   {chip = 0, core = 1, first = 2, count = 2}]} {
    %in = loihi2.mc.read_port 0
    %v = loihi2.mc.read_state "v"
    %c = loihi2.mc.const 3
    %p = loihi2.mc.mul %v, %c
    %r = loihi2.mc.shr_round %p, 2
    %s = loihi2.mc.add %r, %in
    loihi2.mc.write_state "v", %s
    %y = loihi2.mc.relu %s
    %t = loihi2.mc.sat %y, 16
    loihi2.mc.send %t
    loihi2.mc.yield
  }
  loihi2.synapse_block @w_gh {source = @g, target = @h, port = 0,
      weights = dense_resource<w_gh> : tensor<2x4xi8>,
      weight_exp = 1, delay = 1}
  loihi2.synapse_block @w_skip {source = @u, target = @h, port = 0,
      weights = dense<[[1, 0, -1], [0, 2, 0]]> : tensor<2x3xi8>,
      weight_exp = 0, delay = 0}
  loihi2.neuron_group @h attributes {size = 2, state = [],
      placement = [{chip = 0, core = 2, first = 0, count = 2}]} {
    %x = loihi2.mc.read_port 0
    %z = loihi2.mc.sat %x, 16
    loihi2.mc.send %z
    loihi2.mc.yield
  }
  loihi2.output @y {source = @g, size = 4}
}
{-#
  dialect_resources: {
    builtin: {
      w_gh: "0x0100000001FF0203FD7F8104"
    }
  }
#-}
)mlir";

/// A small valid program without resources.
constexpr llvm::StringLiteral kSmallProgram = R"mlir(
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 2, width = 8}
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    %x = loihi2.mc.read_port 0
    %t = loihi2.mc.sat %x, 8
    loihi2.mc.send %t
    loihi2.mc.yield
  }
  loihi2.synapse_block @w {source = @u, target = @g, port = 0,
      weights = dense<[[1, 2], [3, 4]]> : tensor<2x2xi8>,
      weight_exp = 0, delay = 0}
  loihi2.output @y {source = @g, size = 2}
}
)mlir";

class ProgramFileTest : public ::testing::Test {
protected:
  ProgramFileTest() {
    context.loadDialect<Loihi2Dialect>();
    // Any diagnostic that reaches the context escaped readProgramFile.
    context.getDiagEngine().registerHandler([this](Diagnostic &diag) {
      ++escapedDiagnostics;
      lastEscaped = diag.str();
      return success();
    });
  }

  OwningOpRef<ModuleOp> parse(llvm::StringRef text, MLIRContext &ctx,
                              bool verify = true) {
    return parseSourceString<ModuleOp>(text, ParserConfig(&ctx, verify));
  }

  /// The program file of `text` (which must parse and be writable).
  std::string writeFile(llvm::StringRef text) {
    OwningOpRef<ModuleOp> module = parse(text, context);
    EXPECT_TRUE(module);
    if (!module)
      return "";
    std::string bytes;
    llvm::raw_string_ostream os(bytes);
    EXPECT_TRUE(succeeded(writeProgramFile(*module, os)));
    return bytes;
  }

  /// The error of reading `bytes`, or "<no error>".
  std::string readError(llvm::StringRef bytes, MLIRContext *ctx = nullptr) {
    auto module = readProgramFile(bytes, "x.l2", ctx ? ctx : &context);
    if (module)
      return "<no error>";
    return llvm::toString(module.takeError());
  }

  MLIRContext context;
  int escapedDiagnostics = 0;
  std::string lastEscaped;
};

std::string crcHex(llvm::StringRef payload) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format_hex_no_prefix(
      llvm::crc32(llvm::arrayRefFromStringRef(payload)), 8);
  return text;
}

/// A version-1 file around `payload`, with its correct size and checksum.
std::string wrap(llvm::StringRef payload) {
  return "lrnn-loihi2-program/1\nbytes " + std::to_string(payload.size()) +
         "\ncrc32 " + crcHex(payload) + "\n\n" + payload.str();
}

std::string print(ModuleOp module) {
  std::string text;
  llvm::raw_string_ostream os(text);
  module->print(os);
  return text;
}

/// The payload of a file written by writeProgramFile (after the blank line).
llvm::StringRef payloadOf(llvm::StringRef file) {
  size_t at = file.find("\n\n");
  return at == llvm::StringRef::npos ? "" : file.drop_front(at + 2);
}

TEST(ProgramFileCrcTest, IsTheStandardCrc32) {
  // The CRC-32 check value (ISO-HDLC, as zlib and Python's zlib.crc32), so
  // other tools can check a file.
  EXPECT_EQ(crcHex("123456789"), "cbf43926");
}

TEST_F(ProgramFileTest, RoundTripPreservesTheModule) {
  OwningOpRef<ModuleOp> original = parse(kProgram, context);
  ASSERT_TRUE(original);
  std::string bytes;
  llvm::raw_string_ostream os(bytes);
  ASSERT_TRUE(succeeded(writeProgramFile(*original, os)));

  llvm::StringRef payload = payloadOf(bytes);
  EXPECT_EQ(bytes, "lrnn-loihi2-program/1\nbytes " +
                       std::to_string(payload.size()) + "\ncrc32 " +
                       crcHex(payload) + "\n\n" + payload.str());
  // Self-contained: the blob travels in the payload.
  EXPECT_NE(payload.find("0x0100000001FF0203FD7F8104"), llvm::StringRef::npos);

  // A fresh context, as a loader has: resource names cannot collide.
  MLIRContext other;
  auto loaded = readProgramFile(bytes, "x.l2", &other);
  ASSERT_TRUE(bool(loaded)) << llvm::toString(loaded.takeError());
  EXPECT_EQ(print(**loaded), print(*original));
  EXPECT_EQ(escapedDiagnostics, 0);

  // Writing the loaded module gives the same bytes.
  std::string again;
  llvm::raw_string_ostream againOs(again);
  ASSERT_TRUE(succeeded(writeProgramFile(**loaded, againOs)));
  EXPECT_EQ(again, bytes);
}

TEST_F(ProgramFileTest, LoadedOpsCarryTheFileLineNumbers) {
  std::string bytes = writeFile(kSmallProgram);
  MLIRContext other;
  auto loaded = readProgramFile(bytes, "x.l2", &other);
  ASSERT_TRUE(bool(loaded)) << llvm::toString(loaded.takeError());
  Operation &program = (*loaded)->getBody()->front();
  auto loc = dyn_cast<FileLineColLoc>(program.getLoc());
  ASSERT_TRUE(loc);
  EXPECT_EQ(loc.getFilename().getValue(), "x.l2");
  llvm::SmallVector<llvm::StringRef> lines;
  llvm::StringRef(bytes).split(lines, '\n');
  ASSERT_GE(lines.size(), loc.getLine());
  EXPECT_TRUE(lines[loc.getLine() - 1].trim().starts_with("loihi2.program"))
      << lines[loc.getLine() - 1].str();
}

TEST_F(ProgramFileTest, LoadProgramFileReadsFromDisk) {
  std::string bytes = writeFile(kSmallProgram);
  llvm::SmallString<128> path;
  int fd = -1;
  ASSERT_FALSE(
      llvm::sys::fs::createTemporaryFile("lrnn-program", "l2", fd, path));
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << bytes;
  }
  auto loaded = loadProgramFile(path, &context);
  llvm::sys::fs::remove(path);
  ASSERT_TRUE(bool(loaded)) << llvm::toString(loaded.takeError());

  auto missing = loadProgramFile("/nonexistent/dir/model.l2", &context);
  ASSERT_FALSE(bool(missing));
  EXPECT_EQ(
      llvm::toString(missing.takeError()),
      "/nonexistent/dir/model.l2: cannot open: No such file or directory");
}

TEST_F(ProgramFileTest, HeaderErrors) {
  std::string good = writeFile(kSmallProgram);
  llvm::StringRef payload = payloadOf(good);
  std::string size = std::to_string(payload.size());
  std::string crc = crcHex(payload);
  auto file = [&](llvm::StringRef header) {
    return header.str() + payload.str();
  };

  EXPECT_EQ(readError(""), "x.l2: empty file");
  EXPECT_EQ(readError("hello\n"), "x.l2: not a Loihi 2 program file");
  EXPECT_EQ(readError("\177ELF"), "x.l2: not a Loihi 2 program file");
  EXPECT_EQ(readError("lrnn-loihi"),
            "x.l2: truncated: the file ends inside its header");
  EXPECT_EQ(readError("lrnn-loihi2-program/1"),
            "x.l2: truncated: the file ends inside its header");
  EXPECT_EQ(readError(file("lrnn-loihi2-program/2\nbytes 1\ncrc32 0\n\n")),
            "x.l2: unsupported format version 2; this build reads 1");
  EXPECT_EQ(readError("lrnn-loihi2-program/0\n"),
            "x.l2: unsupported format version 0; this build reads 1");
  EXPECT_EQ(readError("lrnn-loihi2-program/01\n"),
            "x.l2: malformed header line 1: expected "
            "'lrnn-loihi2-program/<version>', got 'lrnn-loihi2-program/01'");
  EXPECT_EQ(readError("lrnn-loihi2-program/1\r\nbytes 1\n"),
            "x.l2: malformed header line 1: expected "
            "'lrnn-loihi2-program/<version>', got "
            "'lrnn-loihi2-program/1\\x0d'");
  EXPECT_EQ(readError("lrnn-loihi2-program/\n"),
            "x.l2: malformed header line 1: expected "
            "'lrnn-loihi2-program/<version>', got 'lrnn-loihi2-program/'");
  EXPECT_EQ(readError("lrnn-loihi2-program/1\nbytes 12"),
            "x.l2: truncated: the file ends inside its header");
  EXPECT_EQ(
      readError(file("lrnn-loihi2-program/1\nbytes -1\ncrc32 " + crc + "\n\n")),
      "x.l2: malformed header line 2: expected 'bytes <N>', got 'bytes -1'");
  EXPECT_EQ(
      readError(file("lrnn-loihi2-program/1\nbytes 0" + size + "\ncrc32 " +
                     crc + "\n\n")),
      "x.l2: malformed header line 2: expected 'bytes <N>', got 'bytes 0" +
          size + "'");
  EXPECT_EQ(readError(file("lrnn-loihi2-program/1\nsize " + size + "\ncrc32 " +
                           crc + "\n\n")),
            "x.l2: malformed header line 2: expected 'bytes <N>', got 'size " +
                size + "'");
  EXPECT_EQ(readError(file(
                "lrnn-loihi2-program/1\nbytes 18446744073709551616\ncrc32 " +
                crc + "\n\n")),
            "x.l2: malformed header line 2: expected 'bytes <N>', got "
            "'bytes 18446744073709551616'");
  EXPECT_EQ(readError(file("lrnn-loihi2-program/1\nbytes " + size + "\ncrc32 " +
                           llvm::StringRef(crc).upper() + "x\n\n")),
            "x.l2: malformed header line 3: expected 'crc32 <8 lowercase hex "
            "digits>', got 'crc32 " +
                llvm::StringRef(crc).upper() + "x'");
  EXPECT_EQ(readError(file("lrnn-loihi2-program/1\nbytes " + size +
                           "\ncrc32 ABCDEF01\n\n")),
            "x.l2: malformed header line 3: expected 'crc32 <8 lowercase hex "
            "digits>', got 'crc32 ABCDEF01'");
  EXPECT_EQ(readError(file("lrnn-loihi2-program/1\nbytes " + size + "\ncrc32 " +
                           crc + "\n")),
            "x.l2: malformed header line 4: expected an empty line, got "
            "'module {'");
  EXPECT_EQ(escapedDiagnostics, 0);
}

TEST_F(ProgramFileTest, SizeAndChecksumErrors) {
  std::string good = writeFile(kSmallProgram);
  size_t n = payloadOf(good).size();
  std::string size = std::to_string(n);

  EXPECT_EQ(readError(llvm::StringRef(good).drop_back(10)),
            "x.l2: truncated: header says " + size +
                " payload bytes, file has " + std::to_string(n - 10));
  EXPECT_EQ(readError(good + "junk"), "x.l2: trailing garbage: header says " +
                                          size + " payload bytes, file has " +
                                          std::to_string(n + 4));
  // An absurd size is compared, never allocated.
  std::string huge = good;
  huge.replace(huge.find("bytes ") + 6, size.size(), "18446744073709551615");
  EXPECT_EQ(readError(huge),
            "x.l2: truncated: header says 18446744073709551615 "
            "payload bytes, file has " +
                size);

  std::string corrupt = good;
  size_t at = corrupt.find("oheo-gulch");
  corrupt[at] = 'O';
  std::string expectedCrc = crcHex(payloadOf(good));
  std::string actualCrc = crcHex(payloadOf(corrupt));
  EXPECT_EQ(readError(corrupt), "x.l2: checksum mismatch: header says " +
                                    expectedCrc + ", payload has " + actualCrc +
                                    " (corrupt file)");
  EXPECT_EQ(escapedDiagnostics, 0);
}

TEST_F(ProgramFileTest, PayloadErrors) {
  // Malformed MLIR: the error points at the file's line (the payload starts
  // on line 5).
  EXPECT_EQ(readError(wrap("loihi2.program @p {\n")),
            "x.l2: invalid MLIR at line 5, column 20: expected operation name "
            "in quotes");
  EXPECT_EQ(readError(wrap("loihi2.prgram @p\n")),
            "x.l2: invalid MLIR at line 5, column 1: custom op 'loihi2.prgram' "
            "is unknown");
  // Not exactly one program.
  EXPECT_EQ(readError(wrap("")),
            "x.l2: expected exactly one loihi2.program and nothing else in "
            "the module, found nothing");
  EXPECT_EQ(readError(wrap("module {}\n")),
            "x.l2: expected exactly one loihi2.program and nothing else in "
            "the module, found nothing");
  std::string two = kSmallProgram.str() + "\n" + kSmallProgram.str();
  size_t second = two.rfind("@p");
  two.replace(second, 2, "@q");
  EXPECT_EQ(readError(wrap(two)),
            "x.l2: expected exactly one loihi2.program and nothing else in "
            "the module, found 2 ops: 'loihi2.program', 'loihi2.program'");
  // An invalid program: the verifier's message and location.
  std::string badSystem = kSmallProgram.str();
  badSystem.replace(badSystem.find("oheo-gulch"), 10, "nowhere");
  std::string error = readError(wrap(badSystem));
  EXPECT_TRUE(llvm::StringRef(error).starts_with(
      "x.l2: invalid program at line 6, column 1: 'loihi2.program' op "))
      << error;
  EXPECT_NE(error.find("unknown system 'nowhere'"), std::string::npos) << error;
  // A resource without data: the file is not self-contained.
  std::string noBlob = kProgram.str();
  noBlob.erase(noBlob.find("{-#"));
  error = readError(wrap(noBlob));
  EXPECT_TRUE(llvm::StringRef(error).starts_with("x.l2: ")) << error;
  EXPECT_NE(error.find("w_gh"), std::string::npos) << error;
  EXPECT_NE(error.find("no data"), std::string::npos) << error;
  EXPECT_EQ(escapedDiagnostics, 0) << lastEscaped;
}

TEST_F(ProgramFileTest, DeepNestingIsRefusedBeforeParsing) {
  // The MLIR parser would overflow the stack on brackets nested thousands
  // deep.
  auto nested = [](size_t depth, llvm::StringRef prefix = "") {
    return prefix.str() + "module attributes {x = " + std::string(depth, '[') +
           std::string(depth, ']') + "} {}\n";
  };
  std::string none = "x.l2: expected exactly one loihi2.program and nothing "
                     "else in the module, found nothing";
  EXPECT_EQ(readError(wrap(nested(250))), none);
  EXPECT_EQ(readError(wrap(nested(1000000))),
            "x.l2: invalid MLIR at line 5, column 279: brackets nested deeper "
            "than 256 levels");
  std::string regions;
  for (int i = 0; i < 100000; ++i)
    regions += "module {";
  EXPECT_EQ(readError(wrap(regions)),
            "x.l2: invalid MLIR at line 5, column 2056: brackets nested deeper "
            "than 256 levels");
  // Brackets in strings and comments do not count; '->' closes nothing.
  std::string quoted = "\"" + std::string(1000, '[') + "\\\"" + "\"";
  EXPECT_EQ(readError(wrap("// " + std::string(1000, '(') + "\n" +
                           "module attributes {x = " + quoted + "} {}\n")),
            none);
  std::string arrows;
  for (int i = 0; i < 300; ++i)
    arrows += "<->";
  EXPECT_EQ(readError(wrap(arrows)),
            "x.l2: invalid MLIR at line 5, column 769: brackets nested deeper "
            "than 256 levels");
  EXPECT_EQ(escapedDiagnostics, 0) << lastEscaped;
}

TEST_F(ProgramFileTest, WriterRejectsWhatItCannotWrite) {
  auto writeError = [&](llvm::StringRef text) -> std::string {
    OwningOpRef<ModuleOp> module = parse(text, context, /*verify=*/false);
    if (!module)
      return "<parse failed>";
    escapedDiagnostics = 0;
    std::string bytes;
    llvm::raw_string_ostream os(bytes);
    if (succeeded(writeProgramFile(*module, os)))
      return "<no error>";
    EXPECT_TRUE(bytes.empty()); // Nothing is written on failure.
    EXPECT_EQ(escapedDiagnostics, 1);
    return lastEscaped;
  };
  EXPECT_EQ(writeError("module {}"),
            "cannot write a Loihi 2 program file: expected exactly one "
            "loihi2.program and nothing else in the module, found nothing");
  std::string two = kSmallProgram.str() + kSmallProgram.str();
  two.replace(two.rfind("@p"), 2, "@q");
  EXPECT_EQ(writeError(two),
            "cannot write a Loihi 2 program file: expected exactly one "
            "loihi2.program and nothing else in the module, found 2 ops: "
            "'loihi2.program', 'loihi2.program'");
  std::string badSystem = kSmallProgram.str();
  badSystem.replace(badSystem.find("oheo-gulch"), 10, "nowhere");
  std::string error = writeError(badSystem);
  EXPECT_TRUE(llvm::StringRef(error).starts_with("'loihi2.program' op "))
      << error;
  EXPECT_NE(error.find("unknown system 'nowhere'"), std::string::npos) << error;
  std::string noBlob = kProgram.str();
  noBlob.erase(noBlob.find("{-#"));
  error = writeError(noBlob);
  EXPECT_NE(error.find("w_gh"), std::string::npos) << error;
  EXPECT_NE(error.find("no data"), std::string::npos) << error;
}

/// Every damaged file must be refused with a one-line error, never crash.
void expectOneLineError(const std::string &error, const std::string &what) {
  EXPECT_TRUE(llvm::StringRef(error).starts_with("x.l2: "))
      << what << ": " << error;
  EXPECT_EQ(error.find('\n'), std::string::npos) << what << ": " << error;
}

TEST_F(ProgramFileTest, EveryTruncationIsAnError) {
  std::string good = writeFile(kProgram);
  for (size_t length = 0; length < good.size(); ++length)
    expectOneLineError(readError(llvm::StringRef(good).take_front(length)),
                       "truncated at " + std::to_string(length));
  EXPECT_EQ(escapedDiagnostics, 0);
}

TEST_F(ProgramFileTest, EveryHeaderByteFlipIsAnError) {
  std::string good = writeFile(kProgram);
  size_t headerSize = good.size() - payloadOf(good).size();
  for (size_t at = 0; at < headerSize; ++at) {
    for (unsigned mask : {0x01u, 0x20u, 0x80u, 0xffu}) {
      std::string damaged = good;
      damaged[at] = static_cast<char>(damaged[at] ^ mask);
      expectOneLineError(readError(damaged), "byte " + std::to_string(at) +
                                                 " ^ " + std::to_string(mask));
    }
  }
  EXPECT_EQ(escapedDiagnostics, 0);
}

TEST_F(ProgramFileTest, PayloadByteFlipsFailTheChecksum) {
  std::string good = writeFile(kProgram);
  size_t headerSize = good.size() - payloadOf(good).size();
  for (size_t at = headerSize; at < good.size(); at += 7) {
    std::string damaged = good;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
    std::string error = readError(damaged);
    EXPECT_NE(error.find("checksum mismatch"), std::string::npos)
        << "byte " << at << ": " << error;
  }
}

// A payload damaged before the checksum was computed reaches the MLIR parser
// and the verifiers; each byte is replaced by characters that matter to the
// syntax. Some damage leaves a valid program; the rest must be one-line
// errors. Disabled while loihi2.synapse_block's verifier reads `size` of a
// target group that has not been verified yet: it crashes on a group whose
// `size` attribute is damaged (docs/loihi2-program-file.md, "Reading", last
// paragraph). Run it with --gtest_also_run_disabled_tests.
TEST_F(ProgramFileTest, DamagedPayloadsWithValidChecksumsNeverCrash) {
  std::string payload = payloadOf(writeFile(kProgram)).str();
  for (size_t at = 0; at < payload.size(); ++at) {
    for (char c : {'\0', '}', '"', '9', '-', '#'}) {
      std::string damaged = payload;
      damaged[at] = c;
      auto module = readProgramFile(wrap(damaged), "x.l2", &context);
      if (!module)
        expectOneLineError(llvm::toString(module.takeError()),
                           "payload byte " + std::to_string(at));
    }
  }
  EXPECT_EQ(escapedDiagnostics, 0) << lastEscaped;
}

} // namespace
