//===- Simulator.cpp - Functional simulator of Loihi 2 programs -----------===//
//
// The simulator advances time in chunks of up to kChunk steps: each group,
// in an order where every source comes first (or feeds through a delay of
// at least the chunk), accumulates its dendritic sums for the whole chunk,
// then runs its neuron program step by step. Speed comes from:
// - time-vectorised synapses: a stream keeps each neuron's values of the
//   chunk (and the history its delays reach) contiguous in time, so one
//   stored weight is one multiply-add over kChunk lanes, and the weights
//   are read once per chunk instead of once per step;
// - neuron programs compiled once into a flat instruction list over a few
//   reused registers, each instruction one tight loop over the group's
//   neurons (vectorised; products proven in range skip overflow checks);
// - everything a message costs (destination cores, mesh hops, chip
//   crossings, synaptic operations per core) precomputed per sending neuron
//   and column, and counted without branches.
// Exactness: every value of the neuron arithmetic stays within
// ±(2^(U-1) - 1) with U = neuron_alu_bits <= 62, so int64 sums of two values
// never overflow and products are checked; dendritic sums are proven below
// 2^62 when the program is loaded, and below 2^31 where int32 lanes are used.
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
#include <cstring>
#include <ctime>
#include <limits>
#include <type_traits>

#include <immintrin.h>

using namespace mlir;
using namespace lrnn;
using namespace lrnn::loihi2;

namespace {

/// Time steps per pass over the groups; the synapse loops run over this many
/// lanes.
constexpr int64_t kChunk = 64;

enum class Opcode {
  ReadState, WriteState, ReadParam, ReadPort, Const, Add, Sub, Mul, MulExact,
  Min, Max, CmpGt, CmpEq, ShrRound, Shl, Sat, Relu, Select, Lut, Send
};

struct Instruction {
  Opcode opcode;
  int32_t dst = -1, a = -1, b = -1, c = -1; ///< registers
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

/// One (source, output) stream of values. `values` is [neuron][stride]:
/// column c holds what the neuron sent at step chunkStart - history + c, so
/// the chunk's steps are columns [history, history + kChunk) and a block
/// with delay d reads the kChunk columns from history - d. Producers write
/// a chunk into `staging` ([step][neuron]) and transpose it in. Per sending
/// neuron, what one of its messages costs.
struct Stream {
  int64_t size = 0, history = 0, stride = 0;
  std::vector<int32_t> values;
  std::vector<int32_t> staging;
  std::vector<int32_t> messages;  ///< destination cores (the host counts as one)
  std::vector<int32_t> coreDests; ///< of which neurocores, in destCores
  std::vector<int32_t> destStart;
  std::vector<int64_t> hops, crossings;
  bool travels = false; ///< some message takes a hop
  std::vector<int32_t> destCores; ///< used-core indices
  std::vector<int32_t> rangeOf;   ///< [neuron] -> range (-1: host)
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
  // The step being estimated.
  int64_t synapticOps = 0, sends = 0;
};

struct SimGroup {
  std::string name;
  int64_t size = 0, start = 0, ports = 0;
  int32_t numRegisters = 0;
  /// The program split in three (splitAndAllocate): instructions that do
  /// not depend on the state run over a block of steps at once (registers
  /// hold [step][neuron]), then those that update the state step by step,
  /// then the rest of the block at once; program order within each.
  std::vector<Instruction> timeParallel, perStep, afterSteps;
  int64_t stepsPerBlock = 1; ///< steps the registers hold
  std::vector<std::vector<int64_t>> state;  // [variable][neuron]
  std::vector<std::vector<int64_t>> params; // [parameter][neuron]
  std::vector<int32_t> streams;             // output -> stream
  std::vector<SimBlock> blocks;             // feeding this group
  std::vector<int32_t> ranges;
  int64_t instructions = 0; // per neuron and step
  /// Every port's sum provably fits int32 and every block has exponent 0:
  /// accumulate in int32 lanes (twice the lanes per vector of int64).
  bool narrow = false;
  /// Every value of the program provably fits int32: registers are int32
  /// (twice the lanes per vector).
  bool narrowRegisters = false;
};

} // namespace

struct Simulator::Impl {
  const TargetDescription *desc = nullptr;
  std::string systemName;
  ExecutionMode mode = ExecutionMode::FallThrough;
  int64_t aluMax = 0;
  int64_t connectionDelay = 0;
  int64_t history = 0; ///< the longest delay: columns kept before a chunk
  int64_t maxChunk = kChunk; ///< at most the shortest delay back in the order
  int64_t inputSize = 0, outputSize = 0, latency = 0;
  unsigned inputWidth = 16;
  int inputExp = 0, outputExp = 0;
  int32_t inputStream = -1, outputStream = -1, outputGroup = 0;
  double outputTransitNs = 0, barrierNs = 0;
  int64_t chipsUsed = 1;
  std::vector<Stream> streams;
  std::vector<SimGroup> groups; ///< in execution order
  std::vector<SimRange> ranges;
  std::vector<CoreStats> cores; ///< used cores
  std::vector<Lut> luts;
  SimulationCounters counters;
  std::vector<StepStats> stepStats;
  std::function<void(int64_t, int64_t)> progress;
  double cpuSeconds = 0; ///< in run() since the last reset
  int64_t time = 0; ///< the first step of the chunk being run
  // The chunk's counts: [range * kChunk + step] and [step].
  std::vector<int64_t> rangeOps, rangeSends;
  std::vector<int64_t> stepMessages, stepHops, stepCrossings;
  // Scratch.
  std::vector<std::vector<int32_t>> portAcc32; ///< [port][neuron * kChunk + t]
  std::vector<std::vector<int64_t>> portAcc;   ///< the same, int64
  std::vector<int64_t> blockAcc;
  /// The sums by step, [port][t * size + neuron] (int32 for narrow groups).
  std::vector<std::vector<int64_t>> portSteps;
  std::vector<std::vector<int32_t>> portSteps32;
  std::vector<std::vector<int64_t>> regs;
  std::vector<std::vector<int32_t>> regs32; ///< for narrowRegisters groups
  std::vector<int64_t> lutIn, lutOut;
  std::vector<int64_t> inputCodes;
  std::vector<double> coreFree, groupFinish;

