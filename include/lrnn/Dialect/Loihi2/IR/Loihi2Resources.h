//===- Loihi2Resources.h - What a loihi2 program uses of the hardware -----===//
//
// One place computes what a program charges against the target: memory,
// neurons, axons and synapses per core, fan-in per neuron, and where each
// neuron's messages go. The program verifier, the placement pass, the
// compiler's report and the simulator all use it, so they cannot disagree.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_DIALECT_LOIHI2_IR_LOIHI2RESOURCES_H
#define LRNN_DIALECT_LOIHI2_IR_LOIHI2RESOURCES_H

#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Ops.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <map>
#include <vector>

namespace lrnn {
namespace loihi2 {

/// Neurons [first, first + count) of a group on core `core` of chip `chip`.
struct NeuronRange {
  int64_t chip = 0, core = 0, first = 0, count = 0;
};

/// The ranges of a verified group's placement (empty when unplaced), in
/// attribute order.
llvm::SmallVector<NeuronRange> getPlacementRanges(NeuronGroupOp group);

/// Builds the placement attribute of `ranges`.
mlir::ArrayAttr buildPlacementAttr(mlir::MLIRContext *context,
                                   llvm::ArrayRef<NeuronRange> ranges);

/// Number of neurons (values) of a synapse block source: a loihi2.input or a
/// loihi2.neuron_group; 0 for anything else.
int64_t getSourceSize(mlir::Operation *source);

/// A synapse block with its weights read once. `weights` holds every stored
/// entry (all of a dense block, the non-zeros of a sparse one); `available`
/// is false when the data is missing (an elided resource), in which case
/// nothing is charged for it.
struct BlockInfo {
  SynapseBlockOp op;
  mlir::Operation *source = nullptr;
  NeuronGroupOp target;
  int64_t inputs = 0;
  bool sparse = false;
  bool available = false;
  CsrMatrix weights;
};

/// The synapse blocks of `program` whose source and target resolve, in
/// program order.
std::vector<BlockInfo> collectBlocks(ProgramOp program);

/// What neurons [first, first + count) of `group` charge to the core holding
/// them, given the blocks feeding the group.
struct RangeCost {
  int64_t bytes = 0;      ///< state, parameters, microcode and synapses
  int64_t inputAxons = 0; ///< source neurons with a synapse onto the range
  int64_t synapses = 0;   ///< stored synapses onto the range
};
RangeCost getRangeCost(const TargetDescription &desc, NeuronGroupOp group,
                       llvm::ArrayRef<const BlockInfo *> blocksIntoGroup,
                       int64_t first, int64_t count);

/// getRangeCost grown one neuron at a time: the cost of neurons
/// [first, first + count) of a group for a growing count, each step costing
/// O(blocks + synapses onto the added neuron). getRangeCost is built on it,
/// so the two charge identically. The placement pass splits groups with it.
class RangeCostBuilder {
public:
  RangeCostBuilder(const TargetDescription &desc, NeuronGroupOp group,
                   llvm::ArrayRef<const BlockInfo *> blocksIntoGroup);

  /// Starts an empty range at neuron `first`.
  void reset(int64_t first);
  int64_t getFirst() const { return first; }
  int64_t getCount() const { return count; }
  /// The cost of the current range.
  const RangeCost &getCost() const { return cost; }
  /// The cost the range would have with its next neuron (first + count)
  /// added; nothing changes.
  RangeCost getCostWithNext() const;
  /// Adds the next neuron (first + count) to the range.
  void addNext();

private:
  /// What one block charges for the current range.
  struct BlockState {
    const BlockInfo *block = nullptr;
    int64_t axons = 0, stored = 0;
    /// Sparse blocks: the generation in which each source neuron was last
    /// counted as an input axon of the range.
    std::vector<int64_t> seen;
  };
  /// Input axons and stored synapses that row `row` adds to `state`.
  std::pair<int64_t, int64_t> rowDelta(const BlockState &state,
                                       int64_t row) const;
  /// The cost of a range of `newCount` neurons whose blocks charge their
  /// current axons and synapses plus `deltas` (one pair per block, or none).
  RangeCost costWith(int64_t newCount,
                     llvm::ArrayRef<std::pair<int64_t, int64_t>> deltas) const;

  const TargetDescription &desc;
  int64_t fixedBytes = 0; ///< the neuron program, once per range
  int64_t registers = 0;
  std::vector<BlockState> blocks;
  int64_t first = 0, count = 0, generation = 0;
  RangeCost cost;
};

/// The synapses onto each neuron of `group` over all blocks feeding it.
std::vector<int64_t>
getFanIn(NeuronGroupOp group, llvm::ArrayRef<const BlockInfo *> blocksIntoGroup);

/// Position of a core in the system: global mesh coordinates (x, y) and the
/// chip's coordinates in the chip mesh. Cores of a chip and chips of a
/// system are numbered along a snake (boustrophedon) path, so consecutive
/// numbers are neighbours (docs/loihi2.md, "Placement").
struct CorePosition {
  int64_t x = 0, y = 0, chipX = 0, chipY = 0;
};
CorePosition getCorePosition(const TargetDescription &desc,
                             const SystemDescription &system, int64_t chip,
                             int64_t core);
/// Mesh hops and chip crossings of one message between two cores.
struct Distance {
  int64_t hops = 0, chipCrossings = 0;
};
Distance getDistance(const CorePosition &from, const CorePosition &to);

/// Usage of one core by a placed program.
struct CoreUsage {
  int64_t chip = 0, core = 0;
  int64_t neurons = 0, bytes = 0, synapses = 0;
  int64_t inputAxons = 0, outputAxons = 0;
  llvm::SmallVector<llvm::StringRef> groups;
};

/// Where the messages of each (group, output, neuron) go: the distinct
/// destination cores (chip * cores_per_chip + core), sorted; the host
/// output port counts as destination -1. Only for placed programs.
struct Routes {
  /// group name -> output -> neuron -> destinations.
  llvm::DenseMap<mlir::Operation *, std::vector<std::vector<std::vector<int64_t>>>>
      destinations;
  /// Destinations of the host input's values (per input op, per value).
  llvm::DenseMap<mlir::Operation *, std::vector<std::vector<int64_t>>>
      inputDestinations;
};
Routes computeRoutes(ProgramOp program, llvm::ArrayRef<BlockInfo> blocks);

/// Per-core usage of every core holding placed neurons, sorted by (chip,
/// core). Unplaced groups are ignored.
std::vector<CoreUsage> computeCoreUsage(ProgramOp program,
                                        const TargetDescription &desc,
                                        llvm::ArrayRef<BlockInfo> blocks,
                                        const Routes &routes);

/// Mesh hops and chip crossings per step if every neuron and input value
/// sent a message on every output (an upper bound of one step's traffic).
Distance getFullTrafficDistance(ProgramOp program,
                                const TargetDescription &desc,
                                const SystemDescription &system,
                                const Routes &routes);

/// A static bound on |value| of a neuron program value (docs/loihi2.md,
/// "Payload bound"), or nullopt when nothing below the arithmetic's range is
/// known. The verifier of loihi2.mc.send requires one; the simulator uses it
/// to size its accumulators.
std::optional<int64_t> getValueBound(mlir::Value value, int depth = 0);

} // namespace loihi2
} // namespace lrnn

#endif // LRNN_DIALECT_LOIHI2_IR_LOIHI2RESOURCES_H
