//===- Simulator.h - Functional simulator of Loihi 2 programs ---*- C++ -*-===//
//
// Executes a verified loihi2.program time step by time step with the
// semantics of docs/loihi2.md: synapse blocks accumulate the graded spikes
// their sources sent (after the block's delay), neuron programs run once
// per neuron, and non-zero values are sent. Integer arithmetic only, every
// value saturating at the widths of the program's target description.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_TARGET_LOIHI2SIM_SIMULATOR_H
#define LRNN_TARGET_LOIHI2SIM_SIMULATOR_H

#include "lrnn/Dialect/Loihi2/IR/Loihi2Ops.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace lrnn {
namespace loihi2 {

/// What the simulated chip did in total.
struct SimulationCounters {
  int64_t steps = 0;              ///< time steps executed
  int64_t synapticOps = 0;        ///< non-zero weight x non-zero message
  int64_t neuronInstructions = 0; ///< microcode instructions executed
  int64_t messages = 0;           ///< messages sent: one per neuron, output and destination core
  int64_t meshHops = 0;           ///< hops of those messages on the core mesh
  int64_t chipCrossings = 0;      ///< chip boundaries they crossed
  int64_t saturations = 0;        ///< values clamped by sat, write_state or lut
  int64_t inputSaturations = 0;   ///< at the host input boundary
};

/// One time step: its counts and the estimates derived from them with the
/// target description's cost constants (docs/loihi2.md, "Simulator").
struct StepStats {
  int64_t synapticOps = 0, neuronInstructions = 0, messages = 0;
  int64_t meshHops = 0, chipCrossings = 0;
  double latencyNs = 0;        ///< estimated time of the step, barrier included
  double dynamicEnergyPJ = 0;  ///< from the counts
  double staticEnergyPJ = 0;   ///< static power of the chips used x latency
};

/// One neurocore over the whole run (cores holding neurons only).
struct CoreStats {
  int64_t chip = 0, core = 0, neurons = 0;
  int64_t synapticOps = 0, neuronInstructions = 0;
  int64_t messagesSent = 0, messagesReceived = 0;
  double busyNs = 0; ///< estimated time spent on this core's work
};

class Simulator {
public:
  /// Prepares `program` (verified) for execution; errors name the op.
  /// Unplaced groups count as one core each for the estimates.
  static llvm::Expected<std::unique_ptr<Simulator>> create(ProgramOp program);
  ~Simulator();

  int64_t getInputSize() const;
  int64_t getOutputSize() const;
  int getInputExponent() const;
  unsigned getInputWidth() const;
  int getOutputExponent() const;
  /// Steps between a token's input and its output (the pipeline depth).
  int64_t getLatency() const;

  /// Zeroes every state, message and counter.
  void reset();

  /// Called after each time step of run() with the number of steps done
  /// and the total (for progress lines); null for none.
  void setProgressCallback(std::function<void(int64_t, int64_t)> callback);

  /// Runs `tokens` tokens of getInputSize() codes each (row-major) and
  /// returns tokens x getOutputSize() output codes, aligned: row t is the
  /// output of token t. Executes tokens + latency time steps, the last
  /// `latency` with no input. Input codes beyond the input width saturate
  /// (counted).
  std::vector<int64_t> run(llvm::ArrayRef<int64_t> inputCodes, int64_t tokens);

  /// Float input to codes (docs/fixed-point.md §6), counting saturations.
  int64_t quantizeInput(double u);
  /// quantizeInput() of every value of a sequence.
  std::vector<int64_t> quantizeInputs(llvm::ArrayRef<double> values);

  /// CPU time the calling thread spent in run() since the last reset: the
  /// simulator's own cost, unlike wall time unaffected by other processes
  /// sharing the core.
  double getCpuSeconds() const;

  const SimulationCounters &getCounters() const;
  /// Per time step since the last reset, in order.
  const std::vector<StepStats> &getStepStats() const;
  /// Per core holding neurons, sorted by (chip, core).
  std::vector<CoreStats> getCoreStats() const;
  /// The description the program embeds (or the built-in one): the cost
  /// constants of the estimates and their sources.
  const TargetDescription &getTargetDescription() const;
  /// The program's system and mode; chips holding neurons.
  llvm::StringRef getSystemName() const;
  ExecutionMode getMode() const;
  int64_t getChipsUsed() const;

private:
  Simulator();
  struct Impl;
  std::unique_ptr<Impl> impl;
};

} // namespace loihi2
} // namespace lrnn

#endif // LRNN_TARGET_LOIHI2SIM_SIMULATOR_H
