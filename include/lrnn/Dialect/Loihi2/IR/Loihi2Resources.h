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

} // namespace loihi2
} // namespace lrnn

#endif // LRNN_DIALECT_LOIHI2_IR_LOIHI2RESOURCES_H
