//===- Place.cpp - Placement of loihi2 neuron groups on cores -------------===//
//
// Splits every neuron group into ranges that fit one core, packs the ranges
// onto cores in snake order and writes the groups' `placement` attributes
// (Passes.td describes the algorithm). Every cost comes from
// Loihi2Resources.h, the functions the program verifier checks with.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/Loihi2/Transforms/Place.h"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Resources.h"
#include "lrnn/Dialect/Loihi2/Transforms/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/DenseMap.h"

namespace lrnn {
namespace loihi2 {
#define GEN_PASS_DEF_LOIHI2PLACE
#include "lrnn/Dialect/Loihi2/Transforms/Passes.h.inc"
} // namespace loihi2
} // namespace lrnn

using namespace mlir;
using namespace lrnn::loihi2;

namespace {
/// Neurons [first, first + count) of `group`, what they cost on a core, and
/// the global core id (chip * cores_per_chip + core) they are packed on.
struct Range {
  NeuronGroupOp group;
  int64_t first = 0, count = 0;
  RangeCost cost;
  int64_t coreId = 0;
};

/// The per-core limits the placer respects.
struct CoreLimits {
  int64_t neurons = 0, bytes = 0, inputAxons = 0;
  bool fit(int64_t n, const RangeCost &cost) const {
    return n <= neurons && cost.bytes <= bytes && cost.inputAxons <= inputAxons;
  }
};
} // namespace

/// Step 1: cuts `group` into maximal consecutive ranges that fit one core.
static LogicalResult splitGroup(NeuronGroupOp group,
                                const TargetDescription &desc,
                                ArrayRef<const BlockInfo *> blocksIntoGroup,
                                const CoreLimits &limits,
                                SmallVectorImpl<Range> &ranges) {
  RangeCostBuilder builder(desc, group, blocksIntoGroup);
  auto close = [&] {
    ranges.push_back(
        {group, builder.getFirst(), builder.getCount(), builder.getCost(), 0});
  };
  for (int64_t i = 0, e = group.getSize(); i < e; ++i) {
    RangeCost next = builder.getCostWithNext();
    if (limits.fit(builder.getCount() + 1, next)) {
      builder.addNext();
      continue;
    }
    if (builder.getCount() > 0) {
      close();
      builder.reset(i);
      next = builder.getCostWithNext();
    }
    // Neuron i alone; the neuron cap is at least 1.
    if (next.bytes > limits.bytes)
      return group.emitError()
             << "neuron " << i << " of @" << group.getSymName()
             << " alone needs " << next.bytes
             << " bytes (state, parameters, program and synapses), more "
                "than memory_bytes_per_core = "
             << desc.memoryBytesPerCore;
    if (next.inputAxons > limits.inputAxons)
      return group.emitError()
             << "neuron " << i << " of @" << group.getSymName()
             << " alone receives from " << next.inputAxons
             << " source neurons, more than input_axons_per_core = "
             << desc.inputAxonsPerCore;
    builder.addNext();
  }
  close();
  return success();
}

LogicalResult lrnn::loihi2::placeProgram(ProgramOp program,
                                         const PlaceOptions &options) {
  const TargetDescription &desc = program.getTargetDescription();
  llvm::Expected<SystemDescription> system =
      desc.getSystem(program.getSystem());
  if (!system)
    return program.emitError() << llvm::toString(system.takeError());
  if (options.maxNeuronsPerCore < 0)
    return program.emitError()
           << "max-neurons-per-core must not be negative, got "
           << options.maxNeuronsPerCore;
  if (options.maxNeuronsPerCore > desc.neuronsPerCore)
    return program.emitError()
           << "max-neurons-per-core = " << options.maxNeuronsPerCore
           << " is more than the target's neurons_per_core = "
           << desc.neuronsPerCore;
  CoreLimits limits{options.maxNeuronsPerCore ? options.maxNeuronsPerCore
                                              : desc.neuronsPerCore,
                    desc.memoryBytesPerCore, desc.inputAxonsPerCore};

  // 1. Split.
  std::vector<BlockInfo> blocks = collectBlocks(program);
  llvm::DenseMap<Operation *, SmallVector<const BlockInfo *>> into;
  for (const BlockInfo &block : blocks)
    into[block.target].push_back(&block);
  SmallVector<NeuronGroupOp> groups =
      llvm::to_vector(program.getBody().front().getOps<NeuronGroupOp>());
  SmallVector<Range> ranges;
  for (NeuronGroupOp group : groups)
    if (failed(splitGroup(group, desc, into.lookup(group), limits, ranges)))
      return failure();

  // 2. Pack, counting on past the system's last core so that the error can
  // say how many cores the program needs.
  int64_t coreId = -1;
  int64_t neurons = 0;
  RangeCost used;
  for (Range &range : ranges) {
    RangeCost together = used;
    together.bytes += range.cost.bytes;
    together.inputAxons += range.cost.inputAxons;
    if (coreId >= 0 && limits.fit(neurons + range.count, together)) {
      neurons += range.count;
      used = together;
    } else {
      ++coreId;
      neurons = range.count;
      used = range.cost;
    }
    range.coreId = coreId;
  }
  int64_t available = desc.coresInSystem(*system);
  if (coreId >= available) {
    const Range *first = llvm::find_if(
        ranges, [&](const Range &r) { return r.coreId >= available; });
    NeuronGroupOp group = first->group;
    return group.emitError()
           << "@" << group.getSymName() << " does not fit system '"
           << system->name << "': the program needs " << coreId + 1
           << " cores, more than the " << available << " of the system ("
           << system->chips << (system->chips == 1 ? " chip" : " chips")
           << " x " << desc.coresPerChip << " cores per chip); choose a "
           << "larger --system";
  }

  // 3. Write and verify; restore the old placements if the verifier fails.
  llvm::DenseMap<Operation *, SmallVector<NeuronRange>> placements;
  for (const Range &range : ranges)
    placements[range.group].push_back({range.coreId / desc.coresPerChip,
                                       range.coreId % desc.coresPerChip,
                                       range.first, range.count});
  SmallVector<ArrayAttr> previous;
  for (NeuronGroupOp group : groups) {
    previous.push_back(group.getPlacementAttr());
    group.setPlacementAttr(
        buildPlacementAttr(program.getContext(), placements[group]));
  }
  if (succeeded(verify(program)))
    return success();
  for (auto [group, old] : llvm::zip_equal(groups, previous)) {
    if (old)
      group.setPlacementAttr(old);
    else
      group.removePlacementAttr();
  }
  return failure();
}

namespace {
struct Loihi2PlacePass
    : public lrnn::loihi2::impl::Loihi2PlaceBase<Loihi2PlacePass> {
  using Base::Base;

  void runOnOperation() override {
    PlaceOptions options;
    options.maxNeuronsPerCore = maxNeuronsPerCore;
    // A negative cap is wrong whatever the target: say so once, on the
    // module (placeProgram would repeat it for every program).
    if (options.maxNeuronsPerCore < 0) {
      emitError(getOperation().getLoc())
          << "max-neurons-per-core must not be negative, got "
          << options.maxNeuronsPerCore;
      return signalPassFailure();
    }
    bool failedAny = false;
    for (ProgramOp program : getOperation().getOps<ProgramOp>())
      failedAny |= failed(placeProgram(program, options));
    if (failedAny)
      signalPassFailure();
  }
};
} // namespace
