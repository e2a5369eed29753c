//===- Simulator.cpp - Functional simulator of Loihi 2 programs -----------===//
//
// Speed comes from three choices:
// - each neuron program is compiled once into a flat instruction list, and
//   every instruction runs over all neurons of the group before the next
//   (one dispatch per instruction and group, tight loops over int64 arrays);
// - synapse blocks are stored by column, so a message visits exactly the
//   non-zero weights it meets, and zero values are never sent;
// - everything a message costs (destination cores, mesh hops, chip
//   crossings, synaptic operations per core) is precomputed per sending
//   neuron and column.
// Exactness: every value of the neuron arithmetic stays within
// ±(2^(U-1) - 1) with U = neuron_alu_bits <= 62, so int64 sums of two values
// never overflow and products are checked; dendritic sums are proven below
// 2^62 when the program is loaded.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Target/Loihi2Sim/Simulator.h"
#include "lrnn/Dialect/LRNN/IR/FixedPoint.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Resources.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace lrnn;
using namespace lrnn::loihi2;

namespace {

enum class Opcode {
  ReadState, WriteState, ReadParam, ReadPort, Const, Add, Sub, Mul, Min, Max,
  CmpGt, CmpEq, ShrRound, Shl, Sat, Relu, Select, Lut, Send
};

struct Instruction {
  Opcode opcode;
  int32_t dst = -1, a = -1, b = -1, c = -1;
  int64_t imm = 0;  ///< constant, shift, width, port, state/param index, output
  int64_t imm2 = 0; ///< state width (write_state)
  int32_t lut = -1;
};

struct Lut {
  std::vector<int64_t> nodes;
  fixed::LutParams params;
  bool identityAbove = false;
  int inExp = 0, outExp = 0;
  unsigned width = 0, accBits = 0;
};

/// What one message of a sending neuron costs, precomputed.
struct SendCost {
  int32_t messages = 0;  ///< destination cores (the host counts as one)
  int32_t coreDests = 0; ///< of which neurocores, in Stream::destCores
  int64_t hops = 0, crossings = 0;
  int32_t destStart = 0;
};

/// One (source, output) stream: the values sent in the last `depth` steps,
/// dense, plus the indices of the non-zero ones; and the cost of a message
/// from each neuron.
struct Stream {
  int64_t size = 0;
  std::vector<std::vector<int64_t>> values;  // [slot][neuron]
  std::vector<std::vector<int32_t>> nonZero; // [slot]
  std::vector<SendCost> cost;                // [neuron]
  std::vector<int32_t> destCores;            // used-core indices
  std::vector<int32_t> rangeOf;              // [neuron] -> range (-1: host)
  /// Values sent by each neuron since the last reset; the per-core message
  /// counts are derived from them when asked for (getCoreStats).
  std::vector<int64_t> sentCount;
};

/// A synapse block by column: for source neuron j, rows and weights in
/// [colStart[j], colStart[j+1]), and the synaptic operations it causes per
/// range of the target in [splitStart[j], splitStart[j+1]). Zero weights are
/// dropped: they contribute nothing and are not synaptic operations.
struct SimBlock {
  int32_t stream = -1;
  int32_t port = 0;
  int64_t delay = 0;
  int64_t weightExp = 0;
  std::vector<int64_t> colStart;
  std::vector<int32_t> rows;
  std::vector<int32_t> weights;
  /// The same entries as (row << 8) | (uint8_t)weight, for groups whose
  /// dendritic sums provably fit int32 (SimGroup::narrow).
  std::vector<uint32_t> packed;
  std::vector<int64_t> splitStart;
  std::vector<std::pair<int32_t, int32_t>> splits; // (range, synaptic ops)
  int32_t sourceGroup = -1; ///< in execution order; -1 for the host input
  int32_t onlyRange = -1;   ///< the target's range when it has just one
  double transitNs = 0; ///< longest route from a source core to a target core
};

/// Neurons [first, first + count) of a group on one core.
struct SimRange {
  int32_t group = 0, core = 0;
  int64_t first = 0, count = 0;
  // This step's counts.
  int64_t synapticOps = 0, sends = 0;
};

struct SimGroup {
  std::string name;
  int64_t size = 0, start = 0, ports = 0;
  int32_t numRegisters = 0;
  std::vector<Instruction> code;
  std::vector<std::vector<int64_t>> state;  // [variable][neuron]
  std::vector<std::vector<int64_t>> params; // [parameter][neuron]
  std::vector<int32_t> streams;             // output -> stream
  std::vector<SimBlock> blocks;             // feeding this group
  std::vector<int32_t> ranges;
  int64_t instructions = 0; // per neuron and step
  /// Every port's sum provably fits int32, every block has exponent 0 and
  /// 8-bit weights: accumulate in int32 over packed entries (half the
  /// memory traffic of the general path).
  bool narrow = false;
};

} // namespace

struct Simulator::Impl {
  const TargetDescription *desc = nullptr;
  std::string systemName;
  ExecutionMode mode = ExecutionMode::FallThrough;
  int64_t aluMax = 0;
  int64_t connectionDelay = 0;
  int64_t depth = 2; ///< ring slots
  int64_t inputSize = 0, outputSize = 0, latency = 0;
  unsigned inputWidth = 16;
  int inputExp = 0, outputExp = 0;
  int32_t inputStream = -1, outputStream = -1, outputGroup = 0;
  double inputTransitNs = 0, outputTransitNs = 0, barrierNs = 0;
  int64_t chipsUsed = 1;
  std::vector<Stream> streams;
  std::vector<SimGroup> groups; ///< in execution order
  std::vector<SimRange> ranges;
  std::vector<CoreStats> cores; ///< used cores
  std::vector<Lut> luts;
  SimulationCounters counters;
  std::vector<StepStats> stepStats;
  std::function<void(int64_t, int64_t)> progress;
  int64_t time = 0;
  // Scratch.
  std::vector<std::vector<int64_t>> portAcc;
  std::vector<std::vector<int32_t>> portAcc32;
  std::vector<int64_t> blockAcc;
  std::vector<std::vector<int64_t>> regs;
  std::vector<double> coreFree, groupFinish;
  StepStats step_;

