//===- ProgramFile.cpp - Loihi 2 program files (.l2) ----------------------===//
//
// Format (docs/loihi2-program-file.md):
//
//   lrnn-loihi2-program/1\n
//   bytes <N>\n
//   crc32 <8 lowercase hex digits>\n
//   \n
//   <N bytes: the module as MLIR text>
//
//===----------------------------------------------------------------------===//

#include "lrnn/Target/Loihi2/ProgramFile.h"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Ops.h"
#include "lrnn/Support/ErrorMessages.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CRC.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>
#include <limits>
#include <optional>

using namespace mlir;
using namespace lrnn;
using namespace lrnn::loihi2;

/// Longest header text or name quoted in an error, and longest MLIR
/// diagnostic passed on, so a hostile file cannot make an error huge.
static constexpr size_t kMaxQuotedLength = 64;
static constexpr size_t kMaxMessageLength = 2000;

/// Why `module` is not the content of a program file, if it is not: it must
/// hold exactly one loihi2.program and nothing else.
static std::optional<std::string> checkHoldsOneProgram(ModuleOp module) {
  Block &body = module.getBodyRegion().front();
  size_t count = body.getOperations().size();
  if (count == 1 && isa<ProgramOp>(body.front()))
    return std::nullopt;
  std::string found;
  if (count == 0) {
    found = "nothing";
  } else {
    found = std::to_string(count) + (count == 1 ? " op: " : " ops: ");
    size_t listed = 0;
    for (Operation &op : body) {
      if (listed == 3) {
        found += ", ...";
        break;
      }
      found += listed++ ? ", " : "";
      found += quoteForMessage(op.getName().getStringRef(), kMaxQuotedLength);
    }
  }
  return "expected exactly one loihi2.program and nothing else in the module, "
         "found " +
         found;
}

/// The first dense_resource of `module` whose blob is missing (elided when
/// printed, or never given): a file holding it would not be self-contained.
static std::optional<std::string> findMissingResource(ModuleOp module) {
  std::optional<std::string> missing;
  module->walk([&](Operation *op) {
    op->getAttrDictionary().walk([&](DenseResourceElementsAttr attr) {
      if (!missing && !attr.getRawHandle().getBlob())
        missing = attr.getRawHandle().getKey().str();
    });
    return missing ? WalkResult::interrupt() : WalkResult::advance();
  });
  return missing;
}

/// The payload's printing options. OpPrintingFlags() starts from the
/// --mlir-print-* command-line options of whatever tool links this library;
/// every one that changes the text is pinned, so a program prints to the
/// same bytes everywhere and nothing is elided.
static OpPrintingFlags getPayloadPrintingFlags() {
  constexpr int64_t kNever = std::numeric_limits<int64_t>::max();
  OpPrintingFlags flags;
  flags.elideLargeElementsAttrs(kNever)
      .elideLargeResourceString(kNever)
      .printLargeElementsAttrWithHex(100) // MLIR's default
      .enableDebugInfo(false, /*prettyForm=*/false)
      .printGenericOpForm(false)
      .skipRegions(false)
      .useLocalScope(false)
      .printValueUsers(false)
      .printUniqueSSAIDs(false)
      .printNameLocAsPrefix(false)
      .assumeVerified(); // writeProgramFile verified it.
  return flags;
}

static std::string formatCrc(uint32_t crc) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format_hex_no_prefix(crc, 8);
  return text;
}

static uint32_t payloadCrc(StringRef payload) {
  return llvm::crc32(llvm::arrayRefFromStringRef(payload));
}

