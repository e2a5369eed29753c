//===- Loihi2Ops.cpp - loihi2 operations and their verifiers -------------===//
//
// Every verifier checks against the built-in target description
// (lrnn::loihi2::getDefaultTargetDescription()).
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/Loihi2/IR/Loihi2Ops.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Target/Loihi2/TargetDescription.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <map>
#include <optional>

using namespace mlir;
using namespace lrnn::loihi2;

static const TargetDescription &target() {
  return getDefaultTargetDescription();
}

/// M = 2^(R-1) - 1, the largest register value.
static int64_t registerMax() {
  return (int64_t(1) << (target().neuronRegisterBits - 1)) - 1;
}

/// The integer `key` of `dict`, or nullopt when missing or not an integer.
static std::optional<int64_t> getInt(DictionaryAttr dict, StringRef key) {
  if (auto attr = dict.getAs<IntegerAttr>(key))
    return attr.getInt();
  return std::nullopt;
}

/// The system of the program holding `op`, or nullopt when it has none or
/// names an unknown one (the program's verifier reports that).
static std::optional<SystemDescription> getSystemOf(Operation *op) {
  auto program = op->getParentOfType<ProgramOp>();
  if (!program)
    return std::nullopt;
  auto system = target().getSystem(program.getSystem());
  if (!system) {
    llvm::consumeError(system.takeError());
    return std::nullopt;
  }
  return *system;
}

static Operation *lookup(Operation *op, FlatSymbolRefAttr symbol) {
  auto program = op->getParentOfType<ProgramOp>();
  if (!program)
    return nullptr;
  return SymbolTable::lookupSymbolIn(program, symbol.getAttr());
}

//===----------------------------------------------------------------------===//
// ProgramOp
//===----------------------------------------------------------------------===//

ExecutionMode ProgramOp::getExecutionMode() {
  return *symbolizeExecutionMode(getMode());
}

LogicalResult ProgramOp::verify() {
  auto system = target().getSystem(getSystem());
  if (!system)
    return emitOpError() << llvm::toString(system.takeError());
  if (!symbolizeExecutionMode(getMode()))
    return emitOpError() << "mode must be 'fall-through' or 'pipelined', got '"
                         << getMode() << "'";
  for (Operation &op : getBody().front())
    if (!isa<InputOp, OutputOp, NeuronGroupOp, SynapseBlockOp>(op))
      return op.emitOpError()
             << "is not allowed in a loihi2.program (only loihi2.input, "
                "loihi2.output, loihi2.neuron_group and loihi2.synapse_block)";
  return success();
}

namespace {
/// What a placed program uses on one core.
struct CoreUsage {
  int64_t neurons = 0;
  int64_t bytes = 0;
  SmallVector<StringRef> groups;
};
struct Range {
  int64_t chip, core, first, count;
};
} // namespace

/// The ranges of a verified group's placement.
static SmallVector<Range> getRanges(NeuronGroupOp group) {
  SmallVector<Range> ranges;
  if (auto placement = group.getPlacement())
    for (Attribute entry : *placement) {
      auto dict = cast<DictionaryAttr>(entry);
      ranges.push_back({*getInt(dict, "chip"), *getInt(dict, "core"),
                        *getInt(dict, "first"), *getInt(dict, "count")});
    }
  return ranges;
}