  int64_t clampAlu(int64_t x) const {
    return std::clamp<int64_t>(x, -aluMax, aluMax);
  }

  void step(const int64_t *input);
  void runGroup(SimGroup &g, int64_t slot);
  void accumulateNarrow(SimGroup &g);
  void chargeColumn(const SimBlock &b, int32_t j, int64_t &ops);
  void send(Stream &out, int64_t slot, int64_t n, int64_t v);
  void estimate(StepStats &s);
};

Simulator::Simulator() : impl(std::make_unique<Impl>()) {}
Simulator::~Simulator() = default;

int64_t Simulator::getInputSize() const { return impl->inputSize; }
int64_t Simulator::getOutputSize() const { return impl->outputSize; }
int Simulator::getInputExponent() const { return impl->inputExp; }
unsigned Simulator::getInputWidth() const { return impl->inputWidth; }
int Simulator::getOutputExponent() const { return impl->outputExp; }
int64_t Simulator::getLatency() const { return impl->latency; }
const SimulationCounters &Simulator::getCounters() const {
  return impl->counters;
}
const std::vector<StepStats> &Simulator::getStepStats() const {
  return impl->stepStats;
}
std::vector<CoreStats> Simulator::getCoreStats() const {
  const Impl &s = *impl;
  std::vector<CoreStats> cores = s.cores;
  for (const Stream &stream : s.streams)
    for (int64_t n = 0; n < stream.size; ++n) {
      int64_t sent = stream.sentCount[n];
      if (sent == 0)
        continue;
      const SendCost &c = stream.cost[n];
      if (int32_t ri = stream.rangeOf[n]; ri >= 0)
        cores[s.ranges[ri].core].messagesSent += sent * c.messages;
      for (int32_t k = c.destStart, e = c.destStart + c.coreDests; k < e; ++k)
        cores[stream.destCores[k]].messagesReceived += sent;
    }
  return cores;
}
const TargetDescription &Simulator::getTargetDescription() const {
  return *impl->desc;
}
StringRef Simulator::getSystemName() const { return impl->systemName; }
ExecutionMode Simulator::getMode() const { return impl->mode; }
int64_t Simulator::getChipsUsed() const { return impl->chipsUsed; }
void Simulator::setProgressCallback(
    std::function<void(int64_t, int64_t)> callback) {
  impl->progress = std::move(callback);
}

int64_t Simulator::quantizeInput(double u) {
  return fixed::quantizeInput(u, impl->inputWidth, impl->inputExp,
                              impl->counters.inputSaturations);
}

std::vector<int64_t> Simulator::quantizeInputs(ArrayRef<double> values) {
  std::vector<int64_t> codes(values.size());
  for (size_t i = 0; i < values.size(); ++i)
    codes[i] = quantizeInput(values[i]);
  return codes;
}

void Simulator::reset() {
  Impl &s = *impl;
  for (SimGroup &g : s.groups)
    for (auto &v : g.state)
      std::fill(v.begin(), v.end(), 0);
  for (Stream &stream : s.streams) {
    for (auto &v : stream.values)
      std::fill(v.begin(), v.end(), 0);
    for (auto &nz : stream.nonZero)
      nz.clear();
    std::fill(stream.sentCount.begin(), stream.sentCount.end(), 0);
  }
  for (CoreStats &c : s.cores) {
    c.synapticOps = c.neuronInstructions = 0;
    c.messagesSent = c.messagesReceived = 0;
    c.busyNs = 0;
  }
  s.counters = SimulationCounters();
  s.stepStats.clear();
  s.time = 0;
}

static llvm::Error fail(Operation *op, const Twine &message) {
  std::string name;
  if (auto symbol =
          op->getAttrOfType<StringAttr>(SymbolTable::getSymbolAttrName()))
    name = " @" + symbol.getValue().str();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "'" + op->getName().getStringRef().str() +
                                     "'" + name + ": " + message.str());
}

