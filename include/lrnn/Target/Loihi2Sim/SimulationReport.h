//===- SimulationReport.h - Reports of a Loihi 2 simulation -----*- C++ -*-===//
//
// What a finished Simulator::run did, for people and for scripts: the JSON
// report, a short human summary and a per-step trace (lrnn-sim --report,
// its stdout, --trace). Counts are exact; latencies, energies and powers are
// estimates from the cost constants of the program's target description
// (Loihi 1 figures unless overridden; docs/loihi2.md, "Simulator") and are
// labelled as such everywhere.
//
// The report, format "lrnn-loihi2-sim/1", one JSON object:
//   format, program (symbol), system, mode, chips_used, tokens,
//   time_steps (= tokens + pipeline_latency_steps), pipeline_latency_steps;
//   totals: synaptic_ops, neuron_instructions, messages, mesh_hops,
//     chip_crossings, saturations, input_saturations (integers);
//   per_step: for synaptic_ops, neuron_instructions, messages, mesh_hops,
//     chip_crossings, latency_ns and energy_pj (dynamic + static), an object
//     {mean, min, median, p99, max} over the time steps (p99 by nearest
//     rank; null without steps);
//   per_core: [{chip, core, neurons, synaptic_ops, neuron_instructions,
//     messages_sent, messages_received, busy_ns}] sorted by (chip, core);
//   estimates: label "estimate", note,
//     latency_per_step_ns {mean, median, max},
//     energy_per_step_pj {dynamic_mean, static_mean, total_mean},
//     energy_per_token_pj (all steps' energy / tokens),
//     power_w {back_to_back (total_mean / mean latency: steps back to back),
//       real_time (total_mean / step_ms: one step per step_ms, nothing drawn
//       in between), real_time_static_always_on (dynamic_mean / step_ms +
//       static_power_per_chip x chips_used), note},
//     real_time {step_ms 8, step "16 kHz audio, hop 128 samples",
//       margin (step_ms / mean latency), worst_case_margin (/ max latency)},
//     constants {key: {value, unit}} and sources {key: text} for the twelve
//       cost constants of the target description;
//   simulator: wall_seconds (of Simulator::run), steps_per_second,
//     real_time_factor (time_steps x 8 ms / wall_seconds), cpu_seconds
//     (the thread's CPU time in run(), Simulator::getCpuSeconds),
//     cpu_real_time_factor (time_steps x 8 ms / cpu_seconds).
// Reals have 10 significant digits; a ratio over zero is null.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_TARGET_LOIHI2SIM_SIMULATIONREPORT_H
#define LRNN_TARGET_LOIHI2SIM_SIMULATIONREPORT_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace lrnn {
namespace loihi2 {

class Simulator;

/// The value of the report's "format" key.
inline constexpr llvm::StringLiteral kSimulationReportFormat =
    "lrnn-loihi2-sim/1";

/// The real-time budget of one step: 16 kHz audio with a hop of 128
/// samples gives one frame (one token) every 8 ms.
inline constexpr double kRealTimeStepMs = 8.0;

/// Writes the JSON report of the run `sim` just made: `programName` (the
/// program's symbol), `tokens` tokens in getStepStats().size() time steps,
/// `wallSeconds` the wall time of the run. Non-finite quantities (a ratio
/// over zero time) are written as null.
void writeSimulationReportJson(const Simulator &sim,
                               llvm::StringRef programName, int64_t tokens,
                               double wallSeconds, llvm::raw_ostream &os);

/// Prints 5-6 lines: the run, counts per token, latency per step, energy
/// per token and power, real-time margin (each estimate marked
/// "(estimate)") and the simulator's speed. Every line starts with
/// "lrnn-sim: ".
void printSimulationSummary(const Simulator &sim, llvm::StringRef programName,
                            int64_t tokens, double wallSeconds,
                            llvm::raw_ostream &os);

/// Writes the per-step trace: two comment lines ('#') naming the columns,
/// then one line per time step: step, synaptic_ops, neuron_instructions,
/// messages, mesh_hops, chip_crossings, latency_ns, dynamic_energy_pj,
/// static_energy_pj (space-separated; numpy.loadtxt reads it).
void writeSimulationTrace(const Simulator &sim, llvm::raw_ostream &os);

} // namespace loihi2
} // namespace lrnn

#endif // LRNN_TARGET_LOIHI2SIM_SIMULATIONREPORT_H