LogicalResult ProgramOp::verifyRegions() {
  const TargetDescription &desc = target();
  std::map<std::pair<int64_t, int64_t>, CoreUsage> cores;
  Block &body = getBody().front();
  // Neuron state and microcode.
  for (auto group : body.getOps<NeuronGroupOp>()) {
    int64_t stateVars = group.getState().size();
    int64_t code = desc.microcodeBytes(group.getNumInstructions());
    for (const Range &r : getRanges(group)) {
      CoreUsage &use = cores[{r.chip, r.core}];
      use.neurons += r.count;
      use.bytes += desc.neuronGroupBytes(r.count, stateVars) + code;
      if (!llvm::is_contained(use.groups, group.getSymName()))
        use.groups.push_back(group.getSymName());
    }
  }
  // Synapse blocks, charged to the cores holding the neurons they feed.
  for (auto block : body.getOps<SynapseBlockOp>()) {
    auto group = dyn_cast_or_null<NeuronGroupOp>(
        lookup(block, block.getTargetAttr()));
    Operation *source = lookup(block, block.getSourceAttr());
    if (!group || !group.getPlacement() || !source)
      continue;
    int64_t inputs = isa<InputOp>(source)
                         ? cast<InputOp>(source).getSize()
                         : cast<NeuronGroupOp>(source).getSize();
    bool sparse = isa<lrnn::SparseMatrixAttr>(block.getWeights());
    lrnn::CsrMatrix csr;
    if (sparse) {
      FailureOr<lrnn::CsrMatrix> read = lrnn::readWeight(block.getWeights());
      if (failed(read))
        continue; // Data unavailable (elided resource): nothing to charge.
      csr = std::move(*read);
    }
    for (const Range &r : getRanges(group)) {
      int64_t bytes;
      if (sparse) {
        int64_t end = std::min<int64_t>(r.first + r.count, csr.rows);
        int64_t nnz = r.first < end
                          ? csr.rowStart[end] - csr.rowStart[r.first]
                          : 0;
        bytes = desc.sparseSynapseBlockBytes(inputs, nnz);
      } else {
        bytes = desc.denseSynapseBlockBytes(inputs, r.count);
      }
      cores[{r.chip, r.core}].bytes += bytes;
    }
  }
  for (auto &[where, use] : cores) {
    if (use.neurons > desc.neuronsPerCore)
      return emitOpError() << "chip " << where.first << " core "
                           << where.second << " holds " << use.neurons
                           << " neurons (groups "
                           << llvm::join(use.groups, ", ")
                           << "), more than neurons_per_core = "
                           << desc.neuronsPerCore;
    if (use.bytes > desc.memoryBytesPerCore)
      return emitOpError() << "chip " << where.first << " core "
                           << where.second << " needs " << use.bytes
                           << " bytes (groups " << llvm::join(use.groups, ", ")
                           << "), more than memory_bytes_per_core = "
                           << desc.memoryBytesPerCore;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Host ports
//===----------------------------------------------------------------------===//

LogicalResult InputOp::verify() {
  if (getSize() < 1)
    return emitOpError() << "size must be at least 1, got " << getSize();
  int64_t payload = target().messagePayloadBits;
  if (getWidth() < 1 || getWidth() > payload)
    return emitOpError() << "width " << getWidth() << " is outside 1.."
                         << payload << " (message_payload_bits)";
  return success();
}

LogicalResult OutputOp::verify() {
  if (getSize() < 1)
    return emitOpError() << "size must be at least 1, got " << getSize();
  Operation *source = lookup(*this, getSourceAttr());
  if (!source)
    return emitOpError() << "source " << getSourceAttr()
                         << " is not defined in the program";
  auto group = dyn_cast<NeuronGroupOp>(source);
  if (!group)
    return emitOpError() << "source " << getSourceAttr()
                         << " must be a loihi2.neuron_group";
  if (group.getSize() != getSize())
    return emitOpError() << "size " << getSize() << " does not match the size "
                         << group.getSize() << " of " << getSourceAttr();
  return success();
}

//===----------------------------------------------------------------------===//
// NeuronGroupOp
//===----------------------------------------------------------------------===//

int64_t NeuronGroupOp::getStateWidth(StringRef name) {
  for (Attribute entry : getState())
    if (auto dict = dyn_cast<DictionaryAttr>(entry))
      if (auto n = dict.getAs<StringAttr>("name"); n && n.getValue() == name)
        return getInt(dict, "width").value_or(0);
  return 0;
}

int64_t NeuronGroupOp::getNumInstructions() {
  int64_t count = 0;
  for (Operation &op : getBody().front())
    if (!isa<McYieldOp>(op))
      ++count;
  return count;
}

LogicalResult NeuronGroupOp::verify() {
  const TargetDescription &desc = target();
  int64_t size = getSize();
  if (size < 1)
    return emitOpError() << "size must be at least 1, got " << size;
  if (getPorts() < 0)
    return emitOpError() << "ports must be non-negative, got " << getPorts();

  // State variables.
  SmallVector<StringRef> names;
  for (auto [i, entry] : llvm::enumerate(getState())) {
    auto dict = dyn_cast<DictionaryAttr>(entry);
    StringAttr name = dict ? dict.getAs<StringAttr>("name") : StringAttr();
    std::optional<int64_t> width =
        dict ? getInt(dict, "width") : std::nullopt;
    if (!name || !width || dict.size() != 2)
      return emitOpError() << "state entry " << i
                           << " must be {name = \"...\", width = W}";
    if (llvm::is_contained(names, name.getValue()))
      return emitOpError() << "duplicate state variable '" << name.getValue()
                           << "'";
    names.push_back(name.getValue());
    if (*width < 2 || *width > desc.neuronRegisterBits)
      return emitOpError() << "state variable '" << name.getValue()
                           << "' has width " << *width << ", outside 2.."
                           << desc.neuronRegisterBits
                           << " (neuron_register_bits)";
  }

  // The neuron program.
  Block &block = getBody().front();
  if (block.getNumArguments() != 0)
    return emitOpError() << "neuron program must not take arguments";
  if (block.empty() || !isa<McYieldOp>(block.back()))
    return emitOpError() << "neuron program must end in loihi2.mc.yield";
  int64_t sends = 0;
  for (Operation &op : block) {
    if (op.getDialect() != getOperation()->getDialect())
      return op.emitOpError()
             << "is not allowed in a neuron program (only loihi2.mc ops)";
    if (isa<McSendOp>(op))
      ++sends;
  }
  if (sends > 1)
    return emitOpError() << "neuron program has " << sends
                         << " loihi2.mc.send ops; at most one is allowed";

  // Placement.
  std::optional<ArrayAttr> placement = getPlacement();
  if (!placement)
    return success();
  std::optional<SystemDescription> system = getSystemOf(*this);
  SmallVector<Range> ranges;
  for (auto [i, entry] : llvm::enumerate(*placement)) {
    auto dict = dyn_cast<DictionaryAttr>(entry);
    std::optional<int64_t> chip, core, first, count;
    if (dict) {
      chip = getInt(dict, "chip");
      core = getInt(dict, "core");
      first = getInt(dict, "first");
      count = getInt(dict, "count");
    }
    if (!chip || !core || !first || !count || dict.size() != 4)
      return emitOpError() << "placement entry " << i
                           << " must be {chip = C, core = K, first = F, "
                              "count = N}";
    if (system && (*chip < 0 || *chip >= system->chips))
      return emitOpError() << "placement entry " << i << ": chip " << *chip
                           << " is outside system '" << system->name
                           << "' (" << system->chips << " chips)";
    if (*core < 0 || *core >= desc.coresPerChip)
      return emitOpError() << "placement entry " << i << ": core " << *core
                           << " is outside 0.." << desc.coresPerChip - 1
                           << " (cores_per_chip)";
    if (*first < 0)
      return emitOpError() << "placement entry " << i << ": first " << *first
                           << " is negative";
    if (*count < 1 || *count > desc.neuronsPerCore)
      return emitOpError() << "placement entry " << i << ": count " << *count
                           << " is outside 1.." << desc.neuronsPerCore
                           << " (neurons_per_core)";
    ranges.push_back({*chip, *core, *first, *count});
  }
  llvm::stable_sort(ranges, [](const Range &a, const Range &b) {
    return a.first < b.first;
  });
  int64_t covered = 0;
  for (const Range &r : ranges) {
    if (r.first < covered)
      return emitOpError() << "placement ranges overlap at neuron " << r.first;
    if (r.first > covered)
      return emitOpError() << "placement does not cover neuron " << covered;
    covered = r.first + r.count;
    if (covered > size)
      return emitOpError() << "placement range [" << r.first << ", "
                           << covered << ") extends beyond size " << size;
  }
  if (covered < size)
    return emitOpError() << "placement does not cover neuron " << covered;
  return success();
}

//===----------------------------------------------------------------------===//
// SynapseBlockOp
//===----------------------------------------------------------------------===//

LogicalResult SynapseBlockOp::verify() {
  const TargetDescription &desc = target();
  Operation *source = lookup(*this, getSourceAttr());
  if (!source)
    return emitOpError() << "source " << getSourceAttr()
                         << " is not defined in the program";
  int64_t inputs;
  if (auto input = dyn_cast<InputOp>(source))
    inputs = input.getSize();
  else if (auto group = dyn_cast<NeuronGroupOp>(source))
    inputs = group.getSize();
  else
    return emitOpError() << "source " << getSourceAttr()
                         << " must be a loihi2.input or loihi2.neuron_group";
  Operation *targetOp = lookup(*this, getTargetAttr());
  if (!targetOp)
    return emitOpError() << "target " << getTargetAttr()
                         << " is not defined in the program";
  auto group = dyn_cast<NeuronGroupOp>(targetOp);
  if (!group)
    return emitOpError() << "target " << getTargetAttr()
                         << " must be a loihi2.neuron_group";
  if (getPort() < 0 || getPort() >= group.getPorts())
    return emitOpError() << "port " << getPort() << " is not an input port of "
                         << getTargetAttr() << " (it has " << group.getPorts()
                         << " ports)";
  if (getWeightExp() < desc.weightExponentMin ||
      getWeightExp() > desc.weightExponentMax)
    return emitOpError() << "weight_exp " << getWeightExp()
                         << " is outside the target's weight_exponent range "
                         << desc.weightExponentMin << ".."
                         << desc.weightExponentMax;
  if (getDelay() < 0)
    return emitOpError() << "delay must be non-negative, got " << getDelay();
  return lrnn::verifyCodeWeight(*this, "weights", getWeights(),
                                group.getSize(), inputs, desc.weightBits);
}

//===----------------------------------------------------------------------===//
// Microcode
//===----------------------------------------------------------------------===//

static LogicalResult verifyStateName(Operation *op, StringRef name) {
  auto group = op->getParentOfType<NeuronGroupOp>();
  if (group.getStateWidth(name) != 0)
    return success();
  SmallVector<StringRef> declared;
  for (Attribute entry : group.getState())
    if (auto dict = dyn_cast<DictionaryAttr>(entry))
      if (auto n = dict.getAs<StringAttr>("name"))
        declared.push_back(n.getValue());
  return op->emitOpError() << "unknown state variable '" << name
                           << "' (declared: "
                           << (declared.empty() ? std::string("none")
                                                : llvm::join(declared, ", "))
                           << ")";
}

LogicalResult McReadStateOp::verify() {
  return verifyStateName(*this, getName());
}

LogicalResult McWriteStateOp::verify() {
  return verifyStateName(*this, getName());
}

LogicalResult McReadPortOp::verify() {
  auto group = (*this)->getParentOfType<NeuronGroupOp>();
  if (getPort() < 0 || getPort() >= group.getPorts())
    return emitOpError() << "port " << getPort()
                         << " is not an input port of the group (it has "
                         << group.getPorts() << " ports)";
  return success();
}

LogicalResult McConstOp::verify() {
  int64_t m = registerMax();
  if (getValue() < -m || getValue() > m)
    return emitOpError() << "value " << getValue()
                         << " is outside the register range ±" << m;
  return success();
}

static LogicalResult verifyRange(Operation *op, StringRef what, int64_t value,
                                 int64_t lo, int64_t hi) {
  if (value < lo || value > hi)
    return op->emitOpError() << what << " " << value << " is outside " << lo
                             << ".." << hi;
  return success();
}

LogicalResult McShrRoundOp::verify() {
  return verifyRange(*this, "shift", getShift(), 1,
                     target().neuronRegisterBits);
}

LogicalResult McShlOp::verify() {
  return verifyRange(*this, "shift", getShift(), 1,
                     target().neuronRegisterBits - 1);
}

LogicalResult McSatOp::verify() {
  return verifyRange(*this, "width", getWidth(), 2,
                     target().neuronRegisterBits);
}

LogicalResult McLutOp::verify() {
  int64_t r = getRangeLog2(), k = getSegmentLog2();
  if (r < 0 || k < 0 || r + 1 + k > 12)
    return emitOpError() << "range_log2 " << r << " and segment_log2 " << k
                         << " must satisfy 0 <= r, 0 <= k, r + 1 + k <= 12";
  int64_t n = int64_t(1) << (r + 1 + k);
  if (int64_t(getNodes().size()) != n + 1)
    return emitOpError() << "expected " << n + 1 << " nodes (N = " << n
                         << "), got " << getNodes().size();
  return success();
}

LogicalResult McSendOp::verify() {
  const TargetDescription &desc = target();
  int64_t payload = desc.messagePayloadBits;
  if (desc.neuronRegisterBits <= payload)
    return success();
  Operation *def = getPayload().getDefiningOp();
  if (auto sat = dyn_cast_or_null<McSatOp>(def); sat && sat.getWidth() <= payload)
    return success();
  if (isa_and_nonnull<McCmpGtOp, McCmpEqOp>(def))
    return success();
  if (auto c = dyn_cast_or_null<McConstOp>(def))
    if (std::abs(c.getValue()) <= (int64_t(1) << (payload - 1)) - 1)
      return success();
  return emitOpError() << "payload may exceed message_payload_bits = "
                       << payload << "; saturate it with loihi2.mc.sat first";
}

#define GET_OP_CLASSES
#include "lrnn/Dialect/Loihi2/IR/Loihi2Ops.cpp.inc"