/// Compiles a neuron program into instructions over registers.
static llvm::Error compileProgram(NeuronGroupOp group, SimGroup &g,
                                  std::vector<Lut> &luts) {
  llvm::StringMap<int64_t> stateIndex, stateWidth, paramIndex;
  for (Attribute entry : group.getState()) {
    auto dict = cast<DictionaryAttr>(entry);
    StringRef name = dict.getAs<StringAttr>("name").getValue();
    stateIndex[name] = g.state.size();
    stateWidth[name] = dict.getAs<IntegerAttr>("width").getInt();
    g.state.emplace_back(g.size, 0);
  }
  if (auto params = group.getParams())
    for (Attribute entry : *params) {
      auto dict = cast<DictionaryAttr>(entry);
      StringRef name = dict.getAs<StringAttr>("name").getValue();
      FailureOr<std::vector<int64_t>> values =
          readIntElements(dict.getAs<ElementsAttr>("values"));
      if (failed(values))
        return fail(group, "the values of parameter '" + name +
                               "' are unavailable");
      paramIndex[name] = g.params.size();
      g.params.push_back(std::move(*values));
    }
  llvm::DenseMap<Value, int32_t> reg;
  for (Operation &op : group.getBody().front()) {
    if (isa<McYieldOp>(op))
      continue;
    Instruction ins;
    if (op.getNumResults() == 1) {
      ins.dst = int32_t(reg.size());
      reg[op.getResult(0)] = ins.dst;
    }
    auto operand = [&](unsigned i) { return reg.lookup(op.getOperand(i)); };
    if (auto o = dyn_cast<McReadStateOp>(op)) {
      ins.opcode = Opcode::ReadState;
      ins.imm = stateIndex.lookup(o.getName());
    } else if (auto o = dyn_cast<McWriteStateOp>(op)) {
      ins.opcode = Opcode::WriteState;
      ins.imm = stateIndex.lookup(o.getName());
      ins.imm2 = stateWidth.lookup(o.getName());
      ins.a = operand(0);
    } else if (auto o = dyn_cast<McReadParamOp>(op)) {
      ins.opcode = Opcode::ReadParam;
      ins.imm = paramIndex.lookup(o.getName());
    } else if (auto o = dyn_cast<McReadPortOp>(op)) {
      ins.opcode = Opcode::ReadPort;
      ins.imm = o.getPort();
    } else if (auto o = dyn_cast<McConstOp>(op)) {
      ins.opcode = Opcode::Const;
      ins.imm = o.getValue();
    } else if (isa<McAddOp, McSubOp, McMulOp, McMinOp, McMaxOp, McCmpGtOp,
                   McCmpEqOp>(op)) {
      ins.opcode = isa<McAddOp>(op)     ? Opcode::Add
                   : isa<McSubOp>(op)   ? Opcode::Sub
                   : isa<McMulOp>(op)   ? Opcode::Mul
                   : isa<McMinOp>(op)   ? Opcode::Min
                   : isa<McMaxOp>(op)   ? Opcode::Max
                   : isa<McCmpGtOp>(op) ? Opcode::CmpGt
                                        : Opcode::CmpEq;
      ins.a = operand(0);
      ins.b = operand(1);
    } else if (auto o = dyn_cast<McShrRoundOp>(op)) {
      ins.opcode = Opcode::ShrRound;
      ins.a = operand(0);
      ins.imm = o.getShift();
    } else if (auto o = dyn_cast<McShlOp>(op)) {
      ins.opcode = Opcode::Shl;
      ins.a = operand(0);
      ins.imm = o.getShift();
    } else if (auto o = dyn_cast<McSatOp>(op)) {
      ins.opcode = Opcode::Sat;
      ins.a = operand(0);
      ins.imm = o.getWidth();
    } else if (isa<McReluOp>(op)) {
      ins.opcode = Opcode::Relu;
      ins.a = operand(0);
    } else if (isa<McSelectOp>(op)) {
      ins.opcode = Opcode::Select;
      ins.a = operand(0);
      ins.b = operand(1);
      ins.c = operand(2);
    } else if (auto o = dyn_cast<McLutOp>(op)) {
      ins.opcode = Opcode::Lut;
      ins.a = operand(0);
      Lut lut;
      lut.nodes.assign(o.getNodes().begin(), o.getNodes().end());
      lut.params.rangeLog2 = o.getRangeLog2();
      lut.params.segmentLog2 = o.getSegmentLog2();
      lut.params.nodeExponent = o.getNodeExp();
      lut.identityAbove = o.getAboveIdentity();
      lut.inExp = o.getInExp();
      lut.outExp = o.getOutExp();
      lut.width = o.getWidth();
      lut.accBits = o.getAccBits();
      ins.lut = int32_t(luts.size());
      luts.push_back(std::move(lut));
    } else if (auto o = dyn_cast<McSendOp>(op)) {
      ins.opcode = Opcode::Send;
      ins.a = operand(0);
      ins.imm = o.getOutput();
    } else {
      return fail(&op, "is not supported by the simulator");
    }
    g.code.push_back(ins);
  }
  g.numRegisters = int32_t(reg.size());
  g.instructions = int64_t(g.code.size());
  return llvm::Error::success();
}