  void runChunk(const int64_t *input, int64_t inputSteps, int64_t length);
  void advanceHistory(int64_t length);
  void sendInput(const int64_t *input, int64_t inputSteps, int64_t length);
  void runGroup(SimGroup &g, int64_t length);
  void accumulate(SimGroup &g, int64_t first, int64_t length);
  void execute(SimGroup &g, ArrayRef<Instruction> code, int64_t t,
               int64_t steps, int64_t laneOffset);
  template <typename T>
  void executeAs(SimGroup &g, ArrayRef<Instruction> code, int64_t t,
                 int64_t steps, int64_t laneOffset);
  template <typename T>
  void countSends(Stream &out, const T *values, int64_t t,
                  ArrayRef<int32_t> senderRanges);
  void chargeColumn(const SimBlock &b, int32_t j, const int32_t *m,
                    const int32_t *activeLanes, int64_t *ops);
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
double Simulator::getCpuSeconds() const { return impl->cpuSeconds; }

/// CPU time of the calling thread.
static double threadCpuSeconds() {
  timespec now;
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;
  return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

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
      if (int32_t ri = stream.rangeOf[n]; ri >= 0)
        cores[s.ranges[ri].core].messagesSent += sent * stream.messages[n];
      for (int32_t k = stream.destStart[n], e = k + stream.coreDests[n];
           k < e; ++k)
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
    std::fill(stream.values.begin(), stream.values.end(), 0);
    std::fill(stream.sentCount.begin(), stream.sentCount.end(), 0);
  }
  for (CoreStats &c : s.cores) {
    c.synapticOps = c.neuronInstructions = 0;
    c.messagesSent = c.messagesReceived = 0;
    c.busyNs = 0;
  }
  s.counters = SimulationCounters();
  s.cpuSeconds = 0;
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

/// Splits `code` (program order, one value per result) in three: the
/// instructions that do not depend on the state (run over a block of steps
/// at once), those on the way from reading to writing the state (run step
/// by step), and those that depend on the state but do not feed it back
/// (run over the block after it). It then maps values to as few registers
/// as their lifetimes allow, so the registers stay in cache: the execution
/// order is the three lists in turn, every register holds the block's steps
/// at [step][neuron], and a step-by-step instruction only touches its
/// step's lanes. A time-parallel value read step by step lives to the end.
/// A result never shares a register with an operand of its own instruction
/// (the loops then never alias).
static int32_t splitAndAllocate(std::vector<Instruction> code,
                                int32_t numValues, SimGroup &g) {
  auto touchesState = [](const Instruction &ins) {
    return ins.opcode == Opcode::ReadState || ins.opcode == Opcode::WriteState;
  };
  std::vector<char> stateful(numValues, 0), feedsState(numValues, 0);
  std::vector<char> isStateful(code.size(), 0), isFeeding(code.size(), 0);
  for (auto [i, ins] : llvm::enumerate(code)) {
    bool dependsOnState = touchesState(ins);
    for (int32_t v : {ins.a, ins.b, ins.c})
      dependsOnState |= v >= 0 && stateful[v];
    if (ins.dst >= 0)
      stateful[ins.dst] = dependsOnState;
    isStateful[i] = dependsOnState;
  }
  for (int64_t i = int64_t(code.size()) - 1; i >= 0; --i) {
    const Instruction &ins = code[i];
    bool feeds = ins.opcode == Opcode::WriteState ||
                 (ins.dst >= 0 && feedsState[ins.dst]);
    isFeeding[i] = feeds;
    if (feeds)
      for (int32_t v : {ins.a, ins.b, ins.c})
        if (v >= 0)
          feedsState[v] = 1;
  }
  for (auto [i, ins] : llvm::enumerate(code)) {
    if (!isStateful[i])
      g.timeParallel.push_back(ins);
    else if (isFeeding[i] || touchesState(ins))
      g.perStep.push_back(ins);
    else
      g.afterSteps.push_back(ins);
  }
  int64_t numTimeParallel = int64_t(g.timeParallel.size());
  int64_t numPerStep = int64_t(g.perStep.size());
  auto at = [&](int64_t i) -> Instruction & {
    if (i < numTimeParallel)
      return g.timeParallel[i];
    if (i < numTimeParallel + numPerStep)
      return g.perStep[i - numTimeParallel];
    return g.afterSteps[i - numTimeParallel - numPerStep];
  };
  int64_t total = numTimeParallel + numPerStep + int64_t(g.afterSteps.size());
  std::vector<int64_t> lastUse(numValues, -1);
  for (int64_t i = 0; i < total; ++i)
    for (int32_t v : {at(i).a, at(i).b, at(i).c})
      if (v >= 0)
        lastUse[v] = i >= numTimeParallel && !stateful[v] ? total : i;
  std::vector<int32_t> physical(numValues, -1), free;
  int32_t used = 0;
  for (int64_t i = 0; i < total; ++i) {
    Instruction &ins = at(i);
    SmallVector<int32_t, 3> dying;
    for (int32_t *v : {&ins.a, &ins.b, &ins.c})
      if (*v >= 0) {
        if (lastUse[*v] == i && !llvm::is_contained(dying, *v))
          dying.push_back(*v);
        *v = physical[*v];
      }
    if (ins.dst >= 0) {
      int32_t reg = used;
      if (free.empty())
        ++used;
      else {
        reg = free.back();
        free.pop_back();
      }
      physical[ins.dst] = reg;
      if (lastUse[ins.dst] < 0)
        free.push_back(reg);
      ins.dst = reg;
    }
    for (int32_t v : dying)
      free.push_back(physical[v]);
  }
  return used;
}

/// Whether every value of `group`'s program provably stays below 2^31 in
/// magnitude, given bounds on its ports' sums, so that int32 registers
/// compute it exactly: no product, sum or shift can overflow them, and with
/// M >= 2^31 - 1 no clamp to ±M ever acts.
static bool fitsInt32Registers(NeuronGroupOp group, ArrayRef<double> portBound,
                               int64_t aluMax) {
  const double limit = std::ldexp(1.0, 31) - 1;
  if (double(aluMax) < limit)
    return false;
  auto widthMax = [](int64_t width) {
    return std::ldexp(1.0, int(width - 1)) - 1;
  };
  llvm::DenseMap<Value, double> bound;
  auto of = [&](Value v) { return bound.lookup(v); };
  for (Operation &op : group.getBody().front()) {
    if (op.getNumResults() != 1)
      continue;
    double b = 0;
    if (auto o = dyn_cast<McReadPortOp>(op)) {
      b = portBound[o.getPort()];
    } else if (auto o = dyn_cast<McReadParamOp>(op)) {
      FailureOr<std::vector<int64_t>> values =
          readIntElements(group.getParam(o.getName()));
      if (failed(values))
        return false;
      for (int64_t v : *values)
        b = std::max(b, std::fabs(double(v)));
    } else if (auto o = dyn_cast<McReadStateOp>(op)) {
      b = widthMax(group.getStateWidth(o.getName()));
    } else if (auto o = dyn_cast<McConstOp>(op)) {
      b = std::fabs(double(o.getValue()));
    } else if (isa<McAddOp, McSubOp>(op)) {
      b = of(op.getOperand(0)) + of(op.getOperand(1));
    } else if (isa<McMulOp>(op)) {
      b = of(op.getOperand(0)) * of(op.getOperand(1));
    } else if (isa<McMinOp, McMaxOp>(op)) {
      b = std::max(of(op.getOperand(0)), of(op.getOperand(1)));
    } else if (isa<McSelectOp>(op)) {
      b = std::max(of(op.getOperand(1)), of(op.getOperand(2)));
    } else if (isa<McCmpGtOp, McCmpEqOp>(op)) {
      b = 1;
    } else if (auto o = dyn_cast<McShrRoundOp>(op)) {
      // x + 2^(s-1) is formed before the shift.
      if (o.getShift() > 30)
        return false;
      double x = of(o.getInput()) + std::ldexp(1.0, int(o.getShift() - 1));
      if (x > limit)
        return false;
      b = std::ceil(x / std::ldexp(1.0, int(o.getShift())));
    } else if (auto o = dyn_cast<McShlOp>(op)) {
      b = of(o.getInput()) * std::ldexp(1.0, int(std::min<int64_t>(
                                                o.getShift(), 62)));
    } else if (auto o = dyn_cast<McSatOp>(op)) {
      b = std::min(of(o.getInput()), widthMax(o.getWidth()));
    } else if (isa<McReluOp>(op)) {
      b = of(op.getOperand(0));
    } else if (auto o = dyn_cast<McLutOp>(op)) {
      b = widthMax(o.getWidth());
    } else {
      return false;
    }
    if (!(b <= limit))
      return false;
    bound[op.getResult(0)] = b;
  }
  return true;
}

/// Compiles a neuron program into instructions over registers.
static llvm::Error compileProgram(NeuronGroupOp group, SimGroup &g,
                                  std::vector<Lut> &luts, int64_t aluMax) {
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
  std::vector<Instruction> code;
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
      // A product of bounded operands that provably fits needs no check.
      if (isa<McMulOp>(op)) {
        std::optional<int64_t> x = getValueBound(op.getOperand(0));
        std::optional<int64_t> y = getValueBound(op.getOperand(1));
        if (x && y && __int128(*x) * __int128(*y) <= __int128(aluMax))
          ins.opcode = Opcode::MulExact;
      }
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
    code.push_back(ins);
  }
  g.instructions = int64_t(code.size());
  g.numRegisters = splitAndAllocate(std::move(code), int32_t(reg.size()), g);
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
    if (llvm::Error err = compileProgram(group, g, s.luts, s.aluMax))
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
    stream.messages.assign(size, 0);
    stream.coreDests.assign(size, 0);
    stream.destStart.assign(size, 0);
    stream.hops.assign(size, 0);
    stream.crossings.assign(size, 0);
    stream.rangeOf = rangeOf;
    stream.sentCount.assign(size, 0);
    for (int64_t n = 0; n < size; ++n) {
      stream.destStart[n] = int32_t(stream.destCores.size());
      if (!dest)
        continue;
      CorePosition from =
          coreOfNeuron ? positionOf((*coreOfNeuron)[n]) : host;
      for (int64_t id : (*dest)[n]) {
        Distance d = getDistance(from, positionOf(id));
        ++stream.messages[n];
        stream.hops[n] += d.hops;
        stream.crossings[n] += d.chipCrossings;
        stream.travels |= d.hops > 0 || d.chipCrossings > 0;
        if (id >= 0) {
          stream.destCores.push_back(coreIndex.lookup(id));
          ++stream.coreDests[n];
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

  // Execution order: every group after its sources, so whole chunks flow
  // through the program; where delayed blocks close a cycle, after the
  // sources of its zero-delay blocks (the verifier rules out cycles of
  // those), and a chunk is then no longer than the shortest delay leading
  // back in that order.
  auto totalDelay = [&](const BlockInfo &b) {
    return SynapseBlockOp(b.op).getDelay() + s.connectionDelay;
  };
  auto topologicalOrder = [&](bool zeroDelayOnly) {
    std::vector<SmallVector<int64_t>> succ(groupOps.size());
    std::vector<int64_t> indegree(groupOps.size(), 0);
    for (const BlockInfo &b : blocks)
      if (isa<NeuronGroupOp>(b.source) && b.source != b.target &&
          (!zeroDelayOnly || totalDelay(b) == 0)) {
        succ[indexOf[b.source]].push_back(indexOf[b.target]);
        ++indegree[indexOf[b.target]];
      }
    std::vector<int64_t> order, ready;
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
      order.clear();
    return order;
  };
  std::vector<int64_t> order = topologicalOrder(/*zeroDelayOnly=*/false);
  if (order.empty())
    order = topologicalOrder(/*zeroDelayOnly=*/true);
  if (order.empty())
    return fail(program, "has a cycle of synapse blocks without delay");
  {
    std::vector<int64_t> position(groupOps.size());
    for (auto [pos, gi] : llvm::enumerate(order))
      position[gi] = int64_t(pos);
    for (const BlockInfo &b : blocks)
      if (isa<NeuronGroupOp>(b.source) &&
          position[indexOf[b.source]] >= position[indexOf[b.target]])
        s.maxChunk = std::min(s.maxChunk, totalDelay(b));
    if (s.maxChunk < 1)
      return fail(program, "has a cycle of synapse blocks without delay");
  }

  // Synapse blocks by column, with the synaptic operations per target range
  // and a proof that no dendritic sum leaves int64.
  // Streams hold values in int32 lanes.
  if (desc.messagePayloadBits > 32)
    return fail(program, "the simulator supports message payloads up to 32 "
                         "bits, the target has " +
                             Twine(desc.messagePayloadBits));
  if (s.inputWidth > 32)
    return fail(input, "the simulator supports input widths up to 32 bits");
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
    g.narrowRegisters = fitsInt32Registers(groupOps[gi], bounds, s.aluMax);
    g.narrow = llvm::all_of(bounds, [](double bound) {
                 return bound < std::ldexp(1.0, 31);
               }) &&
               llvm::all_of(g.blocks, [](const SimBlock &b) {
                 return b.weightExp == 0;
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

  s.history = maxDelay;
  for (Stream &stream : s.streams) {
    stream.stride = s.history + kChunk;
    stream.values.assign(stream.size * stream.stride, 0);
    stream.staging.assign(kChunk * stream.size, 0);
  }
  int32_t maxRegs = 0;
  int64_t maxPorts = 0, maxSize = 0, maxNarrow = 0, maxWide = 0;
  for (SimGroup &g : s.groups) {
    maxRegs = std::max(maxRegs, g.numRegisters);
    maxPorts = std::max(maxPorts, g.ports);
    maxSize = std::max(maxSize, g.size);
    (g.narrow ? maxNarrow : maxWide) = std::max(g.narrow ? maxNarrow : maxWide,
                                                g.size);
  }
  // Time-parallel instructions run over blocks of steps of about
  // kBlockLanes values, so that the registers stay in cache.
  constexpr int64_t kBlockLanes = 1024;
  int64_t maxLanes = 0;
  for (SimGroup &g : s.groups) {
    g.stepsPerBlock =
        std::clamp<int64_t>(kBlockLanes / std::max<int64_t>(g.size, 1), 1,
                            kChunk);
    maxLanes = std::max(maxLanes, g.stepsPerBlock * g.size);
  }
  s.regs.assign(maxRegs, std::vector<int64_t>(maxLanes, 0));
  s.regs32.assign(maxRegs, std::vector<int32_t>(maxLanes, 0));
  s.lutIn.assign(maxLanes, 0);
  s.lutOut.assign(maxLanes, 0);
  s.portAcc32.assign(maxPorts, std::vector<int32_t>(maxNarrow * kChunk, 0));
  s.portAcc.assign(maxPorts, std::vector<int64_t>(maxWide * kChunk, 0));
  s.blockAcc.assign(maxWide * kChunk, 0);
  s.portSteps.assign(maxPorts, std::vector<int64_t>(maxWide * kChunk, 0));
  s.portSteps32.assign(maxPorts, std::vector<int32_t>(maxNarrow * kChunk, 0));
  s.rangeOps.assign(s.ranges.size() * kChunk, 0);
  s.rangeSends.assign(s.ranges.size() * kChunk, 0);
  s.stepMessages.assign(kChunk, 0);
  s.stepHops.assign(kChunk, 0);
  s.stepCrossings.assign(kChunk, 0);
  s.inputCodes.assign(s.inputSize, 0);
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

/// The messages of neurons [first, end) of a stream at one step: stores the
/// values in `stage`, returns how many are non-zero and adds what they cost.
struct SendTotals {
  int64_t values = 0, messages = 0, hops = 0, crossings = 0;
};
template <typename T>
static inline SendTotals countRange(const Stream &out, const T *__restrict a,
                                    int32_t *__restrict stage,
                                    int64_t *__restrict sent, int64_t first,
                                    int64_t end) {
  const int32_t *__restrict messages = out.messages.data();
  int64_t values = 0, messageSum = 0, hopSum = 0, crossingSum = 0;
  for (int64_t i = first; i < end; ++i) {
    bool nonZero = a[i] != 0;
    stage[i] = int32_t(a[i]);
    values += nonZero;
    messageSum += nonZero ? messages[i] : 0;
    sent[i] += nonZero;
  }
  if (out.travels) { // messages leave their core
    const int64_t *__restrict hops = out.hops.data();
    const int64_t *__restrict crossings = out.crossings.data();
    for (int64_t i = first; i < end; ++i) {
      bool nonZero = a[i] != 0;
      hopSum += nonZero ? hops[i] : 0;
      crossingSum += nonZero ? crossings[i] : 0;
    }
  }
  return {values, messageSum, hopSum, crossingSum};
}

/// Charges the synaptic operations of column `j` of `b` for the chunk's
/// steps: `m` holds the source neuron's values, `activeLanes` is 1 for the
/// steps the target runs. To `ops` when the target is one range (added once
/// per block), else to each range.
inline void Simulator::Impl::chargeColumn(const SimBlock &b, int32_t j,
                                          const int32_t *__restrict m,
                                          const int32_t *__restrict activeLanes,
                                          int64_t *__restrict ops) {
  int32_t message[kChunk];
  for (int64_t t = 0; t < kChunk; ++t)
    message[t] = int32_t(m[t] != 0) & activeLanes[t];
  if (b.onlyRange >= 0) {
    int64_t count = b.colStart[j + 1] - b.colStart[j];
    for (int64_t t = 0; t < kChunk; ++t)
      ops[t] += count * message[t];
    return;
  }
  for (int64_t k = b.splitStart[j]; k < b.splitStart[j + 1]; ++k) {
    int64_t *__restrict to = rangeOps.data() + b.splits[k].first * kChunk;
    int64_t count = b.splits[k].second;
    for (int64_t t = 0; t < kChunk; ++t)
      to[t] += count * message[t];
  }
}

/// row[t] += w · m[t] for the chunk's lanes.
template <typename Acc>
static inline void multiplyAdd(Acc *__restrict row, Acc w,
                               const int32_t *__restrict m) {
  for (int64_t t = 0; t < kChunk; ++t)
    row[t] += w * Acc(m[t]);
}

/// to[c * toStride + r] = convert(from[r * fromStride + c]) for r < rows,
/// c < cols, in tiles that stay in cache.
template <typename From, typename To, typename Convert>
static inline void transpose(const From *__restrict from, int64_t fromStride,
                             To *__restrict to, int64_t toStride, int64_t rows,
                             int64_t cols, Convert convert) {
  constexpr int64_t tile = 16;
  for (int64_t r0 = 0; r0 < rows; r0 += tile) {
    int64_t r1 = std::min(rows, r0 + tile);
    for (int64_t c0 = 0; c0 < cols; c0 += tile) {
      int64_t c1 = std::min(cols, c0 + tile);
      for (int64_t c = c0; c < c1; ++c)
        for (int64_t r = r0; r < r1; ++r)
          to[c * toStride + r] = convert(from[r * fromStride + c]);
    }
  }
}

/// transpose() of int32 values; with AVX-512, 16 rows at a time by gathers.
__attribute__((target("avx512f"))) static void
transposeInt32Avx512(const int32_t *from, int64_t fromStride, int32_t *to,
                     int64_t toStride, int64_t rows, int64_t cols) {
  __m512i index = _mm512_mullo_epi32(
      _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
      _mm512_set1_epi32(int32_t(fromStride)));
  int64_t r0 = 0;
  for (; r0 + 16 <= rows; r0 += 16)
    for (int64_t c = 0; c < cols; ++c)
      _mm512_storeu_si512(to + c * toStride + r0,
                          _mm512_mask_i32gather_epi32(
                              _mm512_setzero_si512(), 0xffff, index,
                              from + r0 * fromStride + c, 4));
  transpose(from + r0 * fromStride, fromStride, to + r0, toStride, rows - r0,
            cols, [](int32_t x) { return x; });
}

static void transposeInt32(const int32_t *from, int64_t fromStride,
                           int32_t *to, int64_t toStride, int64_t rows,
                           int64_t cols) {
  // Gather offsets are int32 element counts.
  static const bool avx512 = __builtin_cpu_supports("avx512f");
  if (avx512 && fromStride * 16 < (int64_t(1) << 31))
    return transposeInt32Avx512(from, fromStride, to, toStride, rows, cols);
  transpose(from, fromStride, to, toStride, rows, cols,
            [](int32_t x) { return x; });
}

// The synapse and instruction loops are element-wise; with AVX2 or AVX-512
// (x86-64-v4 adds 64-bit multiplies) they vectorise. Clones for those ISAs are picked at run time, so the
// binary still runs anywhere.
// Clang (the fuzz build) emits calls to inline functions from the clones
// without their definitions; it gets the plain function.
#if defined(__clang__)
#define LRNN_SIM_CLONES
#else
#define LRNN_SIM_CLONES                                                        \
  __attribute__((                                                              \
      target_clones("arch=x86-64-v4", "avx512f", "avx2", "default")))
#endif

/// Stores step `t`'s values `a` of a sender into its stream's staging rows
/// and counts the messages they make (one per non-zero value and
/// destination), without branches. `senderRanges` are the sending group's
/// ranges (none for the host).
template <typename T>
inline void Simulator::Impl::countSends(Stream &out, const T *a, int64_t t,
                                        ArrayRef<int32_t> senderRanges) {
  int32_t *stage = out.staging.data() + t * out.size;
  int64_t *sent = out.sentCount.data();
  auto add = [&](const SendTotals &totals) {
    stepMessages[t] += totals.messages;
    stepHops[t] += totals.hops;
    stepCrossings[t] += totals.crossings;
  };
  if (senderRanges.empty())
    add(countRange(out, a, stage, sent, 0, out.size));
  for (int32_t ri : senderRanges) {
    const SimRange &r = ranges[ri];
    SendTotals totals =
        countRange(out, a, stage, sent, r.first, r.first + r.count);
    rangeSends[ri * kChunk + t] += totals.values;
    add(totals);
  }
}

/// The dendritic sums of every step of the chunk, event-driven over the
/// columns that sent anything, then transposed to [step][neuron] (clamped
/// to the ALU range) for the neuron programs.
LRNN_SIM_CLONES
void Simulator::Impl::accumulate(SimGroup &g, int64_t first, int64_t length) {
  int64_t n = g.size;
  int32_t activeLanes[kChunk];
  for (int64_t t = 0; t < kChunk; ++t)
    activeLanes[t] = t >= first && t < length;
  for (int64_t p = 0; p < g.ports; ++p) {
    if (g.narrow)
      std::fill_n(portAcc32[p].data(), n * kChunk, 0);
    else
      std::fill_n(portAcc[p].data(), n * kChunk, 0);
  }
  for (SimBlock &b : g.blocks) {
    const Stream &in = streams[b.stream];
    const int32_t *window = in.values.data() + (history - b.delay);
    const int64_t *colStart = b.colStart.data();
    const int32_t *rows = b.rows.data();
    const int32_t *weights = b.weights.data();
    bool direct = b.weightExp == 0;
    int32_t *acc32 = g.narrow ? portAcc32[b.port].data() : nullptr;
    int64_t *acc64 = g.narrow ? nullptr
                     : direct ? portAcc[b.port].data()
                              : blockAcc.data();
    if (!g.narrow && !direct)
      std::fill_n(blockAcc.data(), n * kChunk, 0);
    int64_t ops[kChunk] = {};
    for (int64_t j = 0; j < in.size; ++j) {
      int64_t k = colStart[j], end = colStart[j + 1];
      if (k == end)
        continue;
      const int32_t *m = window + j * in.stride;
      int32_t any = 0;
      for (int64_t t = 0; t < kChunk; ++t)
        any |= m[t];
      if (!any)
        continue;
      chargeColumn(b, int32_t(j), m, activeLanes, ops);
      if (acc32)
        for (; k < end; ++k)
          multiplyAdd<int32_t>(acc32 + int64_t(rows[k]) * kChunk, weights[k], m);
      else
        for (; k < end; ++k)
          multiplyAdd<int64_t>(acc64 + int64_t(rows[k]) * kChunk, weights[k], m);
    }
    if (b.onlyRange >= 0)
      for (int64_t t = 0; t < kChunk; ++t)
        rangeOps[b.onlyRange * kChunk + t] += ops[t];
    if (!g.narrow && !direct) {
      int64_t *to = portAcc[b.port].data();
      for (int64_t i = 0; i < n * kChunk; ++i)
        to[i] += scaleBy(blockAcc[i], b.weightExp);
    }
  }
  for (int64_t p = 0; p < g.ports; ++p) {
    if (g.narrow) // |sum| < 2^31 <= M: no saturation possible.
      transposeInt32(portAcc32[p].data(), kChunk, portSteps32[p].data(), n, n,
                     length);
    else
      transpose(portAcc[p].data(), kChunk, portSteps[p].data(), n, n, length,
                [m = aluMax](int64_t x) { return std::clamp(x, -m, m); });
  }
}

/// to[i] = x[i] clamped to the symmetric `width`-bit range, counting the
/// values it changes (write_state and sat).
template <typename T, typename To>
static inline void saturateInto(const T *__restrict x, To *__restrict to,
                                int64_t n, int64_t width, int64_t &count) {
  T lim = T((int64_t(1) << (width - 1)) - 1);
  int64_t changed = 0;
  for (int64_t i = 0; i < n; ++i) {
    changed += (x[i] > lim) | (x[i] < -lim);
    to[i] = To(std::clamp<T>(x[i], -lim, lim));
  }
  count += changed;
}

/// Runs `code` of g for `steps` steps of the chunk from step `t`, one
/// instruction over all neurons and those steps at a time, on the register
/// lanes from `laneOffset` ([step][neuron]). Registers never alias within an
/// instruction; state is only touched one step at a time.
/// T is int64_t, or int32_t where every value of the program provably fits
/// (SimGroup::narrowRegisters; no clamp to ±M can then act).
template <typename T>
__attribute__((always_inline)) inline void
Simulator::Impl::executeAs(SimGroup &g, ArrayRef<Instruction> code, int64_t t,
                           int64_t steps, int64_t laneOffset) {
  int64_t size = g.size, n = steps * size;
  const T m = T(std::min<int64_t>(aluMax, std::numeric_limits<T>::max()));
  auto reg = [&](int32_t r) -> T * {
    if constexpr (std::is_same_v<T, int32_t>)
      return regs32[r].data() + laneOffset;
    else
      return regs[r].data() + laneOffset;
  };
  for (const Instruction &ins : code) {
    T *__restrict d = ins.dst >= 0 ? reg(ins.dst) : nullptr;
    const T *__restrict a = ins.a >= 0 ? reg(ins.a) : nullptr;
    const T *__restrict b = ins.b >= 0 ? reg(ins.b) : nullptr;
    switch (ins.opcode) {
    case Opcode::ReadState: {
      const int64_t *__restrict state = g.state[ins.imm].data();
      for (int64_t i = 0; i < size; ++i)
        d[i] = T(state[i]);
      break;
    }
    case Opcode::WriteState:
      saturateInto(a, g.state[ins.imm].data(), size, ins.imm2,
                   counters.saturations);
      break;
    case Opcode::ReadParam: {
      const int64_t *__restrict param = g.params[ins.imm].data();
      for (int64_t k = 0; k < steps; ++k)
        for (int64_t i = 0; i < size; ++i)
          d[k * size + i] = T(param[i]);
      break;
    }
    case Opcode::ReadPort:
      if (g.narrow) {
        const int32_t *__restrict sums = portSteps32[ins.imm].data() + t * size;
        for (int64_t i = 0; i < n; ++i)
          d[i] = sums[i];
      } else {
        const int64_t *__restrict sums = portSteps[ins.imm].data() + t * size;
        for (int64_t i = 0; i < n; ++i)
          d[i] = T(sums[i]);
      }
      break;
    case Opcode::Const:
      std::fill_n(d, n, T(ins.imm));
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
        T p;
        if (__builtin_mul_overflow(a[i], b[i], &p))
          p = (a[i] < 0) != (b[i] < 0) ? -m : m;
        d[i] = std::clamp(p, -m, m);
      }
      break;
    case Opcode::MulExact:
      for (int64_t i = 0; i < n; ++i)
        d[i] = a[i] * b[i];
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
      // |x| < 2^61 and s <= 62, so x + 2^(s-1) fits (in int32 registers,
      // proven when the program was loaded).
      int64_t s = ins.imm;
      T half = T(int64_t(1) << (s - 1));
      for (int64_t i = 0; i < n; ++i)
        d[i] = (a[i] + half) >> s;
      break;
    }
    case Opcode::Shl: {
      int64_t s = ins.imm;
      // 2^s itself (shifts reach neuron_alu_bits - 1); with int32
      // registers the bounds proved at load keep s <= 30 where it matters.
      T lim = T(int64_t(m) >> s),
        scale = T(int64_t(1) << std::min<int64_t>(
                      s, std::numeric_limits<T>::digits - 1));
      for (int64_t i = 0; i < n; ++i)
        d[i] = a[i] > lim ? m : a[i] < -lim ? -m : T(a[i] * scale);
      break;
    }
    case Opcode::Sat:
      saturateInto(a, d, n, ins.imm, counters.saturations);
      break;
    case Opcode::Relu:
      for (int64_t i = 0; i < n; ++i)
        d[i] = std::max<T>(a[i], 0);
      break;
    case Opcode::Select: {
      const T *__restrict c = reg(ins.c);
      for (int64_t i = 0; i < n; ++i)
        d[i] = a[i] != 0 ? b[i] : c[i];
      break;
    }
    case Opcode::Lut: {
      // Every register value is within ±M <= 2^61 - 1, as §5 requires.
      const Lut &lut = luts[ins.lut];
      if constexpr (std::is_same_v<T, int64_t>) {
        fixed::evaluateLut(lut.nodes, lut.params, lut.identityAbove, a, d, n,
                           lut.inExp, lut.outExp, lut.width, lut.accBits,
                           counters.saturations);
      } else {
        std::copy_n(a, n, lutIn.data());
        fixed::evaluateLut(lut.nodes, lut.params, lut.identityAbove,
                           lutIn.data(), lutOut.data(), n, lut.inExp,
                           lut.outExp, lut.width, lut.accBits,
                           counters.saturations);
        std::copy_n(lutOut.data(), n, d);
      }
      break;
    }
    case Opcode::Send:
      for (int64_t k = 0; k < steps; ++k)
        countSends(streams[g.streams[ins.imm]], a + k * size, t + k, g.ranges);
      break;
    }
  }
}

LRNN_SIM_CLONES
void Simulator::Impl::execute(SimGroup &g, ArrayRef<Instruction> code,
                              int64_t t, int64_t steps, int64_t laneOffset) {
  if (g.narrowRegisters)
    executeAs<int32_t>(g, code, t, steps, laneOffset);
  else
    executeAs<int64_t>(g, code, t, steps, laneOffset);
}

/// Writes a chunk of staged values into the stream's columns.
static void commitStaging(Stream &s, int64_t history) {
  transposeInt32(s.staging.data(), s.size, s.values.data() + history, s.stride,
                 kChunk, s.size);
}

/// Runs g over the chunk: its sums, then its program step by step from its
/// start step; its values go to its streams' columns.
void Simulator::Impl::runGroup(SimGroup &g, int64_t length) {
  for (int32_t si : g.streams)
    std::fill(streams[si].staging.begin(), streams[si].staging.end(), 0);
  int64_t first = std::clamp<int64_t>(g.start - time, 0, length);
  if (first < length) {
    accumulate(g, first, length);
    for (int64_t t0 = first; t0 < length; t0 += g.stepsPerBlock) {
      int64_t steps = std::min(g.stepsPerBlock, length - t0);
      execute(g, g.timeParallel, t0, steps, 0);
      for (int64_t k = 0; k < steps && !g.perStep.empty(); ++k)
        execute(g, g.perStep, t0 + k, 1, k * g.size);
      if (!g.afterSteps.empty())
        execute(g, g.afterSteps, t0, steps, 0);
    }
  }
  for (int32_t si : g.streams)
    commitStaging(streams[si], history);
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

/// The host's input codes of the chunk's first `inputSteps` steps (the rest
/// send nothing), saturated at the input width (counted).
LRNN_SIM_CLONES
void Simulator::Impl::sendInput(const int64_t *input, int64_t inputSteps,
                                int64_t length) {
  Stream &in = streams[inputStream];
  std::fill(in.staging.begin(), in.staging.end(), 0);
  int64_t lim = fixed::maxCode(inputWidth);
  std::vector<int64_t> &codes = inputCodes;
  for (int64_t t = 0; t < std::min(inputSteps, length); ++t) {
    const int64_t *__restrict row = input + t * inputSize;
    int64_t *__restrict to = codes.data();
    int64_t saturated = 0;
    for (int64_t j = 0; j < inputSize; ++j) {
      saturated += (row[j] > lim) | (row[j] < -lim);
      to[j] = std::clamp(row[j], -lim, lim);
    }
    counters.inputSaturations += saturated;
    countSends(in, to, t, {});
  }
  commitStaging(in, history);
}

/// Runs `length` <= maxChunk steps from `time`; the first `inputSteps` take
/// their input from `input`. Leaves the chunk's values in the streams'
/// columns [history, history + length) and the estimates in stepStats.
void Simulator::Impl::runChunk(const int64_t *input, int64_t inputSteps,
                               int64_t length) {
  std::fill(rangeOps.begin(), rangeOps.end(), 0);
  std::fill(rangeSends.begin(), rangeSends.end(), 0);
  std::fill(stepMessages.begin(), stepMessages.end(), 0);
  std::fill(stepHops.begin(), stepHops.end(), 0);
  std::fill(stepCrossings.begin(), stepCrossings.end(), 0);
  sendInput(input, inputSteps, length);
  for (SimGroup &g : groups)
    runGroup(g, length);
  int64_t chunkStart = time;
  for (int64_t t = 0; t < length; ++t) {
    for (size_t ri = 0; ri < ranges.size(); ++ri) {
      ranges[ri].synapticOps = rangeOps[ri * kChunk + t];
      ranges[ri].sends = rangeSends[ri * kChunk + t];
    }
    StepStats st;
    st.messages = stepMessages[t];
    st.meshHops = stepHops[t];
    st.chipCrossings = stepCrossings[t];
    time = chunkStart + t;
    estimate(st);
    counters.synapticOps += st.synapticOps;
    counters.neuronInstructions += st.neuronInstructions;
    counters.messages += st.messages;
    counters.meshHops += st.meshHops;
    counters.chipCrossings += st.chipCrossings;
    ++counters.steps;
    stepStats.push_back(st);
  }
  time = chunkStart + length;
}

/// Moves the last `history` columns before the next chunk.
void Simulator::Impl::advanceHistory(int64_t length) {
  if (history == 0)
    return;
  for (Stream &s : streams)
    for (int64_t n = 0; n < s.size; ++n) {
      int32_t *row = s.values.data() + n * s.stride;
      std::memmove(row, row + length, history * sizeof(int32_t));
    }
}

std::vector<int64_t> Simulator::run(ArrayRef<int64_t> inputCodes,
                                    int64_t tokens) {
  Impl &s = *impl;
  double cpuStart = threadCpuSeconds();
  std::vector<int64_t> out(tokens * s.outputSize, 0);
  int64_t total = tokens + s.latency;
  s.stepStats.reserve(s.stepStats.size() + total);
  const Stream &o = s.streams[s.outputStream];
  for (int64_t done = 0; done < total;) {
    int64_t length = std::min(s.maxChunk, total - done);
    s.runChunk(inputCodes.data() + std::min(done, tokens) * s.inputSize,
               std::max<int64_t>(0, tokens - done), length);
    for (int64_t t = 0; t < length; ++t) {
      int64_t token = done + t - s.latency;
      if (token < 0)
        continue;
      for (int64_t j = 0; j < s.outputSize; ++j)
        out[token * s.outputSize + j] = o.values[j * o.stride + s.history + t];
    }
    s.advanceHistory(length);
    done += length;
    if (s.progress)
      s.progress(done, total);
  }
  s.cpuSeconds += threadCpuSeconds() - cpuStart;
  return out;
}
