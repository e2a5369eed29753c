//===- Simulator.cpp - Functional simulator of Loihi 2 programs -----------===//
//
// Each neuron program is compiled once into a flat instruction list over a
// register file (one register per SSA value); synapse blocks are stored by
// column so that a message visits exactly the non-zero weights it meets.
// Messages live in a ring buffer per (source, output) deep enough for the
// longest delay.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Target/Loihi2Sim/Simulator.h"
#include "lrnn/Dialect/LRNN/IR/FixedPoint.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Resources.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>

using namespace mlir;
using namespace lrnn;
using namespace lrnn::loihi2;

namespace {

using Wide = __int128;

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

/// One (source, output) stream of messages: the values sent in the last
/// `depth` steps, dense, plus the indices of the non-zero ones.
struct Stream {
  int64_t size = 0;
  std::vector<std::vector<int64_t>> values;   // [slot][neuron]
  std::vector<std::vector<int32_t>> nonZero;  // [slot]
};

/// A synapse block by column: for source neuron j, rows/weights in
/// [colStart[j], colStart[j+1]). Zero weights are dropped (they contribute
/// nothing and are not synaptic operations).
struct SimBlock {
  int32_t stream = -1;
  int32_t port = 0;
  int64_t delay = 0;
  int64_t weightExp = 0;
  std::vector<int64_t> colStart;
  std::vector<int32_t> rows;
  std::vector<int64_t> weights;
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
  int64_t instructions = 0;                 // per neuron and step
};

} // namespace

struct Simulator::Impl {
  int64_t aluBits = 48;
  Wide aluMax = 0;
  bool pipelined = false;
  int64_t connectionDelay = 1;
  int64_t depth = 2; ///< ring slots
  int64_t inputSize = 0, outputSize = 0, latency = 0;
  unsigned inputWidth = 16;
  int inputExp = 0, outputExp = 0;
  int32_t inputStream = -1, outputStream = -1;
  std::vector<Stream> streams;
  std::vector<SimGroup> groups; ///< in execution order
  std::vector<Lut> luts;
  SimulationCounters counters;
  int64_t time = 0;
  // Scratch.
  std::vector<std::vector<Wide>> portAcc;
  std::vector<Wide> blockAcc;
  std::vector<int64_t> regs;

  int64_t satAlu(Wide x) {
    if (x > aluMax)
      return int64_t(aluMax);
    if (x < -aluMax)
      return int64_t(-aluMax);
    return int64_t(x);
  }
  int64_t satWidth(Wide x, int64_t width) {
    Wide m = (Wide(1) << (width - 1)) - 1;
    if (x > m) {
      ++counters.saturations;
      return int64_t(m);
    }
    if (x < -m) {
      ++counters.saturations;
      return int64_t(-m);
    }
    return int64_t(x);
  }

  void step(const int64_t *input);
  void runGroup(SimGroup &g, int64_t slot);
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

int64_t Simulator::quantizeInput(double u) {
  return fixed::quantizeInput(u, impl->inputWidth, impl->inputExp,
                              impl->counters.inputSaturations);
}

void Simulator::reset() {
  for (SimGroup &g : impl->groups)
    for (auto &v : g.state)
      std::fill(v.begin(), v.end(), 0);
  for (Stream &s : impl->streams) {
    for (auto &v : s.values)
      std::fill(v.begin(), v.end(), 0);
    for (auto &nz : s.nonZero)
      nz.clear();
  }
  impl->counters = SimulationCounters();
  impl->time = 0;
}

static llvm::Error fail(Operation *op, const Twine &message) {
  std::string name;
  if (auto symbol = op->getAttrOfType<StringAttr>(SymbolTable::getSymbolAttrName()))
    name = " @" + symbol.getValue().str();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "'" + op->getName().getStringRef().str() +
                                     "'" + name + ": " + message.str());
}