llvm::Expected<std::unique_ptr<Simulator>>
Simulator::create(ProgramOp program) {
  std::unique_ptr<Simulator> sim(new Simulator());
  Impl &s = *sim->impl;
  const TargetDescription &desc = program.getTargetDescription();
  s.desc = &desc;
  if (desc.neuronAluBits > 62)
    return fail(program, "the simulator supports neuron_alu_bits up to 62, "
                         "the target has " +
                             Twine(desc.neuronAluBits));
  auto system = desc.getSystem(program.getSystem());
  if (!system)
    return system.takeError();
  s.systemName = system->name;
  s.aluMax = (int64_t(1) << (desc.neuronAluBits - 1)) - 1;
  s.mode = program.getExecutionMode();
  bool pipelined = s.mode == ExecutionMode::Pipelined;
  s.connectionDelay = pipelined ? desc.connectionDelaySteps : 0;
  Block &body = program.getBody().front();

  SmallVector<InputOp> inputs(body.getOps<InputOp>());
  SmallVector<OutputOp> outputs(body.getOps<OutputOp>());
  if (inputs.size() != 1 || outputs.size() != 1)
    return fail(program, "the simulator runs programs with exactly one "
                         "loihi2.input and one loihi2.output");
  InputOp input = inputs.front();
  OutputOp output = outputs.front();
  s.inputSize = input.getSize();
  s.inputWidth = input.getWidth();
  s.inputExp = input.getExp();
  s.outputSize = output.getSize();
  s.outputExp = output.getExp();
  s.latency = output.getLatency();

  SmallVector<NeuronGroupOp> groupOps(body.getOps<NeuronGroupOp>());
  for (NeuronGroupOp group : groupOps)
    if (!group.getPlacement())
      return fail(group, "is not placed; run --loihi2-place (lrnnc "
                         "--target=loihi2 places every group)");

  // Cores holding neurons, and the ranges on them.
  llvm::DenseMap<int64_t, int32_t> coreIndex; // chip * cores + core -> index
  llvm::DenseMap<Operation *, int64_t> indexOf;
  std::vector<SimGroup> built(groupOps.size());
  llvm::DenseMap<int64_t, char> chips;
  for (auto [gi, group] : llvm::enumerate(groupOps)) {
    indexOf[group] = gi;
    SimGroup &g = built[gi];
    g.name = group.getSymName().str();
    g.size = group.getSize();
    g.start = group.getStart();
    g.ports = group.getPorts();
    if (llvm::Error err = compileProgram(group, g, s.luts))
      return std::move(err);
    for (const NeuronRange &r : getPlacementRanges(group)) {
      int64_t id = r.chip * desc.coresPerChip + r.core;
      auto [it, inserted] = coreIndex.insert({id, int32_t(s.cores.size())});
      if (inserted) {
        CoreStats core;
        core.chip = r.chip;
        core.core = r.core;
        s.cores.push_back(core);
      }
      s.cores[it->second].neurons += r.count;
      chips[r.chip] = 1;
      SimRange range;
      range.group = int32_t(gi);
      range.core = it->second;
      range.first = r.first;
      range.count = r.count;
      g.ranges.push_back(int32_t(s.ranges.size()));
      s.ranges.push_back(range);
    }
  }
  s.chipsUsed = std::max<int64_t>(1, chips.size());

  // Streams: the host input, then each group's outputs, with the cost of a
  // message from each neuron.
  std::vector<BlockInfo> blocks = collectBlocks(program);
  Routes routes = computeRoutes(program, blocks);
  CorePosition host = getCorePosition(desc, *system, 0, 0);
  auto positionOf = [&](int64_t id) {
    return id < 0 ? host
                  : getCorePosition(desc, *system, id / desc.coresPerChip,
                                    id % desc.coresPerChip);
  };
  auto addStream = [&](int64_t size, const std::vector<std::vector<int64_t>> *dest,
                       const std::vector<int64_t> *coreOfNeuron,
                       const std::vector<int32_t> &rangeOf) {
    Stream stream;
    stream.size = size;
    stream.cost.resize(size);
    stream.rangeOf = rangeOf;
    stream.sentCount.assign(size, 0);
    for (int64_t n = 0; n < size; ++n) {
      SendCost &c = stream.cost[n];
      c.destStart = int32_t(stream.destCores.size());
      if (!dest)
        continue;
      CorePosition from =
          coreOfNeuron ? positionOf((*coreOfNeuron)[n]) : host;
      for (int64_t id : (*dest)[n]) {
        Distance d = getDistance(from, positionOf(id));
        ++c.messages;
        c.hops += d.hops;
        c.crossings += d.chipCrossings;
        if (id >= 0) {
          stream.destCores.push_back(coreIndex.lookup(id));
          ++c.coreDests;
        }
      }
    }
    s.streams.push_back(std::move(stream));
    return int32_t(s.streams.size() - 1);
  };
  llvm::DenseMap<Operation *, int32_t> firstStream;
  {
    auto it = routes.inputDestinations.find(input);
    s.inputStream = addStream(
        input.getSize(),
        it == routes.inputDestinations.end() ? nullptr : &it->second, nullptr,
        std::vector<int32_t>(input.getSize(), -1));
    firstStream[input] = s.inputStream;
  }
  for (auto [gi, group] : llvm::enumerate(groupOps)) {
    SimGroup &g = built[gi];
    std::vector<int64_t> coreOf(g.size, 0);
    std::vector<int32_t> rangeOf(g.size, 0);
    for (int32_t ri : g.ranges) {
      const SimRange &r = s.ranges[ri];
      const CoreStats &c = s.cores[r.core];
      for (int64_t n = r.first; n < r.first + r.count; ++n) {
        coreOf[n] = c.chip * desc.coresPerChip + c.core;
        rangeOf[n] = ri;
      }
    }
    firstStream[group] = int32_t(s.streams.size());
    auto &dests = routes.destinations[group];
    for (int64_t o = 0; o < group.getOutputs(); ++o)
      g.streams.push_back(addStream(g.size, &dests[o], &coreOf, rangeOf));
  }
  auto *outGroup = SymbolTable::lookupSymbolIn(program, output.getSourceAttr());
  s.outputStream = firstStream[outGroup] + int32_t(output.getSourceOutput());

  // Execution order: in fall-through mode a group runs after the sources of
  // its zero-delay blocks (the verifier rules out cycles); program order
  // otherwise.
  std::vector<int64_t> order;
  {
    std::vector<SmallVector<int64_t>> succ(groupOps.size());
    std::vector<int64_t> indegree(groupOps.size(), 0);
    if (!pipelined)
      for (const BlockInfo &b : blocks)
        if (SynapseBlockOp(b.op).getDelay() == 0 &&
            isa<NeuronGroupOp>(b.source)) {
          succ[indexOf[b.source]].push_back(indexOf[b.target]);
          ++indegree[indexOf[b.target]];
        }
    std::vector<int64_t> ready;
    for (int64_t i = groupOps.size() - 1; i >= 0; --i)
      if (indegree[i] == 0)
        ready.push_back(i);
    while (!ready.empty()) {
      int64_t i = ready.back();
      ready.pop_back();
      order.push_back(i);
      for (int64_t j : succ[i])
        if (--indegree[j] == 0)
          ready.push_back(j);
      llvm::sort(ready, std::greater<int64_t>());
    }
    if (order.size() != groupOps.size())
      return fail(program, "has a cycle of synapse blocks without delay");
  }

  // Synapse blocks by column, with the synaptic operations per target range
  // and a proof that no dendritic sum leaves int64.
  int64_t payloadMax = (int64_t(1) << (desc.messagePayloadBits - 1)) - 1;
  int64_t maxDelay = 0;
  auto maxTransit = [&](ArrayRef<int32_t> fromRanges, bool fromHost,
                        ArrayRef<int32_t> toRanges) {
    double worst = 0;
    auto core = [&](int32_t ri) {
      const CoreStats &c = s.cores[s.ranges[ri].core];
      return getCorePosition(desc, *system, c.chip, c.core);
    };
    SmallVector<CorePosition> from;
    if (fromHost)
      from.push_back(host);
    for (int32_t ri : fromRanges)
      from.push_back(core(ri));
    for (const CorePosition &a : from)
      for (int32_t ri : toRanges) {
        Distance d = getDistance(a, core(ri));
        worst = std::max(worst, d.hops * desc.latencyPerMeshHopNs +
                                    d.chipCrossings *
                                        desc.latencyPerChipCrossingNs);
      }
    return worst;
  };
  // The largest payload of each stream: the proven bound of the value its
  // send carries (docs/loihi2.md, "Payload bound").
  std::vector<int64_t> payloadBound(s.streams.size(), payloadMax);
  payloadBound[s.inputStream] = fixed::maxCode(s.inputWidth);
  for (NeuronGroupOp group : groupOps)
    for (auto send : group.getBody().front().getOps<McSendOp>())
      if (std::optional<int64_t> bound = getValueBound(send.getPayload()))
        payloadBound[firstStream[group] + send.getOutput()] =
            std::min(*bound, payloadMax);
  std::vector<std::vector<double>> portBound(groupOps.size());
  for (auto [gi, g] : llvm::enumerate(built))
    portBound[gi].assign(g.ports, 0.0);
  for (const BlockInfo &b : blocks) {
    SynapseBlockOp op = b.op;
    if (!b.available)
      return fail(op, "its weights are unavailable");
    SimGroup &target = built[indexOf[b.target]];
    SimBlock block;
    block.stream = firstStream[b.source] + int32_t(op.getSourceOutput());
    block.port = int32_t(op.getPort());
    block.delay = op.getDelay() + s.connectionDelay;
    block.weightExp = op.getWeightExp();
    maxDelay = std::max(maxDelay, block.delay);
    const CsrMatrix &w = b.weights;
    block.colStart.assign(w.cols + 1, 0);
    double largestRow = 0;
    for (int64_t r = 0; r < w.rows; ++r) {
      double row = 0;
      for (int64_t k = w.rowStart[r]; k < w.rowStart[r + 1]; ++k)
        if (w.values[k] != 0) {
          ++block.colStart[w.colIndex[k] + 1];
          row += std::fabs(w.values[k]);
        }
      largestRow = std::max(largestRow, row);
    }
    double sourceMax = double(payloadBound[block.stream]);
    portBound[indexOf[b.target]][block.port] +=
        largestRow * sourceMax * std::ldexp(1.0, int(std::max<int64_t>(
                                                     block.weightExp, 0)));
    for (int64_t j = 0; j < w.cols; ++j)
      block.colStart[j + 1] += block.colStart[j];
    block.rows.resize(block.colStart.back());
    block.weights.resize(block.colStart.back());
    std::vector<int64_t> fill(block.colStart.begin(), block.colStart.end() - 1);
    for (int64_t r = 0; r < w.rows; ++r)
      for (int64_t k = w.rowStart[r]; k < w.rowStart[r + 1]; ++k)
        if (w.values[k] != 0) {
          int64_t at = fill[w.colIndex[k]]++;
          block.rows[at] = int32_t(r);
          block.weights[at] = int32_t(w.values[k]);
        }
    // Rows are in increasing order within a column, so the entries of one
    // target range are consecutive.
    std::vector<int32_t> rangeOfRow(w.rows, 0);
    for (int32_t ri : target.ranges)
      for (int64_t n = s.ranges[ri].first;
           n < s.ranges[ri].first + s.ranges[ri].count; ++n)
        rangeOfRow[n] = ri;
    if (target.ranges.size() == 1)
      block.onlyRange = target.ranges.front();
    if (block.weightExp == 0 && w.rows < (int64_t(1) << 24)) {
      block.packed.resize(block.rows.size());
      for (size_t k = 0; k < block.rows.size(); ++k) {
        if (block.weights[k] < -128 || block.weights[k] > 127) {
          block.packed.clear();
          break;
        }
        block.packed[k] = (uint32_t(block.rows[k]) << 8) |
                          uint32_t(uint8_t(int8_t(block.weights[k])));
      }
    }
    block.splitStart.assign(w.cols + 1, 0);
    for (int64_t j = 0; j < w.cols; ++j) {
      for (int64_t k = block.colStart[j]; k < block.colStart[j + 1]; ++k) {
        int32_t ri = rangeOfRow[block.rows[k]];
        if (block.splits.size() > size_t(block.splitStart[j]) &&
            block.splits.back().first == ri)
          ++block.splits.back().second;
        else
          block.splits.push_back({ri, 1});
      }
      block.splitStart[j + 1] = block.splits.size();
    }
    SmallVector<int32_t> sourceRanges;
    if (auto sourceGroup = dyn_cast<NeuronGroupOp>(b.source)) {
      sourceRanges.assign(built[indexOf[sourceGroup]].ranges.begin(),
                          built[indexOf[sourceGroup]].ranges.end());
      block.sourceGroup = int32_t(indexOf[sourceGroup]);
    }
    block.transitNs =
        maxTransit(sourceRanges, isa<InputOp>(b.source), target.ranges);
    target.blocks.push_back(std::move(block));
  }
  for (auto [gi, bounds] : llvm::enumerate(portBound)) {
    for (auto [p, bound] : llvm::enumerate(bounds))
      if (bound >= std::ldexp(1.0, 62))
        return fail(groupOps[gi], "the synapse blocks into port " + Twine(p) +
                                      " can sum beyond 2^62, more than the "
                                      "simulator holds exactly");
    SimGroup &g = built[gi];
    g.narrow = llvm::all_of(bounds, [](double bound) {
                 return bound < std::ldexp(1.0, 31);
               }) &&
               llvm::all_of(g.blocks, [](const SimBlock &b) {
                 return !b.packed.empty() || b.rows.empty();
               });
  }
  {
    SmallVector<int32_t> outRanges(built[indexOf[outGroup]].ranges.begin(),
                                   built[indexOf[outGroup]].ranges.end());
    s.outputTransitNs = 0;
    for (int32_t ri : outRanges) {
      const CoreStats &c = s.cores[s.ranges[ri].core];
      Distance d =
          getDistance(getCorePosition(desc, *system, c.chip, c.core), host);
      s.outputTransitNs =
          std::max(s.outputTransitNs,
                   d.hops * desc.latencyPerMeshHopNs +
                       d.chipCrossings * desc.latencyPerChipCrossingNs);
    }
  }
  s.barrierNs = desc.barrierTimePerStepNs;
  if (s.chipsUsed > 1)
    s.barrierNs += 2.0 * double(system->meshX + system->meshY - 2) *
                   desc.latencyPerChipCrossingNs;

  // Groups in execution order; ranges refer to groups by that order.
  std::vector<int32_t> newIndex(groupOps.size());
  for (auto [pos, gi] : llvm::enumerate(order))
    newIndex[gi] = int32_t(pos);
  for (SimRange &r : s.ranges)
    r.group = newIndex[r.group];
  for (SimGroup &g : built)
    for (SimBlock &b : g.blocks)
      if (b.sourceGroup >= 0)
        b.sourceGroup = newIndex[b.sourceGroup];
  s.outputGroup = newIndex[indexOf[outGroup]];
  for (int64_t gi : order)
    s.groups.push_back(std::move(built[gi]));

  s.depth = maxDelay + 2;
  for (Stream &stream : s.streams) {
    stream.values.assign(s.depth, std::vector<int64_t>(stream.size, 0));
    stream.nonZero.assign(s.depth, {});
  }
  int32_t maxRegs = 0;
  int64_t maxPorts = 0, maxSize = 0;
  for (SimGroup &g : s.groups) {
    maxRegs = std::max(maxRegs, g.numRegisters);
    maxPorts = std::max(maxPorts, g.ports);
    maxSize = std::max(maxSize, g.size);
  }
  s.regs.assign(maxRegs, std::vector<int64_t>(maxSize, 0));
  s.portAcc.assign(maxPorts, std::vector<int64_t>(maxSize, 0));
  s.portAcc32.assign(maxPorts, std::vector<int32_t>(maxSize, 0));
  s.blockAcc.assign(maxSize, 0);
  s.coreFree.assign(s.cores.size(), 0);
  s.groupFinish.assign(s.groups.size(), 0);
  return sim;
}