LogicalResult lrnn::loihi2::writeProgramFile(ModuleOp module,
                                             llvm::raw_ostream &os) {
  auto fail = [&](const Twine &reason) {
    return module.emitError("cannot write a Loihi 2 program file: ") << reason;
  };
  // Resources are printed only with a top-level operation.
  if (module->getParentOp())
    return fail("the module is nested in another operation");
  if (std::optional<std::string> problem = checkHoldsOneProgram(module))
    return fail(*problem);
  if (failed(verify(module)))
    return failure();
  if (std::optional<std::string> key = findMissingResource(module))
    return fail("dense_resource " + quoteForMessage(*key, kMaxQuotedLength) +
                " has no data (elided?)");

  std::string payload;
  llvm::raw_string_ostream payloadStream(payload);
  module->print(payloadStream, getPayloadPrintingFlags());
  os << kProgramFileMagic << kProgramFileVersion << '\n'
     << "bytes " << payload.size() << '\n'
     << "crc32 " << formatCrc(payloadCrc(payload)) << '\n'
     << '\n'
     << payload;
  return success();
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

/// `text` made one line, its length bounded.
static std::string makeOneLine(StringRef text) {
  return lrnn::makeOneLine(text, kMaxMessageLength);
}

namespace {
/// The first error diagnostic emitted while it lives; it swallows every
/// diagnostic, so nothing reaches the context's other handlers.
class FirstErrorCapture {
public:
  FirstErrorCapture(MLIRContext *context, StringRef bufferName)
      : bufferName(bufferName.str()),
        handler(context, [this](Diagnostic &diag) {
          if (diag.getSeverity() == DiagnosticSeverity::Error && !captured)
            capture(diag);
          return success();
        }) {}

  /// "<what> at line L, column C: <message>" (the location only where it
  /// points into the file being read), or "<what>" without any error.
  std::string describe(StringRef what) const {
    if (!captured)
      return what.str();
    std::string text = what.str();
    if (line)
      text += " at line " + std::to_string(line) + ", column " +
              std::to_string(column);
    return text + ": " + message;
  }

  /// Forgets the captured error (the next stage reports its own).
  void reset() {
    captured = false;
    line = column = 0;
    message.clear();
  }

private:
  void capture(Diagnostic &diag) {
    captured = true;
    message = makeOneLine(diag.str());
    if (auto loc = diag.getLocation()->findInstanceOf<FileLineColLoc>()) {
      if (loc.getFilename().getValue() == bufferName) {
        line = loc.getLine();
        column = loc.getColumn();
      }
    }
  }

  std::string bufferName;
  bool captured = false;
  unsigned line = 0, column = 0;
  std::string message;
  ScopedDiagnosticHandler handler;
};

/// Reads the header's lines one at a time.
class HeaderReader {
public:
  explicit HeaderReader(StringRef bytes) : rest(bytes) {}

  /// The next line without its '\n'; none when the file ends first.
  std::optional<StringRef> next() {
    size_t end = rest.find('\n');
    if (end == StringRef::npos)
      return std::nullopt;
    StringRef line = rest.take_front(end);
    rest = rest.drop_front(end + 1);
    ++lines;
    return line;
  }

  unsigned getLineCount() const { return lines; }
  StringRef getRest() const { return rest; }

private:
  StringRef rest;
  unsigned lines = 0;
};
} // namespace


/// A canonical unsigned decimal of at most `maxDigits` digits (no sign, no
/// leading zero) that fits `value`.
static bool parseDecimal(StringRef text, size_t maxDigits, uint64_t &value) {
  if (text.empty() || text.size() > maxDigits ||
      !llvm::all_of(text, llvm::isDigit) ||
      (text.size() > 1 && text.front() == '0'))
    return false;
  return !text.getAsInteger(10, value);
}

static bool isLowerHex(char c) {
  return llvm::isDigit(c) || (c >= 'a' && c <= 'f');
}

llvm::Expected<OwningOpRef<ModuleOp>>
lrnn::loihi2::readProgramFile(StringRef bytes, StringRef name,
                              MLIRContext *context) {
  auto fail = [&](const Twine &reason) { return makeFileError(name, reason); };
  auto malformed = [&](unsigned lineNumber, StringRef expected,
                       StringRef line) {
    return fail("malformed header line " + Twine(lineNumber) + ": expected " +
                expected + ", got " + quoteForMessage(line, kMaxQuotedLength));
  };
  const char *truncatedHeader = "truncated: the file ends inside its header";

  if (bytes.empty())
    return fail("empty file");
  if (!bytes.starts_with(kProgramFileMagic)) {
    if (kProgramFileMagic.starts_with(bytes))
      return fail(truncatedHeader);
    return fail("not a Loihi 2 program file");
  }

  // The version comes first, so that a file of a later version is reported
  // as such even if the rest of its header looks different.
  HeaderReader header(bytes);
  std::optional<StringRef> line = header.next();
  if (!line)
    return fail(truncatedHeader);
  uint64_t version = 0;
  if (!parseDecimal(line->drop_front(kProgramFileMagic.size()), 9, version))
    return malformed(1, "'lrnn-loihi2-program/<version>'", *line);
  if (version != kProgramFileVersion)
    return fail("unsupported format version " + Twine(version) +
                "; this build reads " + Twine(kProgramFileVersion));

  line = header.next();
  if (!line)
    return fail(truncatedHeader);
  uint64_t expectedSize = 0;
  if (!line->starts_with("bytes ") ||
      !parseDecimal(line->drop_front(6), 20, expectedSize))
    return malformed(2, "'bytes <N>'", *line);

  line = header.next();
  if (!line)
    return fail(truncatedHeader);
  StringRef expectedCrc = line->drop_front(6);
  if (!line->starts_with("crc32 ") || expectedCrc.size() != 8 ||
      !llvm::all_of(expectedCrc, isLowerHex))
    return malformed(3, "'crc32 <8 lowercase hex digits>'", *line);

  line = header.next();
  if (!line)
    return fail(truncatedHeader);
  if (!line->empty())
    return malformed(4, "an empty line", *line);

  // The size is only compared, never used to allocate.
  StringRef payload = header.getRest();
  if (payload.size() < expectedSize)
    return fail("truncated: header says " + Twine(expectedSize) +
                " payload bytes, file has " + Twine(payload.size()));
  if (payload.size() > expectedSize)
    return fail("trailing garbage: header says " + Twine(expectedSize) +
                " payload bytes, file has " + Twine(payload.size()));
  std::string actualCrc = formatCrc(payloadCrc(payload));
  if (actualCrc != expectedCrc)
    return fail("checksum mismatch: header says " + expectedCrc +
                ", payload has " + actualCrc + " (corrupt file)");

  if (std::optional<size_t> at = findExcessiveNesting(payload, kMaxMlirNesting)) {
    StringRef before = payload.take_front(*at);
    size_t lineStart = before.rfind('\n');
    size_t column = lineStart == StringRef::npos ? *at + 1 : *at - lineStart;
    return fail("invalid MLIR at line " +
                Twine(header.getLineCount() + before.count('\n') + 1) +
                ", column " + Twine(column) + ": brackets nested deeper than " +
                Twine(kMaxMlirNesting) + " levels");
  }

  // Parse a copy whose header lines are blank, so that the locations of the
  // ops (and of errors) carry the file's own line numbers.
  unsigned headerLines = header.getLineCount();
  std::unique_ptr<llvm::WritableMemoryBuffer> source =
      llvm::WritableMemoryBuffer::getNewUninitMemBuffer(
          headerLines + payload.size(), name);
  if (!source)
    return fail("out of memory");
  std::memset(source->getBufferStart(), '\n', headerLines);
  if (!payload.empty())
    std::memcpy(source->getBufferStart() + headerLines, payload.data(),
                payload.size());
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(source), llvm::SMLoc());

  context->getOrLoadDialect<Loihi2Dialect>();
  FirstErrorCapture errors(context, name);
  // Verification is separate, to tell a malformed text from an invalid
  // program.
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(
      sourceMgr, ParserConfig(context, /*verifyAfterParse=*/false));
  if (!module)
    return fail(errors.describe("invalid MLIR"));
  // An error the parser recovered from is not the verifier's.
  errors.reset();
  if (std::optional<std::string> problem = checkHoldsOneProgram(*module))
    return fail(*problem);
  if (failed(verify(*module)))
    return fail(errors.describe("invalid program"));
  if (std::optional<std::string> key = findMissingResource(*module))
    return fail("not self-contained: dense_resource " +
                quoteForMessage(*key, kMaxQuotedLength) + " has no data");
  return module;
}

llvm::Expected<OwningOpRef<ModuleOp>>
lrnn::loihi2::loadProgramFile(StringRef path, MLIRContext *context) {
  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      readWholeFile(path);
  if (!buffer)
    return buffer.takeError();
  return readProgramFile((*buffer)->getBuffer(), path, context);
}