llvm::Expected<std::unique_ptr<Simulator>> Simulator::create(ProgramOp program) {
  std::unique_ptr<Simulator> sim(new Simulator());
  Impl &s = *sim->impl;
  const TargetDescription &desc = program.getTargetDescription();
  s.aluBits = desc.neuronAluBits;
  s.aluMax = (Wide(1) << (s.aluBits - 1)) - 1;
  s.pipelined = program.getExecutionMode() == ExecutionMode::Pipelined;
  s.connectionDelay = s.pipelined ? desc.connectionDelaySteps : 0;
  Block &body = program.getBody().front();

  // Streams: the host input, then each group's outputs.
  llvm::DenseMap<Operation *, int32_t> firstStream;
  auto addStream = [&](int64_t size) {
    Stream stream;
    stream.size = size;
    s.streams.push_back(std::move(stream));
    return int32_t(s.streams.size() - 1);
  };
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
  s.inputStream = addStream(input.getSize());
  firstStream[input] = s.inputStream;

  SmallVector<NeuronGroupOp> groupOps(body.getOps<NeuronGroupOp>());
  for (NeuronGroupOp group : groupOps) {
    firstStream[group] = int32_t(s.streams.size());
    for (int64_t o = 0; o < group.getOutputs(); ++o)
      addStream(group.getSize());
  }
  auto *outGroup = SymbolTable::lookupSymbolIn(program, output.getSourceAttr());
  s.outputStream = firstStream[outGroup] + int32_t(output.getSourceOutput());

  // Execution order: in fall-through mode a group runs after the sources of
  // its zero-delay blocks (the verifier rules out cycles); program order
  // otherwise.
  std::vector<BlockInfo> blocks = collectBlocks(program);
  llvm::DenseMap<Operation *, int64_t> indexOf;
  for (auto [i, g] : llvm::enumerate(groupOps))
    indexOf[g] = i;
  std::vector<int64_t> order;
  {
    std::vector<SmallVector<int64_t>> succ(groupOps.size());
    std::vector<int64_t> indegree(groupOps.size(), 0);
    if (!s.pipelined)
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
      for (int64_t j : llvm::reverse(succ[i]))
        if (--indegree[j] == 0)
          ready.push_back(j);
      llvm::sort(ready, std::greater<int64_t>());
    }
    if (order.size() != groupOps.size())
      return fail(program, "has a cycle of synapse blocks without delay");
  }

  int64_t maxDelay = 0;
  std::vector<SimGroup> built(groupOps.size());
  for (auto [gi, group] : llvm::enumerate(groupOps)) {
    SimGroup &g = built[gi];
    g.name = group.getSymName().str();
    g.size = group.getSize();
    g.start = group.getStart();
    g.ports = group.getPorts();
    for (int64_t o = 0; o < group.getOutputs(); ++o)
      g.streams.push_back(firstStream[group] + int32_t(o));
    // State and parameters.
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
    // Microcode.
    llvm::DenseMap<Value, int32_t> reg;
    auto regOf = [&](Value v) { return reg.lookup(v); };
    for (Operation &op : group.getBody().front()) {
      if (isa<McYieldOp>(op))
        continue;
      Instruction ins;
      if (op.getNumResults() == 1) {
        ins.dst = int32_t(reg.size());
        reg[op.getResult(0)] = ins.dst;
      }
      auto operand = [&](unsigned i) { return regOf(op.getOperand(i)); };
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
        ins.lut = int32_t(s.luts.size());
        s.luts.push_back(std::move(lut));
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
  }

  // Synapse blocks, by column, attached to their target.
  for (const BlockInfo &b : blocks) {
    SynapseBlockOp op = b.op;
    if (!b.available)
      return fail(op, "its weights are unavailable");
    SimBlock block;
    block.stream = firstStream[b.source] + int32_t(op.getSourceOutput());
    block.port = int32_t(op.getPort());
    block.delay = op.getDelay() + s.connectionDelay;
    block.weightExp = op.getWeightExp();
    maxDelay = std::max(maxDelay, block.delay);
    const CsrMatrix &w = b.weights;
    block.colStart.assign(w.cols + 1, 0);
    for (int64_t k = 0; k < w.numStored(); ++k)
      if (w.values[k] != 0)
        ++block.colStart[w.colIndex[k] + 1];
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
          block.weights[at] = int64_t(w.values[k]);
        }
    built[indexOf[b.target]].blocks.push_back(std::move(block));
  }
  for (int64_t i : order)
    s.groups.push_back(std::move(built[i]));

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
  s.regs.assign(maxRegs, 0);
  s.portAcc.assign(maxPorts, std::vector<Wide>(maxSize, 0));
  s.blockAcc.assign(maxSize, 0);
  return sim;
}