/// x · 2^e for e >= 0, round-half-up x · 2^e for e < 0 (docs/loihi2.md),
/// for |x| < 2^62 and results proven in range.
static int64_t scaleBy(int64_t x, int64_t e) {
  if (e >= 0)
    return x * (int64_t(1) << e);
  int64_t s = -e;
  if (s >= 63)
    return 0;
  return int64_t((__int128(x) + (__int128(1) << (s - 1))) >> s);
}

inline void Simulator::Impl::send(Stream &out, int64_t slot, int64_t n,
                                  int64_t v) {
  out.values[slot][n] = v;
  out.nonZero[slot].push_back(int32_t(n));
  const SendCost &c = out.cost[n];
  step_.messages += c.messages;
  step_.meshHops += c.hops;
  step_.chipCrossings += c.crossings;
  ++out.sentCount[n];
  int32_t ri = out.rangeOf[n];
  if (ri >= 0)
    ++ranges[ri].sends;
}

/// Charges the synaptic operations of column `j` of `b` (a message of
/// source neuron j) to the ranges of the target: to `ops` when the target is
/// one range (added once per block), else to each range at once.
inline void Simulator::Impl::chargeColumn(const SimBlock &b, int32_t j,
                                          int64_t &ops) {
  if (b.onlyRange >= 0) {
    ops += b.colStart[j + 1] - b.colStart[j];
    return;
  }
  for (int64_t k = b.splitStart[j]; k < b.splitStart[j + 1]; ++k)
    ranges[b.splits[k].first].synapticOps += b.splits[k].second;
}

