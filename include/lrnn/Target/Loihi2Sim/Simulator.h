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
#include <memory>
#include <string>
#include <vector>

namespace lrnn {
namespace loihi2 {

/// What the simulated chip did.
struct SimulationCounters {
  int64_t steps = 0;              ///< time steps executed
  int64_t synapticOps = 0;        ///< non-zero weight x non-zero message
  int64_t neuronInstructions = 0; ///< microcode instructions executed
  int64_t messages = 0;           ///< non-zero values sent (one per neuron and output)
  int64_t saturations = 0;        ///< values clamped by sat, write_state or lut
  int64_t inputSaturations = 0;   ///< at the host input boundary
};

class Simulator {
public:
  /// Prepares `program` (verified) for execution; errors name the op.
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

  /// Runs `tokens` tokens of getInputSize() codes each (row-major) and
  /// returns tokens x getOutputSize() output codes, aligned: row t is the
  /// output of token t. Executes tokens + latency time steps, the last
  /// `latency` with no input. Input codes beyond the input width saturate
  /// (counted).
  std::vector<int64_t> run(llvm::ArrayRef<int64_t> inputCodes, int64_t tokens);

  /// Float input to codes (docs/fixed-point.md §6), counting saturations.
  int64_t quantizeInput(double u);

  const SimulationCounters &getCounters() const;

private:
  Simulator();
  struct Impl;
  std::unique_ptr<Impl> impl;
};

} // namespace loihi2
} // namespace lrnn

#endif // LRNN_TARGET_LOIHI2SIM_SIMULATOR_H
