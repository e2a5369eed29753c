//===- Loihi2Resources.cpp - What a loihi2 program uses of the hardware ---===//

#include "lrnn/Dialect/Loihi2/IR/Loihi2Resources.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cstdlib>

using namespace mlir;

namespace lrnn {
namespace loihi2 {

SmallVector<NeuronRange> getPlacementRanges(NeuronGroupOp group) {
  SmallVector<NeuronRange> ranges;
  std::optional<ArrayAttr> placement = group.getPlacement();
  if (!placement)
    return ranges;
  for (Attribute entry : *placement) {
    auto dict = cast<DictionaryAttr>(entry);
    auto get = [&](StringRef key) {
      return dict.getAs<IntegerAttr>(key).getInt();
    };
    ranges.push_back({get("chip"), get("core"), get("first"), get("count")});
  }
  return ranges;
}

ArrayAttr buildPlacementAttr(MLIRContext *context,
                             ArrayRef<NeuronRange> ranges) {
  Builder b(context);
  SmallVector<Attribute> entries;
  for (const NeuronRange &r : ranges)
    entries.push_back(b.getDictionaryAttr(
        {b.getNamedAttr("chip", b.getI64IntegerAttr(r.chip)),
         b.getNamedAttr("core", b.getI64IntegerAttr(r.core)),
         b.getNamedAttr("first", b.getI64IntegerAttr(r.first)),
         b.getNamedAttr("count", b.getI64IntegerAttr(r.count))}));
  return b.getArrayAttr(entries);
}

int64_t getSourceSize(Operation *source) {
  // Called by verifiers of other ops, possibly before `source` itself was
  // verified: a missing size attribute reads as 0, not as a crash.
  if (auto input = dyn_cast_or_null<InputOp>(source))
    return input.getSizeAttr() ? input.getSize() : 0;
  if (auto group = dyn_cast_or_null<NeuronGroupOp>(source))
    return group.getSizeAttr() ? group.getSize() : 0;
  return 0;
}

std::vector<BlockInfo> collectBlocks(ProgramOp program) {
  std::vector<BlockInfo> blocks;
  for (auto block : program.getBody().front().getOps<SynapseBlockOp>()) {
    BlockInfo info;
    info.op = block;
    info.source = SymbolTable::lookupSymbolIn(program, block.getSourceAttr());
    info.target = dyn_cast_or_null<NeuronGroupOp>(
        SymbolTable::lookupSymbolIn(program, block.getTargetAttr()));
    info.inputs = getSourceSize(info.source);
    if (!info.target || info.inputs == 0)
      continue;
    info.sparse = isa<SparseMatrixAttr>(block.getWeights());
    FailureOr<CsrMatrix> weights = readWeight(block.getWeights());
    info.available = succeeded(weights) &&
                     weights->rows == info.target.getSize() &&
                     weights->cols == info.inputs;
    if (info.available)
      info.weights = std::move(*weights);
    blocks.push_back(std::move(info));
  }
  return blocks;
}

RangeCostBuilder::RangeCostBuilder(const TargetDescription &desc,
                                   NeuronGroupOp group,
                                   ArrayRef<const BlockInfo *> blocksIntoGroup)
    : desc(desc), fixedBytes(desc.microcodeBytes(group.getNumInstructions())),
      registers(group.getNumRegisters()) {
  for (const BlockInfo *block : blocksIntoGroup) {
    // A block whose data is unavailable is not charged.
    if (!block->available)
      continue;
    BlockState state;
    state.block = block;
    if (block->sparse)
      state.seen.assign(block->inputs, -1);
    blocks.push_back(std::move(state));
  }
  reset(0);
}

void RangeCostBuilder::reset(int64_t newFirst) {
  first = newFirst;
  count = 0;
  ++generation; // forgets every source neuron counted so far
  for (BlockState &state : blocks) {
    // A core needs a routing entry for each source neuron that reaches it:
    // every input of a dense block, those with a stored synapse onto the
    // range for a sparse one.
    state.axons = state.block->sparse ? 0 : state.block->inputs;
    state.stored = 0;
  }
  cost = costWith(0, {});
}

std::pair<int64_t, int64_t>
RangeCostBuilder::rowDelta(const BlockState &state, int64_t row) const {
  const CsrMatrix &w = state.block->weights;
  if (row < 0 || row >= w.rows)
    return {0, 0};
  int64_t begin = w.rowStart[row], end = w.rowStart[row + 1];
  int64_t axons = 0;
  // Positions within a row are distinct, so each unseen column is new.
  if (state.block->sparse)
    for (int64_t k = begin; k < end; ++k)
      axons += state.seen[w.colIndex[k]] != generation;
  return {axons, end - begin};
}

RangeCost RangeCostBuilder::costWith(
    int64_t newCount, ArrayRef<std::pair<int64_t, int64_t>> deltas) const {
  RangeCost result;
  result.bytes = desc.neuronGroupBytes(newCount, registers) + fixedBytes;
  for (auto [i, state] : llvm::enumerate(blocks)) {
    int64_t axons = state.axons + (deltas.empty() ? 0 : deltas[i].first);
    int64_t stored = state.stored + (deltas.empty() ? 0 : deltas[i].second);
    result.inputAxons += axons;
    result.synapses += stored;
    result.bytes += state.block->sparse
                        ? desc.sparseSynapseBlockBytes(axons, stored)
                        : desc.denseSynapseBlockBytes(axons, newCount);
  }
  return result;
}

RangeCost RangeCostBuilder::getCostWithNext() const {
  SmallVector<std::pair<int64_t, int64_t>> deltas;
  for (const BlockState &state : blocks)
    deltas.push_back(rowDelta(state, first + count));
  return costWith(count + 1, deltas);
}

void RangeCostBuilder::addNext() {
  int64_t row = first + count;
  for (BlockState &state : blocks) {
    auto [axons, stored] = rowDelta(state, row);
    state.axons += axons;
    state.stored += stored;
    const CsrMatrix &w = state.block->weights;
    if (state.block->sparse && row >= 0 && row < w.rows)
      for (int64_t k = w.rowStart[row]; k < w.rowStart[row + 1]; ++k)
        state.seen[w.colIndex[k]] = generation;
  }
  ++count;
  cost = costWith(count, {});
}

RangeCost getRangeCost(const TargetDescription &desc, NeuronGroupOp group,
                       ArrayRef<const BlockInfo *> blocksIntoGroup,
                       int64_t first, int64_t count) {
  RangeCostBuilder builder(desc, group, blocksIntoGroup);
  builder.reset(first);
  for (int64_t i = 0; i < count; ++i)
    builder.addNext();
  return builder.getCost();
}

std::vector<int64_t> getFanIn(NeuronGroupOp group,
                              ArrayRef<const BlockInfo *> blocksIntoGroup) {
  std::vector<int64_t> fanIn(group.getSize(), 0);
  for (const BlockInfo *block : blocksIntoGroup) {
    if (!block->available)
      continue;
    for (int64_t i = 0; i < block->weights.rows; ++i)
      fanIn[i] += block->weights.rowStart[i + 1] - block->weights.rowStart[i];
  }
  return fanIn;
}

/// Position `index` along a snake path over a `width`-wide grid.
static std::pair<int64_t, int64_t> snake(int64_t index, int64_t width) {
  int64_t y = index / width, x = index % width;
  return {y % 2 == 0 ? x : width - 1 - x, y};
}

CorePosition getCorePosition(const TargetDescription &desc,
                             const SystemDescription &system, int64_t chip,
                             int64_t core) {
  auto [x, y] = snake(core, desc.meshX);
  auto [cx, cy] = snake(chip, system.meshX);
  return {cx * desc.meshX + x, cy * desc.meshY + y, cx, cy};
}

Distance getDistance(const CorePosition &from, const CorePosition &to) {
  return {std::abs(from.x - to.x) + std::abs(from.y - to.y),
          std::abs(from.chipX - to.chipX) + std::abs(from.chipY - to.chipY)};
}

/// The core id (chip * cores_per_chip + core) of every neuron of a placed
/// group; empty when unplaced.
static std::vector<int64_t> getNeuronCores(NeuronGroupOp group,
                                           int64_t coresPerChip) {
  std::vector<int64_t> cores;
  SmallVector<NeuronRange> ranges = getPlacementRanges(group);
  if (ranges.empty())
    return cores;
  cores.assign(group.getSize(), 0);
  for (const NeuronRange &r : ranges)
    for (int64_t i = r.first; i < r.first + r.count && i < group.getSize();
         ++i)
      cores[i] = r.chip * coresPerChip + r.core;
  return cores;
}

Routes computeRoutes(ProgramOp program, ArrayRef<BlockInfo> blocks) {
  const TargetDescription &desc = program.getTargetDescription();
  Routes routes;
  Block &body = program.getBody().front();
  for (auto group : body.getOps<NeuronGroupOp>())
    routes.destinations[group] = std::vector<std::vector<std::vector<int64_t>>>(
        group.getOutputs(),
        std::vector<std::vector<int64_t>>(group.getSize()));
  for (auto input : body.getOps<InputOp>())
    routes.inputDestinations[input] =
        std::vector<std::vector<int64_t>>(input.getSize());
  llvm::DenseMap<Operation *, std::vector<int64_t>> neuronCores;
  for (auto group : body.getOps<NeuronGroupOp>())
    neuronCores[group] = getNeuronCores(group, desc.coresPerChip);

  auto destinationsOf = [&](Operation *source,
                            int64_t output) -> std::vector<std::vector<int64_t>> * {
    if (isa<InputOp>(source))
      return &routes.inputDestinations[source];
    auto &outputs = routes.destinations[source];
    if (output < 0 || output >= int64_t(outputs.size()))
      return nullptr;
    return &outputs[output];
  };
  for (const BlockInfo &block : blocks) {
    const std::vector<int64_t> &targetCores = neuronCores[block.target];
    if (!block.available || targetCores.empty())
      continue;
    SynapseBlockOp op = block.op;
    auto *dest = destinationsOf(block.source, op.getSourceOutput());
    if (!dest)
      continue;
    const CsrMatrix &w = block.weights;
    for (int64_t i = 0; i < w.rows; ++i)
      for (int64_t k = w.rowStart[i]; k < w.rowStart[i + 1]; ++k)
        (*dest)[w.colIndex[k]].push_back(targetCores[i]);
  }
  for (auto output : body.getOps<OutputOp>()) {
    Operation *source =
        SymbolTable::lookupSymbolIn(program, output.getSourceAttr());
    if (!isa_and_nonnull<NeuronGroupOp>(source))
      continue;
    if (auto *dest = destinationsOf(source, output.getSourceOutput()))
      for (auto &list : *dest)
        list.push_back(-1);
  }
  auto unique = [](std::vector<int64_t> &list) {
    llvm::sort(list);
    list.erase(std::unique(list.begin(), list.end()), list.end());
  };
  for (auto &[op, outputs] : routes.destinations)
    for (auto &neurons : outputs)
      for (auto &list : neurons)
        unique(list);
  for (auto &[op, values] : routes.inputDestinations)
    for (auto &list : values)
      unique(list);
  return routes;
}

std::vector<CoreUsage> computeCoreUsage(ProgramOp program,
                                        const TargetDescription &desc,
                                        ArrayRef<BlockInfo> blocks,
                                        const Routes &routes) {
  std::map<std::pair<int64_t, int64_t>, CoreUsage> cores;
  llvm::DenseMap<Operation *, SmallVector<const BlockInfo *>> into;
  for (const BlockInfo &block : blocks)
    into[block.target].push_back(&block);
  for (auto group : program.getBody().front().getOps<NeuronGroupOp>()) {
    auto destinations = routes.destinations.find(group);
    for (const NeuronRange &r : getPlacementRanges(group)) {
      CoreUsage &use = cores[{r.chip, r.core}];
      use.chip = r.chip;
      use.core = r.core;
      RangeCost cost = getRangeCost(desc, group, into[group], r.first, r.count);
      use.neurons += r.count;
      use.bytes += cost.bytes;
      use.synapses += cost.synapses;
      use.inputAxons += cost.inputAxons;
      if (destinations != routes.destinations.end())
        for (const auto &neurons : destinations->second)
          for (int64_t i = r.first;
               i < r.first + r.count && i < int64_t(neurons.size()); ++i)
            use.outputAxons += neurons[i].size();
      if (!llvm::is_contained(use.groups, group.getSymName()))
        use.groups.push_back(group.getSymName());
    }
  }
  std::vector<CoreUsage> result;
  for (auto &[where, use] : cores)
    result.push_back(std::move(use));
  return result;
}

Distance getFullTrafficDistance(ProgramOp program,
                                const TargetDescription &desc,
                                const SystemDescription &system,
                                const Routes &routes) {
  Distance total;
  // Host ports are served by the x86 cores next to core 0 of chip 0.
  CorePosition host = getCorePosition(desc, system, 0, 0);
  auto positionOf = [&](int64_t id) {
    if (id < 0)
      return host;
    return getCorePosition(desc, system, id / desc.coresPerChip,
                           id % desc.coresPerChip);
  };
  auto add = [&](const CorePosition &from,
                 const std::vector<int64_t> &destinations) {
    for (int64_t id : destinations) {
      Distance d = getDistance(from, positionOf(id));
      total.hops += d.hops;
      total.chipCrossings += d.chipCrossings;
    }
  };
  for (auto group : program.getBody().front().getOps<NeuronGroupOp>()) {
    auto it = routes.destinations.find(group);
    if (it == routes.destinations.end())
      continue;
    std::vector<int64_t> cores = getNeuronCores(group, desc.coresPerChip);
    if (cores.empty())
      continue;
    for (const auto &neurons : it->second)
      for (size_t i = 0; i < neurons.size(); ++i)
        add(positionOf(cores[i]), neurons[i]);
  }
  for (const auto &[input, values] : routes.inputDestinations)
    for (const auto &list : values)
      add(host, list);
  return total;
}

/// A static bound on |value| (docs/loihi2.md, "Payload bound"), or nullopt
/// when nothing below the arithmetic's range is known.
std::optional<int64_t> getValueBound(Value value, int depth) {
  Operation *def = value.getDefiningOp();
  if (!def || depth > 64)
    return std::nullopt;
  auto widthMax = [](int64_t width) { return (int64_t(1) << (width - 1)) - 1; };
  auto group = def->getParentOfType<NeuronGroupOp>();
  if (auto sat = dyn_cast<McSatOp>(def))
    return widthMax(sat.getWidth());
  if (auto lut = dyn_cast<McLutOp>(def))
    return widthMax(lut.getWidth());
  if (auto c = dyn_cast<McConstOp>(def))
    return std::abs(c.getValue());
  if (isa<McCmpGtOp, McCmpEqOp>(def))
    return 1;
  if (auto read = dyn_cast<McReadStateOp>(def)) {
    int64_t width = group.getStateWidth(read.getName());
    return width ? std::optional<int64_t>(widthMax(width)) : std::nullopt;
  }
  if (auto read = dyn_cast<McReadParamOp>(def)) {
    ElementsAttr values = group.getParam(read.getName());
    if (!values)
      return std::nullopt;
    unsigned width = values.getElementType().getIntOrFloatBitWidth();
    return widthMax(width);
  }
  if (auto relu = dyn_cast<McReluOp>(def))
    return getValueBound(relu.getInput(), depth + 1);
  auto both = [&](Value a, Value b) -> std::optional<int64_t> {
    std::optional<int64_t> x = getValueBound(a, depth + 1);
    std::optional<int64_t> y = getValueBound(b, depth + 1);
    if (!x || !y)
      return std::nullopt;
    return std::max(*x, *y);
  };
  if (auto op = dyn_cast<McMinOp>(def))
    return both(op.getLhs(), op.getRhs());
  if (auto op = dyn_cast<McMaxOp>(def))
    return both(op.getLhs(), op.getRhs());
  if (auto op = dyn_cast<McSelectOp>(def))
    return both(op.getTrueValue(), op.getFalseValue());
  return std::nullopt;
}

} // namespace loihi2
} // namespace lrnn