/// to[i] = x[i] clamped to the symmetric `width`-bit range, counting the
/// values it changes (write_state and sat).
static inline void saturateInto(const int64_t *x, int64_t *to, int64_t n,
                                int64_t width, int64_t &count) {
  int64_t lim = (int64_t(1) << (width - 1)) - 1, changed = 0;
  for (int64_t i = 0; i < n; ++i) {
    changed += (x[i] > lim) | (x[i] < -lim);
    to[i] = std::clamp(x[i], -lim, lim);
  }
  count += changed;
}

/// The int32 path of the dendritic accumulation (SimGroup::narrow).
void Simulator::Impl::accumulateNarrow(SimGroup &g) {
  int64_t n = g.size;
  for (int64_t p = 0; p < g.ports; ++p)
    std::fill(portAcc32[p].begin(), portAcc32[p].begin() + n, 0);
  for (SimBlock &b : g.blocks) {
    int64_t from = time - b.delay;
    if (from < 0)
      continue;
    int64_t inSlot = from % depth;
    Stream &in = streams[b.stream];
    int32_t *acc = portAcc32[b.port].data();
    const int64_t *values = in.values[inSlot].data();
    const uint32_t *entries = b.packed.data();
    const int64_t *colStart = b.colStart.data();
    int64_t ops = 0;
    for (int32_t j : in.nonZero[inSlot]) {
      int32_t value = int32_t(values[j]);
      for (int64_t k = colStart[j], end = colStart[j + 1]; k < end; ++k) {
        uint32_t e = entries[k];
        acc[e >> 8] += int32_t(int8_t(e & 0xff)) * value;
      }
      chargeColumn(b, j, ops);
    }
    if (b.onlyRange >= 0)
      ranges[b.onlyRange].synapticOps += ops;
  }
}

