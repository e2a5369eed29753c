//===- Report.cpp - What a loihi2 program uses of its system --------------===//
//
// Prints per-core usage, totals and the full-traffic bound of a program.
// Every number comes from Loihi2Resources.h (the functions the program
// verifier checks with); this file only formats them.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/Loihi2/Transforms/Report.h"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Resources.h"
#include "lrnn/Dialect/Loihi2/Transforms/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <string>
#include <vector>

namespace lrnn {
namespace loihi2 {
#define GEN_PASS_DEF_LOIHI2RESOURCEREPORT
#include "lrnn/Dialect/Loihi2/Transforms/Passes.h.inc"
} // namespace loihi2
} // namespace lrnn

using namespace mlir;
using namespace lrnn::loihi2;

namespace {
/// A text table: columns as wide as their widest cell, two spaces apart,
/// numbers right-aligned, the columns marked in `left` left-aligned.
struct Table {
  std::vector<std::string> header;
  std::vector<bool> left;
  std::vector<std::vector<std::string>> rows;

  void print(llvm::raw_ostream &os) const {
    std::vector<size_t> width(header.size(), 0);
    for (size_t c = 0; c < header.size(); ++c)
      width[c] = header[c].size();
    for (const auto &row : rows)
      for (size_t c = 0; c < row.size(); ++c)
        width[c] = std::max(width[c], row[c].size());
    auto printRow = [&](const std::vector<std::string> &row) {
      std::string line;
      for (size_t c = 0; c < row.size(); ++c) {
        if (c)
          line += "  ";
        std::string pad(width[c] - row[c].size(), ' ');
        line += left[c] ? row[c] + pad : pad + row[c];
      }
      // The last column may be left-aligned: no trailing blanks.
      os << llvm::StringRef(line).rtrim() << "\n";
    };
    printRow(header);
    for (const auto &row : rows)
      printRow(row);
  }
};
} // namespace

static std::string percent(int64_t part, int64_t whole) {
  return llvm::formatv("{0:F1}%", whole ? 100.0 * part / whole : 0.0).str();
}

static std::string plural(int64_t n, llvm::StringRef one,
                          llvm::StringRef many) {
  return std::to_string(n) + " " + (n == 1 ? one : many).str();
}

void lrnn::loihi2::printResourceReport(ProgramOp program,
                                       llvm::raw_ostream &os) {
  const TargetDescription &desc = program.getTargetDescription();
  os << "loihi2 resource report: @" << program.getSymName() << "\n";
  llvm::Expected<SystemDescription> system =
      desc.getSystem(program.getSystem());
  if (!system) {
    os << "error: " << llvm::toString(system.takeError()) << "\n";
    return;
  }
  os << "system: " << system->name << ", "
     << plural(system->chips, "chip", "chips") << " (" << system->meshX << " x "
     << system->meshY << " chip mesh), " << desc.coresPerChip
     << " cores per chip (" << desc.meshX << " x " << desc.meshY
     << " core mesh)\n";
  os << "mode: " << program.getMode() << "\n";

  std::vector<BlockInfo> blocks = collectBlocks(program);
  Routes routes = computeRoutes(program, blocks);
  std::vector<CoreUsage> cores =
      computeCoreUsage(program, desc, blocks, routes);
  SmallVector<NeuronGroupOp> unplaced;
  for (auto group : program.getBody().front().getOps<NeuronGroupOp>())
    if (!group.getPlacement())
      unplaced.push_back(group);

  if (cores.empty()) {
    // Not placed: what each group would take whole, on one core.
    os << "cores used: none (the program is not placed; run --loihi2-place "
          "for per-core usage)\n\n";
    llvm::DenseMap<Operation *, SmallVector<const BlockInfo *>> into;
    for (const BlockInfo &block : blocks)
      into[block.target].push_back(&block);
    Table table{{"group", "neurons", "registers", "instructions", "synapses",
                 "bytes if on one core", "input axons if on one core"},
                {true, false, false, false, false, false, false},
                {}};
    int64_t neurons = 0, synapses = 0;
    for (NeuronGroupOp group : unplaced) {
      RangeCost cost =
          getRangeCost(desc, group, into[group], 0, group.getSize());
      table.rows.push_back(
          {group.getSymName().str(), std::to_string(group.getSize()),
           std::to_string(group.getNumRegisters()),
           std::to_string(group.getNumInstructions()),
           std::to_string(cost.synapses), std::to_string(cost.bytes),
           std::to_string(cost.inputAxons)});
      neurons += group.getSize();
      synapses += cost.synapses;
    }
    table.print(os);
    os << "\ntotals:\n"
       << "  groups: " << unplaced.size() << "\n"
       << "  neurons: " << neurons << "\n"
       << "  synapses: " << synapses << "\n";
    return;
  }

  llvm::SmallSet<int64_t, 8> chips;
  for (const CoreUsage &use : cores)
    chips.insert(use.chip);
  os << "cores used: " << cores.size() << " of " << desc.coresInSystem(*system)
     << "; chips used: " << chips.size() << " of " << system->chips << "\n\n";

  Table table{
      {"chip", "core", "x,y", "neurons", "memory bytes", "memory %", "synapses",
       "input axons", "output routes", "groups"},
      {false, false, false, false, false, false, false, false, false, true},
      {}};
  int64_t neurons = 0, synapses = 0;
  const CoreUsage *largest = &cores.front();
  for (const CoreUsage &use : cores) {
    CorePosition at = getCorePosition(desc, *system, use.chip, use.core);
    table.rows.push_back(
        {std::to_string(use.chip), std::to_string(use.core),
         std::to_string(at.x) + "," + std::to_string(at.y),
         std::to_string(use.neurons), std::to_string(use.bytes),
         percent(use.bytes, desc.memoryBytesPerCore),
         std::to_string(use.synapses), std::to_string(use.inputAxons),
         std::to_string(use.outputAxons), llvm::join(use.groups, ", ")});
    neurons += use.neurons;
    synapses += use.synapses;
    if (use.bytes > largest->bytes)
      largest = &use;
  }
  table.print(os);
  if (!unplaced.empty()) {
    os << "not placed (not counted):";
    for (NeuronGroupOp group : unplaced)
      os << " " << group.getSymName();
    os << "\n";
  }

  Distance traffic = getFullTrafficDistance(program, desc, *system, routes);
  os << "\ntotals:\n"
     << "  cores used: " << cores.size() << "\n"
     << "  neurons: " << neurons << "\n"
     << "  synapses: " << synapses << "\n"
     << "  largest core memory: " << largest->bytes << " bytes ("
     << percent(largest->bytes, desc.memoryBytesPerCore)
     << " of memory_bytes_per_core = " << desc.memoryBytesPerCore << "), chip "
     << largest->chip << " core " << largest->core << "\n"
     << "  mesh hops per step (every neuron sending, an upper bound): "
     << traffic.hops << "\n"
     << "  chip crossings per step (every neuron sending, an upper bound): "
     << traffic.chipCrossings << "\n"
     << "  (the real traffic depends on activity, since neurons with a zero "
        "output send nothing; the simulator measures it)\n";
}

namespace {
struct Loihi2ResourceReportPass
    : public lrnn::loihi2::impl::Loihi2ResourceReportBase<
          Loihi2ResourceReportPass> {
  using Base::Base;

  void runOnOperation() override {
    markAllAnalysesPreserved();
    bool first = true;
    for (ProgramOp program : getOperation().getOps<ProgramOp>()) {
      if (!first)
        llvm::outs() << "\n";
      first = false;
      printResourceReport(program, llvm::outs());
    }
    llvm::outs().flush();
  }
};
} // namespace
