//===- Loihi2Ops.cpp - loihi2 operations and their verifiers -------------===//
//
// Every verifier checks against the program's target description: its
// `target` attribute when present, else the built-in one.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/Loihi2/IR/Loihi2Ops.h"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Resources.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Target/Loihi2/TargetDescription.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

using namespace mlir;
using namespace lrnn::loihi2;

/// The parsed `target` texts of programs, shared by every verifier call:
/// parsing a description is far slower than checking an op against it.
/// Failed parses are not cached (the program verifier reports them).
static const TargetDescription *parseCachedTarget(StringRef text,
                                                  std::string *error) {
  static std::mutex mutex;
  static llvm::StringMap<std::unique_ptr<TargetDescription>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(text);
  if (it != cache.end())
    return it->second.get();
  llvm::Expected<TargetDescription> parsed =
      parseTargetDescription(text, "target");
  if (!parsed) {
    std::string message = llvm::toString(parsed.takeError());
    if (error)
      *error = message;
    return nullptr;
  }
  auto &slot = cache[text];
  slot = std::make_unique<TargetDescription>(std::move(*parsed));
  return slot.get();
}

const TargetDescription &ProgramOp::getTargetDescription() {
  if (std::optional<StringRef> text = getTarget())
    if (const TargetDescription *desc = parseCachedTarget(*text, nullptr))
      return *desc;
  return getDefaultTargetDescription();
}

/// The description `op` is checked against.
// Limits on sizes a program may claim, far above what the lowering makes
// (host ports of d_input values, a few ports and outputs per group, delays
// of a few steps, latencies of a few steps per layer): the simulator
// allocates in proportion to each, so an absurd value in a program file
// must be refused here rather than exhaust memory there.
static constexpr int64_t kMaxHostPortSize = int64_t(1) << 20;
static constexpr int64_t kMaxPortsOrOutputs = 256;
static constexpr int64_t kMaxDelaySteps = 1024;
static constexpr int64_t kMaxOutputLatency = int64_t(1) << 20;

static const TargetDescription &target(Operation *op) {
  if (auto program = dyn_cast<ProgramOp>(op))
    return program.getTargetDescription();
  if (auto program = op->getParentOfType<ProgramOp>())
    return program.getTargetDescription();
  return getDefaultTargetDescription();
}