// The instruction loops are element-wise over int64 arrays; with AVX2 or
// AVX-512 they vectorise (min/max/compare of 64-bit lanes). Clones for those
// ISAs are picked at run time, so the binary still runs anywhere.
__attribute__((target_clones("avx512f", "avx2", "default")))
void Simulator::Impl::runGroup(SimGroup &g, int64_t slot) {
  // Clear this step's outgoing messages.
  for (int32_t si : g.streams) {
    Stream &out = streams[si];
    for (int32_t j : out.nonZero[slot])
      out.values[slot][j] = 0;
    out.nonZero[slot].clear();
  }
  if (time < g.start)
    return;
  int64_t n = g.size;
  // Dendritic accumulation, event-driven over the non-zero messages.
  if (g.narrow)
    accumulateNarrow(g);
  else
    for (int64_t p = 0; p < g.ports; ++p)
      std::fill(portAcc[p].begin(), portAcc[p].begin() + n, 0);
  for (SimBlock &b : g.blocks) {
    if (g.narrow)
      break;
    int64_t from = time - b.delay;
    if (from < 0)
      continue;
    int64_t inSlot = from % depth;
    Stream &in = streams[b.stream];
    bool direct = b.weightExp == 0;
    int64_t *acc = direct ? portAcc[b.port].data() : blockAcc.data();
    if (!direct)
      std::fill(blockAcc.begin(), blockAcc.begin() + n, 0);
    const int64_t *values = in.values[inSlot].data();
    const int32_t *rows = b.rows.data();
    const int32_t *weights = b.weights.data();
    const int64_t *colStart = b.colStart.data();
    int64_t ops = 0;
    for (int32_t j : in.nonZero[inSlot]) {
      int64_t value = values[j];
      for (int64_t k = colStart[j], end = colStart[j + 1]; k < end; ++k)
        acc[rows[k]] += int64_t(weights[k]) * value;
      chargeColumn(b, j, ops);
    }
    if (b.onlyRange >= 0)
      ranges[b.onlyRange].synapticOps += ops;
    if (!direct)
      for (int64_t i = 0; i < n; ++i)
        portAcc[b.port][i] += scaleBy(blockAcc[i], b.weightExp);
  }
  // Neuron programs, one instruction over all neurons at a time.
  for (const Instruction &ins : g.code) {
    int64_t *d = ins.dst >= 0 ? regs[ins.dst].data() : nullptr;
    const int64_t *a = ins.a >= 0 ? regs[ins.a].data() : nullptr;
    const int64_t *b = ins.b >= 0 ? regs[ins.b].data() : nullptr;
    const int64_t m = aluMax;
    switch (ins.opcode) {
    case Opcode::ReadState:
      std::copy_n(g.state[ins.imm].data(), n, d);
      break;
    case Opcode::WriteState:
      saturateInto(a, g.state[ins.imm].data(), n, ins.imm2,
                   counters.saturations);
      break;
    case Opcode::ReadParam:
      std::copy_n(g.params[ins.imm].data(), n, d);
      break;
    case Opcode::ReadPort: {
      if (g.narrow) {
        // |sum| < 2^31 <= M: no saturation possible.
        const int32_t *p = portAcc32[ins.imm].data();
        for (int64_t i = 0; i < n; ++i)
          d[i] = p[i];
        break;
      }
      const int64_t *p = portAcc[ins.imm].data();
      for (int64_t i = 0; i < n; ++i)
        d[i] = std::clamp(p[i], -m, m);
      break;
    }
    case Opcode::Const:
      std::fill_n(d, n, ins.imm);
      break;
    case Opcode::Add:
      for (int64_t i = 0; i < n; ++i)
        d[i] = std::clamp(a[i] + b[i], -m, m);
      break;
    case Opcode::Sub:
      for (int64_t i = 0; i < n; ++i)
        d[i] = std::clamp(a[i] - b[i], -m, m);
      break;
    case Opcode::Mul:
      for (int64_t i = 0; i < n; ++i) {
        int64_t p;
        if (__builtin_mul_overflow(a[i], b[i], &p))
          p = (a[i] < 0) != (b[i] < 0) ? -m : m;
        d[i] = std::clamp(p, -m, m);
      }
      break;
    case Opcode::Min:
      for (int64_t i = 0; i < n; ++i)
        d[i] = std::min(a[i], b[i]);
      break;
    case Opcode::Max:
      for (int64_t i = 0; i < n; ++i)
        d[i] = std::max(a[i], b[i]);
      break;
    case Opcode::CmpGt:
      for (int64_t i = 0; i < n; ++i)
        d[i] = a[i] > b[i];
      break;
    case Opcode::CmpEq:
      for (int64_t i = 0; i < n; ++i)
        d[i] = a[i] == b[i];
      break;
    case Opcode::ShrRound: {
      // |x| < 2^61 and s <= 62, so x + 2^(s-1) fits.
      int64_t s = ins.imm, half = int64_t(1) << (s - 1);
      for (int64_t i = 0; i < n; ++i)
        d[i] = (a[i] + half) >> s;
      break;
    }
    case Opcode::Shl: {
      int64_t s = ins.imm, lim = m >> s;
      for (int64_t i = 0; i < n; ++i)
        d[i] = a[i] > lim ? m : a[i] < -lim ? -m : a[i] * (int64_t(1) << s);
      break;
    }
    case Opcode::Sat:
      saturateInto(a, d, n, ins.imm, counters.saturations);
      break;
    case Opcode::Relu:
      for (int64_t i = 0; i < n; ++i)
        d[i] = std::max<int64_t>(a[i], 0);
      break;
    case Opcode::Select: {
      const int64_t *c = regs[ins.c].data();
      for (int64_t i = 0; i < n; ++i)
        d[i] = a[i] != 0 ? b[i] : c[i];
      break;
    }
    case Opcode::Lut: {
      const Lut &lut = luts[ins.lut];
      for (int64_t i = 0; i < n; ++i) {
        // §5 needs |q| < 2^62; beyond, every table is at its end anyway.
        int64_t q = std::clamp<int64_t>(a[i], -(int64_t(1) << 61),
                                        int64_t(1) << 61);
        d[i] = fixed::evaluateLut(lut.nodes, lut.params, lut.identityAbove, q,
                                  lut.inExp, lut.outExp, lut.width,
                                  lut.accBits, counters.saturations);
      }
      break;
    }
    case Opcode::Send: {
      Stream &out = streams[g.streams[ins.imm]];
      for (int64_t i = 0; i < n; ++i)
        if (a[i] != 0)
          send(out, slot, i, a[i]);
      break;
    }
    }
  }
}

