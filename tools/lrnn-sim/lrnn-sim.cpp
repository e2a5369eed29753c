//===- lrnn-sim.cpp - Run a Loihi 2 program file on the simulator ---------===//
//
// lrnn-sim MODEL.l2 --input IN.npy --output OUT.npy [--raw]
//          [--report REPORT.json] [--trace TRACE.txt] [--quiet]
//
// Loads a program file (lrnnc --target=loihi2, docs/loihi2-program-file.md),
// quantises the [T, d_input] float32/float64 input at the program's input
// exponent, runs it on the functional simulator from the zero state
// (T tokens in T + latency time steps) and writes the [T, d_output] outputs
// aligned with the tokens: dequantised float32 (code * 2^-exp), or the int32
// codes with --raw. Both equal the integer interpreter's (lrnn-run FIXED.mlir
// [--raw]) bit for bit.
//
// --report writes the JSON report "lrnn-loihi2-sim/1" (counts, per-step
// distributions, per core, latency/energy/power estimates with the sources
// of their constants, real-time margin, simulator speed; docs/loihi2.md);
// --trace writes one line per time step with its counts and estimates ("-"
// for stdout). A summary of 6 lines goes to stdout unless --quiet. While a
// run is long (over 0.5 s) and stdout is a terminal, a progress line on
// stderr is updated every 0.5 s.
//
// Errors are one line "lrnn-sim: error: FILE: reason", exit status 1, and no
// output file: every file is complete in memory before any is written
// (lrnn::writeAllOrNothing).
//
//===----------------------------------------------------------------------===//

#include "lrnn/InitAll.h"
#include "lrnn/Interpreter/FixedInterpreter.h"
#include "lrnn/Support/Npy.h"
#include "lrnn/Support/OutputFiles.h"
#include "lrnn/Target/Loihi2/ProgramFile.h"
#include "lrnn/Target/Loihi2Sim/SimulationReport.h"
#include "lrnn/Target/Loihi2Sim/Simulator.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <optional>

using namespace llvm;
namespace l2 = lrnn::loihi2;

static cl::OptionCategory simCategory("lrnn-sim options");

static cl::opt<std::string> programPath(cl::Positional, cl::Required,
                                        cl::desc("<model.l2>"),
                                        cl::cat(simCategory));
static cl::opt<std::string> inputPath("input", cl::Required,
                                      cl::desc("[T, d_input] float32/64 .npy"),
                                      cl::value_desc("file"),
                                      cl::cat(simCategory));
static cl::opt<std::string> outputPath(
    "output", cl::Required,
    cl::desc("[T, d_output] .npy: dequantised float32 outputs, or int32 "
             "codes with --raw"),
    cl::value_desc("file"), cl::cat(simCategory));
static cl::opt<bool>
    rawOutput("raw",
              cl::desc("Write the output codes as int32 instead of dequantised "
                       "float32"),
              cl::cat(simCategory));
static cl::opt<std::string> reportPath(
    "report",
    cl::desc("Write the JSON report (lrnn-loihi2-sim/1): counts, per-step "
             "and per-core statistics, latency and energy estimates"),
    cl::value_desc("file"), cl::cat(simCategory));
static cl::opt<std::string> tracePath(
    "trace",
    cl::desc("Write one line per time step with its counts and estimates "
             "('-' for stdout)"),
    cl::value_desc("file"), cl::cat(simCategory));
static cl::opt<bool> quiet("quiet",
                           cl::desc("Print no summary and no progress line"),
                           cl::cat(simCategory));

static int fail(const Twine &message) {
  WithColor::error(errs(), "lrnn-sim") << message << "\n";
  return 1;
}

static double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