/// M = 2^(U-1) - 1, the largest value of the neuron arithmetic.
static int64_t aluMax(Operation *op) {
  return (int64_t(1) << (target(op).neuronAluBits - 1)) - 1;
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
  auto system = target(op).getSystem(program.getSystem());
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
  if (std::optional<StringRef> text = getTarget()) {
    std::string error;
    if (!parseCachedTarget(*text, &error))
      return emitOpError() << "has an invalid target description: " << error;
  }
  auto system = target(*this).getSystem(getSystem());
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

/// Finds a cycle of neuron groups connected by synapse blocks without delay
/// (in fall-through mode such a cycle has no defined order within a step).
/// Returns the groups along it, or an empty list.
static SmallVector<StringRef>
findZeroDelayCycle(ProgramOp program, ArrayRef<BlockInfo> blocks) {
  llvm::DenseMap<Operation *, SmallVector<Operation *>> edges;
  for (const BlockInfo &block : blocks)
    if (const_cast<SynapseBlockOp &>(block.op).getDelay() == 0 &&
        isa<NeuronGroupOp>(block.source))
      edges[block.source].push_back(block.target);
  // Iterative depth-first search with colours: 1 on the stack, 2 done.
  llvm::DenseMap<Operation *, int> colour;
  for (auto start : program.getBody().front().getOps<NeuronGroupOp>()) {
    if (colour[start])
      continue;
    SmallVector<std::pair<Operation *, size_t>> stack{{start, 0}};
    colour[start] = 1;
    while (!stack.empty()) {
      auto &[node, next] = stack.back();
      auto &out = edges[node];
      if (next == out.size()) {
        colour[node] = 2;
        stack.pop_back();
        continue;
      }
      Operation *succ = out[next++];
      if (colour[succ] == 1) {
        SmallVector<StringRef> cycle;
        bool on = false;
        for (auto &[n, i] : stack) {
          on |= n == succ;
          if (on)
            cycle.push_back(cast<NeuronGroupOp>(n).getSymName());
        }
        cycle.push_back(cast<NeuronGroupOp>(succ).getSymName());
        return cycle;
      }
      if (colour[succ] == 0) {
        colour[succ] = 1;
        stack.push_back({succ, 0});
      }
    }
  }
  return {};
}

LogicalResult ProgramOp::verifyRegions() {
  const TargetDescription &desc = getTargetDescription();
  std::vector<BlockInfo> blocks = collectBlocks(*this);
  llvm::DenseMap<Operation *, SmallVector<const BlockInfo *>> into;
  for (const BlockInfo &block : blocks)
    into[block.target].push_back(&block);

  // Fan-in of every neuron.
  for (auto group : getBody().front().getOps<NeuronGroupOp>()) {
    std::vector<int64_t> fanIn = getFanIn(group, into[group]);
    for (auto [i, n] : llvm::enumerate(fanIn))
      if (n > desc.maxFanInPerNeuron)
        return group.emitOpError()
               << "neuron " << i << " has a fan-in of " << n
               << " synapses, more than max_fan_in_per_neuron = "
               << desc.maxFanInPerNeuron;
  }

  if (getExecutionMode() == ExecutionMode::FallThrough) {
    SmallVector<StringRef> cycle = findZeroDelayCycle(*this, blocks);
    if (!cycle.empty()) {
      std::string path;
      for (auto [i, name] : llvm::enumerate(cycle))
        path += (i ? " -> @" : "@") + name.str();
      return emitOpError() << "has a cycle of synapse blocks without delay in "
                              "fall-through mode: "
                           << path << " (give one block a delay)";
    }
  }

  Routes routes = computeRoutes(*this, blocks);
  for (const CoreUsage &use : computeCoreUsage(*this, desc, blocks, routes)) {
    auto fail = [&](StringRef what, int64_t value, StringRef unit,
                    StringRef limit, int64_t max) {
      return emitOpError() << "chip " << use.chip << " core " << use.core
                           << " " << what << " " << value << " " << unit
                           << " (groups "
                           << llvm::join(use.groups, ", ") << "), more than "
                           << limit << " = " << max;
    };
    if (use.neurons > desc.neuronsPerCore)
      return fail("holds", use.neurons, "neurons", "neurons_per_core",
                  desc.neuronsPerCore);
    if (use.bytes > desc.memoryBytesPerCore)
      return fail("needs", use.bytes, "bytes", "memory_bytes_per_core",
                  desc.memoryBytesPerCore);
    if (use.inputAxons > desc.inputAxonsPerCore)
      return fail("receives from", use.inputAxons, "source neurons",
                  "input_axons_per_core",
                  desc.inputAxonsPerCore);
    if (use.outputAxons > desc.outputAxonsPerCore)
      return fail("sends", use.outputAxons, "routes (neuron, destination core)",
                  "output_axons_per_core",
                  desc.outputAxonsPerCore);
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Host ports
//===----------------------------------------------------------------------===//

LogicalResult InputOp::verify() {
  if (getSize() < 1)
    return emitOpError() << "size must be at least 1, got " << getSize();
  if (getSize() > kMaxHostPortSize)
    return emitOpError() << "size " << getSize() << " exceeds the limit of "
                         << kMaxHostPortSize << " values per step";
  int64_t payload = target(*this).messagePayloadBits;
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
  // The group may not be verified yet; its own verifier reports a missing
  // size.
  if (!group.getSizeAttr())
    return success();
  if (group.getSize() != getSize())
    return emitOpError() << "size " << getSize() << " does not match the size "
                         << group.getSize() << " of " << getSourceAttr();
  if (getSourceOutput() < 0 || getSourceOutput() >= group.getOutputs())
    return emitOpError() << "source_output " << getSourceOutput()
                         << " is not an output of " << getSourceAttr()
                         << " (it has " << group.getOutputs() << ")";
  if (getLatency() < 0)
    return emitOpError() << "latency must be non-negative, got "
                         << getLatency();
  if (getLatency() > kMaxOutputLatency)
    return emitOpError() << "latency " << getLatency()
                         << " exceeds the limit of " << kMaxOutputLatency
                         << " steps";
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

ElementsAttr NeuronGroupOp::getParam(StringRef name) {
  if (std::optional<ArrayAttr> params = getParams())
    for (Attribute entry : *params)
      if (auto dict = dyn_cast<DictionaryAttr>(entry))
        if (auto n = dict.getAs<StringAttr>("name"); n && n.getValue() == name)
          return dict.getAs<ElementsAttr>("values");
  return {};
}

int64_t NeuronGroupOp::getNumRegisters() {
  return getState().size() + (getParams() ? getParams()->size() : 0);
}

int64_t NeuronGroupOp::getNumInstructions() {
  int64_t count = 0;
  for (Operation &op : getBody().front())
    if (!isa<McYieldOp>(op))
      ++count;
  return count;
}

LogicalResult NeuronGroupOp::verify() {
  const TargetDescription &desc = target(*this);
  int64_t size = getSize();
  if (size < 1)
    return emitOpError() << "size must be at least 1, got " << size;
  if (std::optional<SystemDescription> system = getSystemOf(*this)) {
    int64_t capacity = desc.coresInSystem(*system) * desc.neuronsPerCore;
    if (size > capacity)
      return emitOpError() << "size " << size << " is more than system '"
                           << system->name << "' holds (" << capacity
                           << " neurons)";
  }
  if (getPorts() < 0 || getPorts() > kMaxPortsOrOutputs)
    return emitOpError() << "ports must be within 0.." << kMaxPortsOrOutputs
                         << ", got " << getPorts();
  if (getOutputs() < 0 || getOutputs() > kMaxPortsOrOutputs)
    return emitOpError() << "outputs must be within 0.." << kMaxPortsOrOutputs
                         << ", got " << getOutputs();
  if (getStart() < 0)
    return emitOpError() << "start must be non-negative, got " << getStart();

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

  // Parameters: per-neuron constants.
  if (std::optional<ArrayAttr> params = getParams())
    for (auto [i, entry] : llvm::enumerate(*params)) {
      auto dict = dyn_cast<DictionaryAttr>(entry);
      StringAttr name = dict ? dict.getAs<StringAttr>("name") : StringAttr();
      ElementsAttr values =
          dict ? dict.getAs<ElementsAttr>("values") : ElementsAttr();
      if (!name || !values || dict.size() != 2)
        return emitOpError() << "params entry " << i
                             << " must be {name = \"...\", values = "
                                "dense<...> : tensor<" << size << "xiW>}";
      if (llvm::is_contained(names, name.getValue()))
        return emitOpError() << "duplicate state variable or parameter '"
                             << name.getValue() << "'";
      names.push_back(name.getValue());
      if (failed(lrnn::verifyCodeVector(
              *this, ("parameter '" + name.getValue() + "'").str(), values,
              size, desc.neuronRegisterBits)))
        return failure();
    }

  // The neuron program.
  Block &block = getBody().front();
  if (block.getNumArguments() != 0)
    return emitOpError() << "neuron program must not take arguments";
  if (block.empty() || !isa<McYieldOp>(block.back()))
    return emitOpError() << "neuron program must end in loihi2.mc.yield";
  SmallVector<int64_t> sentOutputs;
  for (Operation &op : block) {
    if (op.getDialect() != getOperation()->getDialect())
      return op.emitOpError()
             << "is not allowed in a neuron program (only loihi2.mc ops)";
    auto send = dyn_cast<McSendOp>(op);
    if (!send)
      continue;
    int64_t output = send.getOutput();
    if (output < 0 || output >= getOutputs())
      return send.emitOpError() << "output " << output
                                << " is not an output of the group (it has "
                                << getOutputs() << ")";
    if (llvm::is_contained(sentOutputs, output))
      return send.emitOpError() << "sends a second time on output " << output
                                << "; at most one send per output";
    sentOutputs.push_back(output);
  }

  // Placement.
  std::optional<ArrayAttr> placement = getPlacement();
  if (!placement)
    return success();
  std::optional<SystemDescription> system = getSystemOf(*this);
  SmallVector<NeuronRange> ranges;
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
  llvm::stable_sort(ranges, [](const NeuronRange &a, const NeuronRange &b) {
    return a.first < b.first;
  });
  int64_t covered = 0;
  for (const NeuronRange &r : ranges) {
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
  const TargetDescription &desc = target(*this);
  Operation *source = lookup(*this, getSourceAttr());
  if (!source)
    return emitOpError() << "source " << getSourceAttr()
                         << " is not defined in the program";
  int64_t inputs = getSourceSize(source);
  if (inputs == 0)
    return emitOpError() << "source " << getSourceAttr()
                         << " must be a loihi2.input or loihi2.neuron_group";
  int64_t outputs = 1;
  if (auto sourceGroup = dyn_cast<NeuronGroupOp>(source))
    outputs = sourceGroup.getOutputs();
  if (getSourceOutput() < 0 || getSourceOutput() >= outputs)
    return emitOpError() << "source_output " << getSourceOutput()
                         << " is not an output of " << getSourceAttr()
                         << " (it has " << outputs << ")";
  Operation *targetOp = lookup(*this, getTargetAttr());
  if (!targetOp)
    return emitOpError() << "target " << getTargetAttr()
                         << " is not defined in the program";
  auto group = dyn_cast<NeuronGroupOp>(targetOp);
  if (!group)
    return emitOpError() << "target " << getTargetAttr()
                         << " must be a loihi2.neuron_group";
  // The group may not be verified yet; its own verifier reports a missing
  // size.
  if (!group.getSizeAttr())
    return success();
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
  if (getDelay() < 0 || getDelay() > kMaxDelaySteps)
    return emitOpError() << "delay must be within 0.." << kMaxDelaySteps
                         << ", got " << getDelay();
  // Checked before the weights are read: a dense block stores every synapse,
  // so its width is each neuron's fan-in.
  if (!isa<lrnn::SparseMatrixAttr>(getWeights()) &&
      inputs > desc.maxFanInPerNeuron)
    return emitOpError() << "is dense with " << inputs
                         << " inputs: every neuron of " << getTargetAttr()
                         << " would have a fan-in of " << inputs
                         << " synapses, more than max_fan_in_per_neuron = "
                         << desc.maxFanInPerNeuron;
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

LogicalResult McReadParamOp::verify() {
  auto group = (*this)->getParentOfType<NeuronGroupOp>();
  if (group.getParam(getName()))
    return success();
  SmallVector<StringRef> declared;
  if (std::optional<ArrayAttr> params = group.getParams())
    for (Attribute entry : *params)
      if (auto dict = dyn_cast<DictionaryAttr>(entry))
        if (auto n = dict.getAs<StringAttr>("name"))
          declared.push_back(n.getValue());
  return emitOpError() << "unknown parameter '" << getName() << "' (declared: "
                       << (declared.empty() ? std::string("none")
                                            : llvm::join(declared, ", "))
                       << ")";
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
  int64_t m = aluMax(*this);
  if (getValue() < -m || getValue() > m)
    return emitOpError() << "value " << getValue()
                         << " is outside the neuron arithmetic's range ±" << m
                         << " (neuron_alu_bits)";
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
                     target(*this).neuronAluBits);
}

LogicalResult McShlOp::verify() {
  return verifyRange(*this, "shift", getShift(), 1,
                     target(*this).neuronAluBits - 1);
}

LogicalResult McSatOp::verify() {
  return verifyRange(*this, "width", getWidth(), 2,
                     target(*this).neuronAluBits);
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
  const TargetDescription &desc = target(*this);
  if (failed(verifyRange(*this, "width", getWidth(), 2,
                         desc.neuronRegisterBits)))
    return failure();
  return verifyRange(*this, "acc_bits", getAccBits(), 18, desc.neuronAluBits);
}

LogicalResult McSendOp::verify() {
  int64_t payload = target(*this).messagePayloadBits;
  int64_t limit = (int64_t(1) << (payload - 1)) - 1;
  std::optional<int64_t> bound = getValueBound(getPayload());
  if (bound && *bound <= limit)
    return success();
  return emitOpError() << "payload may exceed message_payload_bits = "
                       << payload << " (|payload| <= " << limit
                       << " is not proven); saturate it with loihi2.mc.sat "
                          "first";
}

#define GET_OP_CLASSES
#include "lrnn/Dialect/Loihi2/IR/Loihi2Ops.cpp.inc"