/// The estimates of one step from its per-range counts (docs/loihi2.md,
/// "Simulator"): each range's time is its synaptic operations, neuron
/// instructions and spikes at the target's per-operation latencies; a core
/// runs its ranges one after another.
void Simulator::Impl::estimate(StepStats &st) {
  const TargetDescription &d = *desc;
  std::fill(coreFree.begin(), coreFree.end(), 0.0);
  double end = 0;
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    SimGroup &g = groups[gi];
    bool active = time >= g.start;
    // Fall-through: a group starts once its inputs have arrived.
    double arrival = 0;
    if (mode == ExecutionMode::FallThrough)
      for (const SimBlock &b : g.blocks)
        arrival = std::max(arrival, b.transitNs +
                                        (b.sourceGroup >= 0
                                             ? groupFinish[b.sourceGroup]
                                             : 0.0));
    double finish = arrival;
    for (int32_t ri : g.ranges) {
      SimRange &r = ranges[ri];
      int64_t instructions = active ? r.count * g.instructions : 0;
      double work = r.synapticOps * d.latencyPerSynapticOpNs +
                    instructions * d.latencyPerNeuronInstructionNs +
                    r.sends * d.latencyPerSpikeNs;
      CoreStats &core = cores[r.core];
      core.synapticOps += r.synapticOps;
      core.neuronInstructions += instructions;
      core.busyNs += work;
      st.synapticOps += r.synapticOps;
      st.neuronInstructions += instructions;
      double start = mode == ExecutionMode::FallThrough
                         ? std::max(arrival, coreFree[r.core])
                         : coreFree[r.core];
      coreFree[r.core] = start + work;
      finish = std::max(finish, start + work);
      r.synapticOps = r.sends = 0;
    }
    groupFinish[gi] = finish;
    end = std::max(end, finish);
  }
  if (mode == ExecutionMode::FallThrough) {
    // The token's path ends when the output group's values reach the host.
    st.latencyNs = groupFinish[outputGroup] + outputTransitNs + barrierNs;
  } else {
    // One hop per step: the slowest core, then its messages' transit.
    double transit = outputTransitNs;
    for (const SimGroup &g : groups)
      for (const SimBlock &b : g.blocks)
        transit = std::max(transit, b.transitNs);
    st.latencyNs = end + transit + barrierNs;
  }
  st.dynamicEnergyPJ = st.synapticOps * d.energyPerSynapticOpPJ +
                       st.neuronInstructions * d.energyPerNeuronInstructionPJ +
                       st.messages * d.energyPerSpikePJ +
                       st.meshHops * d.energyPerMeshHopPJ +
                       st.chipCrossings * d.energyPerChipCrossingPJ;
  // W x ns = 1e-9 J = 1000 pJ.
  st.staticEnergyPJ =
      d.staticPowerPerChipW * double(chipsUsed) * st.latencyNs * 1000.0;
}

void Simulator::Impl::step(const int64_t *input) {
  int64_t slot = time % depth;
  step_ = StepStats();
  Stream &in = streams[inputStream];
  for (int32_t j : in.nonZero[slot])
    in.values[slot][j] = 0;
  in.nonZero[slot].clear();
  if (input) {
    int64_t lim = fixed::maxCode(inputWidth);
    for (int64_t j = 0; j < inputSize; ++j) {
      int64_t q = input[j];
      if (q > lim || q < -lim) {
        ++counters.inputSaturations;
        q = std::clamp(q, -lim, lim);
      }
      if (q != 0)
        send(in, slot, j, q);
    }
  }
  for (SimGroup &g : groups)
    runGroup(g, slot);
  estimate(step_);
  counters.synapticOps += step_.synapticOps;
  counters.neuronInstructions += step_.neuronInstructions;
  counters.messages += step_.messages;
  counters.meshHops += step_.meshHops;
  counters.chipCrossings += step_.chipCrossings;
  ++counters.steps;
  stepStats.push_back(step_);
  ++time;
}

std::vector<int64_t> Simulator::run(ArrayRef<int64_t> inputCodes,
                                    int64_t tokens) {
  Impl &s = *impl;
  std::vector<int64_t> out(tokens * s.outputSize, 0);
  int64_t total = tokens + s.latency;
  s.stepStats.reserve(s.stepStats.size() + total);
  for (int64_t t = 0; t < total; ++t) {
    s.step(t < tokens ? inputCodes.data() + t * s.inputSize : nullptr);
    if (s.progress)
      s.progress(t + 1, total);
    int64_t token = t - s.latency;
    if (token < 0)
      continue;
    Stream &o = s.streams[s.outputStream];
    int64_t slot = (s.time - 1) % s.depth;
    for (int32_t j : o.nonZero[slot])
      out[token * s.outputSize + j] = o.values[slot][j];
  }
  return out;
}