namespace {
/// The progress line of a long run: on stderr, rewritten in place every
/// 0.5 s from 0.5 s into the run, erased at the end.
class Progress {
public:
  void operator()(int64_t done, int64_t total) {
    // The clock is read every 64 steps only.
    if (done % 64 != 0 && done != total)
      return;
    double elapsed = secondsSince(start);
    if (elapsed < nextAt)
      return;
    nextAt = elapsed + 0.5;
    errs() << format("\rlrnn-sim: step %lld of %lld (%.0f%%), %.0f steps/s",
                     static_cast<long long>(done),
                     static_cast<long long>(total),
                     total ? 100.0 * done / total : 100.0, done / elapsed);
    errs().flush();
    shown = true;
  }
  ~Progress() {
    if (shown) {
      errs() << "\r" << std::string(72, ' ') << "\r";
      errs().flush();
    }
  }

private:
  std::chrono::steady_clock::time_point start =
      std::chrono::steady_clock::now();
  double nextAt = 0.5;
  bool shown = false;
};
} // namespace

int main(int argc, char **argv) {
  InitLLVM y(argc, argv);
  cl::HideUnrelatedOptions(simCategory);
  cl::ParseCommandLineOptions(
      argc, argv,
      "lrnn-sim: run a Loihi 2 program file on the functional simulator\n\n"
      "  lrnn-sim MODEL.l2 --input IN.npy --output OUT.npy [--raw] "
      "[--report REPORT.json] [--trace FILE] [--quiet]\n\n"
      "Quantises the float input at the program's input exponent, runs it "
      "from the\nzero state and writes the outputs aligned with the input "
      "tokens (dequantised\nfloat32, or int32 codes with --raw), bit-exact "
      "with lrnn-run's integer\ninterpreter. Counts are exact; latency and "
      "energy are estimates from the\nprogram's target description. A "
      "failed run writes no file.\n");

  mlir::DialectRegistry registry;
  lrnn::registerAllDialects(registry);
  mlir::MLIRContext context(registry);

  auto module = l2::loadProgramFile(programPath, &context);
  if (!module)
    return fail(toString(module.takeError()));
  // The loader guarantees exactly one program.
  l2::ProgramOp program = *(*module)->getOps<l2::ProgramOp>().begin();
  auto sim = l2::Simulator::create(program);
  if (!sim)
    return fail(programPath + ": " + toString(sim.takeError()));

  int64_t dIn = (*sim)->getInputSize(), dOut = (*sim)->getOutputSize();
  int64_t tokens = 0;
  auto inputs = lrnn::readFloatSequence(inputPath, dIn, tokens, dOut);
  if (!inputs)
    return fail(toString(inputs.takeError()));
  std::vector<int64_t> codes = (*sim)->quantizeInputs(*inputs);

  std::optional<Progress> progress;
  if (!quiet && sys::Process::StandardOutIsDisplayed()) {
    progress.emplace();
    (*sim)->setProgressCallback(
        [&](int64_t done, int64_t total) { (*progress)(done, total); });
  }
  auto start = std::chrono::steady_clock::now();
  std::vector<int64_t> out = (*sim)->run(codes, tokens);
  double seconds = secondsSince(start);
  (*sim)->setProgressCallback(nullptr);
  progress.reset();

  std::vector<lrnn::PendingFile> files;
  files.push_back({outputPath,
                   lrnn::serializeFixedOutputNpy(
                       tokens, dOut, out, (*sim)->getOutputExponent(),
                       rawOutput),
                   "cannot create temporary file"});
  StringRef name = program.getSymName();
  if (!reportPath.empty()) {
    std::string text;
    raw_string_ostream os(text);
    l2::writeSimulationReportJson(**sim, name, tokens, seconds, os);
    files.push_back({reportPath, std::move(text), "cannot open for writing"});
  }
  if (!tracePath.empty()) {
    std::string text;
    raw_string_ostream os(text);
    l2::writeSimulationTrace(**sim, os);
    files.push_back({tracePath, std::move(text), "cannot open for writing"});
  }
  if (Error err = lrnn::writeAllOrNothing(files))
    return fail(toString(std::move(err)));

  const l2::SimulationCounters &counters = (*sim)->getCounters();
  if (counters.saturations || counters.inputSaturations)
    WithColor::warning(errs(), "lrnn-sim")
        << programPath << ": " << counters.saturations << " value"
        << (counters.saturations == 1 ? "" : "s")
        << " saturated in the program, " << counters.inputSaturations
        << " at the input boundary\n";
  if (!quiet)
    l2::printSimulationSummary(**sim, name, tokens, seconds, outs());
  return 0;
}