/// x · 2^e for e >= 0, round-half-up x · 2^e for e < 0 (docs/loihi2.md).
static Wide scaleBy(Wide x, int64_t e) {
  if (e >= 0)
    return x * (Wide(1) << e);
  int64_t s = -e;
  if (s >= 120)
    return 0;
  return (x + (Wide(1) << (s - 1))) >> s;
}

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
  // Dendritic accumulation, event-driven over the non-zero messages.
  for (int64_t p = 0; p < g.ports; ++p)
    std::fill(portAcc[p].begin(), portAcc[p].begin() + g.size, 0);
  for (SimBlock &b : g.blocks) {
    int64_t from = time - b.delay;
    if (from < 0)
      continue;
    int64_t inSlot = from % depth;
    Stream &in = streams[b.stream];
    bool direct = b.weightExp == 0;
    std::vector<Wide> &acc = direct ? portAcc[b.port] : blockAcc;
    if (!direct)
      std::fill(blockAcc.begin(), blockAcc.begin() + g.size, 0);
    for (int32_t j : in.nonZero[inSlot]) {
      Wide value = in.values[inSlot][j];
      for (int64_t k = b.colStart[j]; k < b.colStart[j + 1]; ++k)
        acc[b.rows[k]] += Wide(b.weights[k]) * value;
      counters.synapticOps += b.colStart[j + 1] - b.colStart[j];
    }
    if (!direct)
      for (int64_t i = 0; i < g.size; ++i)
        portAcc[b.port][i] += scaleBy(blockAcc[i], b.weightExp);
  }
  // Neuron programs.
  int64_t *r = regs.data();
  for (int64_t n = 0; n < g.size; ++n) {
    for (const Instruction &ins : g.code) {
      switch (ins.opcode) {
      case Opcode::ReadState:
        r[ins.dst] = g.state[ins.imm][n];
        break;
      case Opcode::WriteState:
        g.state[ins.imm][n] = satWidth(r[ins.a], ins.imm2);
        break;
      case Opcode::ReadParam:
        r[ins.dst] = g.params[ins.imm][n];
        break;
      case Opcode::ReadPort:
        r[ins.dst] = satAlu(portAcc[ins.imm][n]);
        break;
      case Opcode::Const:
        r[ins.dst] = ins.imm;
        break;
      case Opcode::Add:
        r[ins.dst] = satAlu(Wide(r[ins.a]) + r[ins.b]);
        break;
      case Opcode::Sub:
        r[ins.dst] = satAlu(Wide(r[ins.a]) - r[ins.b]);
        break;
      case Opcode::Mul:
        r[ins.dst] = satAlu(Wide(r[ins.a]) * r[ins.b]);
        break;
      case Opcode::Min:
        r[ins.dst] = std::min(r[ins.a], r[ins.b]);
        break;
      case Opcode::Max:
        r[ins.dst] = std::max(r[ins.a], r[ins.b]);
        break;
      case Opcode::CmpGt:
        r[ins.dst] = r[ins.a] > r[ins.b];
        break;
      case Opcode::CmpEq:
        r[ins.dst] = r[ins.a] == r[ins.b];
        break;
      case Opcode::ShrRound:
        r[ins.dst] = int64_t(scaleBy(r[ins.a], -ins.imm));
        break;
      case Opcode::Shl:
        r[ins.dst] = satAlu(Wide(r[ins.a]) * (Wide(1) << ins.imm));
        break;
      case Opcode::Sat:
        r[ins.dst] = satWidth(r[ins.a], ins.imm);
        break;
      case Opcode::Relu:
        r[ins.dst] = std::max<int64_t>(r[ins.a], 0);
        break;
      case Opcode::Select:
        r[ins.dst] = r[ins.a] != 0 ? r[ins.b] : r[ins.c];
        break;
      case Opcode::Lut: {
        const Lut &lut = luts[ins.lut];
        // §5 needs |q| < 2^62; beyond, every table is at its end anyway.
        int64_t q = std::clamp<int64_t>(r[ins.a], -(int64_t(1) << 61),
                                        int64_t(1) << 61);
        r[ins.dst] = fixed::evaluateLut(lut.nodes, lut.params,
                                        lut.identityAbove, q, lut.inExp,
                                        lut.outExp, lut.width, lut.accBits,
                                        counters.saturations);
        break;
      }
      case Opcode::Send: {
        int64_t v = r[ins.a];
        if (v != 0) {
          Stream &out = streams[g.streams[ins.imm]];
          out.values[slot][n] = v;
          out.nonZero[slot].push_back(int32_t(n));
          ++counters.messages;
        }
        break;
      }
      }
    }
  }
  counters.neuronInstructions += g.instructions * g.size;
}

void Simulator::Impl::step(const int64_t *input) {
  int64_t slot = time % depth;
  Stream &in = streams[inputStream];
  for (int32_t j : in.nonZero[slot])
    in.values[slot][j] = 0;
  in.nonZero[slot].clear();
  if (input)
    for (int64_t j = 0; j < inputSize; ++j) {
      int64_t q = satWidth(input[j], inputWidth);
      if (q != 0) {
        in.values[slot][j] = q;
        in.nonZero[slot].push_back(int32_t(j));
      }
    }
  for (SimGroup &g : groups)
    runGroup(g, slot);
  ++counters.steps;
  ++time;
}

std::vector<int64_t> Simulator::run(ArrayRef<int64_t> inputCodes,
                                    int64_t tokens) {
  Impl &s = *impl;
  std::vector<int64_t> out(tokens * s.outputSize, 0);
  for (int64_t t = 0; t < tokens + s.latency; ++t) {
    s.step(t < tokens ? inputCodes.data() + t * s.inputSize : nullptr);
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
