//===- SimulationReport.cpp - Reports of a Loihi 2 simulation -------------===//

#include "lrnn/Target/Loihi2Sim/SimulationReport.h"
#include "lrnn/Target/Loihi2Sim/Simulator.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace llvm;
using namespace lrnn::loihi2;

namespace {

/// The target description's keys whose values the estimates use.
constexpr StringLiteral kCostKeys[] = {
    "energy_per_synaptic_op",    "energy_per_neuron_instruction",
    "energy_per_spike",          "energy_per_mesh_hop",
    "energy_per_chip_crossing",  "static_power_per_chip",
    "latency_per_synaptic_op",   "latency_per_neuron_instruction",
    "latency_per_spike",         "latency_per_mesh_hop",
    "latency_per_chip_crossing", "barrier_time_per_step",
};

double costValue(const TargetDescription &d, StringRef key) {
  return StringSwitch<double>(key)
      .Case("energy_per_synaptic_op", d.energyPerSynapticOpPJ)
      .Case("energy_per_neuron_instruction", d.energyPerNeuronInstructionPJ)
      .Case("energy_per_spike", d.energyPerSpikePJ)
      .Case("energy_per_mesh_hop", d.energyPerMeshHopPJ)
      .Case("energy_per_chip_crossing", d.energyPerChipCrossingPJ)
      .Case("static_power_per_chip", d.staticPowerPerChipW)
      .Case("latency_per_synaptic_op", d.latencyPerSynapticOpNs)
      .Case("latency_per_neuron_instruction", d.latencyPerNeuronInstructionNs)
      .Case("latency_per_spike", d.latencyPerSpikeNs)
      .Case("latency_per_mesh_hop", d.latencyPerMeshHopNs)
      .Case("latency_per_chip_crossing", d.latencyPerChipCrossingNs)
      .Case("barrier_time_per_step", d.barrierTimePerStepNs)
      .Default(0);
}

/// Mean, extremes and order statistics of one per-step quantity; all NaN
/// (written as null) for no steps, `empty` set.
struct Distribution {
  bool empty = true;
  double mean = NAN, min = NAN, median = NAN, p99 = NAN, max = NAN;
};

Distribution distribution(std::vector<double> values) {
  Distribution d;
  if (values.empty())
    return d;
  d.empty = false;
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  double sum = 0;
  for (double v : values)
    sum += v;
  d.mean = sum / double(n);
  d.min = values.front();
  d.max = values.back();
  d.median = n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
  // Nearest rank: the smallest value with at least 99% of the steps at or
  // below it.
  size_t rank = size_t(std::ceil(0.99 * double(n)));
  d.p99 = values[std::max<size_t>(rank, 1) - 1];
  return d;
}

template <typename F>
Distribution distributionOf(const std::vector<StepStats> &steps, F field) {
  std::vector<double> values;
  values.reserve(steps.size());
  for (const StepStats &s : steps)
    values.push_back(double(field(s)));
  return distribution(std::move(values));
}

/// The attribute `key`: `x` to 10 significant digits (json::OStream would
/// write 17, turning 502.1 into 502.10000000000002), or null where `x` is
/// not finite (JSON has no infinity).
void number(json::OStream &json, StringRef key, double x) {
  json.attributeBegin(key);
  if (std::isfinite(x))
    json.rawValue([&](raw_ostream &os) { os << format("%.10g", x); });
  else
    json.value(nullptr);
  json.attributeEnd();
}

/// a / b, or NaN (written as null) where b is zero.
double ratio(double a, double b) { return b != 0 ? a / b : std::nan(""); }

/// Everything the report and the summary derive from a run.
struct RunFigures {
  int64_t timeSteps = 0;
  Distribution synapticOps, neuronInstructions, messages, meshHops,
      chipCrossings, latencyNs, energyPJ, dynamicPJ, staticPJ;
  double totalEnergyPJ = 0;     ///< over every step
  double backToBackW = 0;       ///< mean energy / mean latency
  double realTimeW = 0;         ///< mean energy / 8 ms
  double realTimeStaticOnW = 0; ///< mean dynamic / 8 ms + static power
  double margin = 0, worstCaseMargin = 0;
  double stepsPerSecond = 0, realTimeFactor = 0, cpuRealTimeFactor = 0;
};

RunFigures computeFigures(const Simulator &sim, double wallSeconds) {
  const std::vector<StepStats> &steps = sim.getStepStats();
  RunFigures f;
  f.timeSteps = int64_t(steps.size());
  f.synapticOps =
      distributionOf(steps, [](const StepStats &s) { return s.synapticOps; });
  f.neuronInstructions = distributionOf(
      steps, [](const StepStats &s) { return s.neuronInstructions; });
  f.messages =
      distributionOf(steps, [](const StepStats &s) { return s.messages; });
  f.meshHops =
      distributionOf(steps, [](const StepStats &s) { return s.meshHops; });
  f.chipCrossings =
      distributionOf(steps, [](const StepStats &s) { return s.chipCrossings; });
  f.latencyNs =
      distributionOf(steps, [](const StepStats &s) { return s.latencyNs; });
  f.energyPJ = distributionOf(steps, [](const StepStats &s) {
    return s.dynamicEnergyPJ + s.staticEnergyPJ;
  });
  f.dynamicPJ = distributionOf(
      steps, [](const StepStats &s) { return s.dynamicEnergyPJ; });
  f.staticPJ = distributionOf(
      steps, [](const StepStats &s) { return s.staticEnergyPJ; });
  for (const StepStats &s : steps)
    f.totalEnergyPJ += s.dynamicEnergyPJ + s.staticEnergyPJ;

  constexpr double stepNs = kRealTimeStepMs * 1e6;
  // pJ / ns = mW.
  f.backToBackW = ratio(f.energyPJ.mean, f.latencyNs.mean) * 1e-3;
  // Without steps the means are NaN, and so are these.
  f.realTimeW = f.energyPJ.mean / stepNs * 1e-3;
  f.realTimeStaticOnW = f.dynamicPJ.mean / stepNs * 1e-3 +
                        sim.getTargetDescription().staticPowerPerChipW *
                            double(sim.getChipsUsed());
  f.margin = ratio(stepNs, f.latencyNs.mean);
  f.worstCaseMargin = ratio(stepNs, f.latencyNs.max);
  f.stepsPerSecond = ratio(double(f.timeSteps), wallSeconds);
  f.realTimeFactor =
      ratio(double(f.timeSteps) * kRealTimeStepMs * 1e-3, wallSeconds);
  f.cpuRealTimeFactor = ratio(double(f.timeSteps) * kRealTimeStepMs * 1e-3,
                              sim.getCpuSeconds());
  return f;
}

void writeDistribution(json::OStream &json, StringRef key,
                       const Distribution &d) {
  if (d.empty) {
    json.attribute(key, nullptr);
    return;
  }
  json.attributeObject(key, [&] {
    number(json, "mean", d.mean);
    number(json, "min", d.min);
    number(json, "median", d.median);
    number(json, "p99", d.p99);
    number(json, "max", d.max);
  });
}

// Human-readable quantities.

std::string grouped(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0)
      out += ',';
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

/// `x` things: grouped digits, one decimal below 100 unless whole; `noun`
/// without its final "s" for exactly one.
std::string quantity(double x, StringRef noun) {
  std::string n = x == std::round(x) || std::fabs(x) >= 100
                      ? grouped(int64_t(std::llround(x)))
                      : formatv("{0:F1}", x).str();
  return n + " " + (n == "1" ? noun.drop_back() : noun).str();
}

/// `x` in the largest of `units` (each 1000 times the previous) that keeps
/// it at least 1, three significant digits.
std::string scaled(double x, ArrayRef<StringRef> units) {
  if (!std::isfinite(x))
    return "n/a";
  size_t u = 0;
  while (u + 1 < units.size() && std::fabs(x) >= 1000) {
    x /= 1000;
    ++u;
  }
  std::string digits = std::fabs(x) >= 100  ? formatv("{0:F0}", x).str()
                       : std::fabs(x) >= 10 ? formatv("{0:F1}", x).str()
                                            : formatv("{0:F2}", x).str();
  return digits + " " + units[u].str();
}

std::string nanoseconds(double ns) {
  return scaled(ns, {"ns", "\u00b5s", "ms", "s"});
}
std::string picojoules(double pj) {
  return scaled(pj, {"pJ", "nJ", "\u00b5J", "mJ", "J"});
}
std::string watts(double w) {
  return scaled(w * 1e9, {"nW", "\u00b5W", "mW", "W", "kW"});
}
std::string factor(double x) {
  if (!std::isfinite(x))
    return "n/a";
  return (x >= 100  ? grouped(int64_t(std::llround(x)))
          : x >= 10 ? formatv("{0:F1}", x).str()
                    : formatv("{0:F2}", x).str()) +
         "x";
}

} // namespace

void lrnn::loihi2::writeSimulationReportJson(const Simulator &sim,
                                             StringRef programName,
                                             int64_t tokens, double wallSeconds,
                                             raw_ostream &os) {
  RunFigures f = computeFigures(sim, wallSeconds);
  const SimulationCounters &c = sim.getCounters();
  const TargetDescription &desc = sim.getTargetDescription();
  json::OStream json(os, /*IndentSize=*/1);
  json.object([&] {
    json.attribute("format", kSimulationReportFormat);
    json.attribute("program", programName);
    json.attribute("system", sim.getSystemName());
    json.attribute("mode", stringifyExecutionMode(sim.getMode()));
    json.attribute("chips_used", sim.getChipsUsed());
    json.attribute("tokens", tokens);
    json.attribute("time_steps", f.timeSteps);
    json.attribute("pipeline_latency_steps", sim.getLatency());
    json.attributeObject("totals", [&] {
      json.attribute("synaptic_ops", c.synapticOps);
      json.attribute("neuron_instructions", c.neuronInstructions);
      json.attribute("messages", c.messages);
      json.attribute("mesh_hops", c.meshHops);
      json.attribute("chip_crossings", c.chipCrossings);
      json.attribute("saturations", c.saturations);
      json.attribute("input_saturations", c.inputSaturations);
    });
    json.attributeObject("per_step", [&] {
      writeDistribution(json, "synaptic_ops", f.synapticOps);
      writeDistribution(json, "neuron_instructions", f.neuronInstructions);
      writeDistribution(json, "messages", f.messages);
      writeDistribution(json, "mesh_hops", f.meshHops);
      writeDistribution(json, "chip_crossings", f.chipCrossings);
      writeDistribution(json, "latency_ns", f.latencyNs);
      writeDistribution(json, "energy_pj", f.energyPJ);
    });
    json.attributeArray("per_core", [&] {
      for (const CoreStats &core : sim.getCoreStats())
        json.object([&] {
          json.attribute("chip", core.chip);
          json.attribute("core", core.core);
          json.attribute("neurons", core.neurons);
          json.attribute("synaptic_ops", core.synapticOps);
          json.attribute("neuron_instructions", core.neuronInstructions);
          json.attribute("messages_sent", core.messagesSent);
          json.attribute("messages_received", core.messagesReceived);
          number(json, "busy_ns", core.busyNs);
        });
    });
    json.attributeObject("estimates", [&] {
      json.attribute("label", "estimate");
      json.attribute(
          "note",
          "latency, energy and power follow from the exact counts and the "
          "cost constants of the program's target description (below, with "
          "their sources); the defaults are Loihi 1 (14 nm) figures, which "
          "overstate Loihi 2's absolute costs");
      json.attributeObject("latency_per_step_ns", [&] {
        number(json, "mean", f.latencyNs.mean);
        number(json, "median", f.latencyNs.median);
        number(json, "max", f.latencyNs.max);
      });
      json.attributeObject("energy_per_step_pj", [&] {
        number(json, "dynamic_mean", f.dynamicPJ.mean);
        number(json, "static_mean", f.staticPJ.mean);
        number(json, "total_mean", f.energyPJ.mean);
      });
      number(json, "energy_per_token_pj",
             ratio(f.totalEnergyPJ, double(tokens)));
      json.attributeObject("power_w", [&] {
        number(json, "back_to_back", f.backToBackW);
        number(json, "real_time", f.realTimeW);
        number(json, "real_time_static_always_on", f.realTimeStaticOnW);
        json.attribute(
            "note",
            "back_to_back: steps run one after another (mean energy per "
            "step / mean latency per step); real_time: one step every "
            "step_ms, the chip drawing nothing between steps (mean energy "
            "per step / step_ms); real_time_static_always_on: the same with "
            "static power drawn all the time (mean dynamic energy / step_ms "
            "+ static_power_per_chip x chips_used)");
      });
      json.attributeObject("real_time", [&] {
        number(json, "step_ms", kRealTimeStepMs);
        json.attribute("step", "16 kHz audio, hop 128 samples");
        number(json, "margin", f.margin);
        number(json, "worst_case_margin", f.worstCaseMargin);
      });
      json.attributeObject("constants", [&] {
        for (StringRef key : kCostKeys)
          json.attributeObject(key, [&] {
            number(json, "value", costValue(desc, key));
            json.attribute("unit", getFieldUnit(key));
          });
      });
      json.attributeObject("sources", [&] {
        for (StringRef key : kCostKeys) {
          auto it = desc.sources.find(key.str());
          json.attribute(key, it == desc.sources.end() ? "" : it->second);
        }
      });
    });
    json.attributeObject("simulator", [&] {
      number(json, "wall_seconds", wallSeconds);
      number(json, "steps_per_second", f.stepsPerSecond);
      number(json, "real_time_factor", f.realTimeFactor);
      number(json, "cpu_seconds", sim.getCpuSeconds());
      number(json, "cpu_real_time_factor", f.cpuRealTimeFactor);
    });
  });
  os << "\n";
}

void lrnn::loihi2::printSimulationSummary(const Simulator &sim,
                                          StringRef programName, int64_t tokens,
                                          double wallSeconds, raw_ostream &os) {
  RunFigures f = computeFigures(sim, wallSeconds);
  const SimulationCounters &c = sim.getCounters();
  int64_t chips = sim.getChipsUsed();
  os << "lrnn-sim: @" << programName << " on " << sim.getSystemName() << " ("
     << chips << (chips == 1 ? " chip, " : " chips, ")
     << stringifyExecutionMode(sim.getMode()) << "): " << tokens
     << (tokens == 1 ? " token in " : " tokens in ") << f.timeSteps
     << " time steps (pipeline latency " << sim.getLatency() << ")\n";
  if (f.timeSteps == 0)
    return;
  // Per token where there are tokens; otherwise per time step.
  double per = double(tokens > 0 ? tokens : f.timeSteps);
  StringRef unit = tokens > 0 ? "token" : "step";
  os << "lrnn-sim: per " << unit << ": "
     << quantity(c.synapticOps / per, "synaptic ops") << ", "
     << quantity(c.neuronInstructions / per, "neuron instructions") << ", "
     << quantity(c.messages / per, "messages") << ", "
     << quantity(c.meshHops / per, "mesh hops") << ", "
     << quantity(c.chipCrossings / per, "chip crossings") << "; "
     << quantity(double(c.saturations), "saturations") << " ("
     << c.inputSaturations << " at the input)\n";
  os << "lrnn-sim: latency per step: mean " << nanoseconds(f.latencyNs.mean)
     << ", max " << nanoseconds(f.latencyNs.max) << " (estimate)\n";
  os << "lrnn-sim: energy per " << unit << ": "
     << picojoules(f.totalEnergyPJ / per) << " (estimate; per step "
     << picojoules(f.dynamicPJ.mean) << " dynamic + "
     << picojoules(f.staticPJ.mean) << " static); power at one step per "
     << format("%g", kRealTimeStepMs) << " ms: " << watts(f.realTimeW) << ", "
     << watts(f.realTimeStaticOnW)
     << " with static power always on (estimate)\n";
  os << "lrnn-sim: real-time margin: " << factor(f.margin) << " (worst step "
     << factor(f.worstCaseMargin) << ") against the "
     << format("%g", kRealTimeStepMs)
     << " ms step of 16 kHz audio with hop 128 (estimate)\n";
  os << "lrnn-sim: simulator: " << f.timeSteps << " steps in "
     << nanoseconds(wallSeconds * 1e9) << ", "
     << (std::isfinite(f.stepsPerSecond)
             ? grouped(int64_t(std::llround(f.stepsPerSecond)))
             : std::string("n/a"))
     << " steps/s, " << factor(f.realTimeFactor) << " real time ("
     << factor(f.cpuRealTimeFactor) << " by CPU time)\n";
}

void lrnn::loihi2::writeSimulationTrace(const Simulator &sim, raw_ostream &os) {
  os << "# lrnn-sim trace: one line per time step; latency_ns and the "
        "energies are estimates from the target description's cost "
        "constants\n";
  os << "# step synaptic_ops neuron_instructions messages mesh_hops "
        "chip_crossings latency_ns dynamic_energy_pj static_energy_pj\n";
  int64_t t = 0;
  for (const StepStats &s : sim.getStepStats())
    os << t++ << ' ' << s.synapticOps << ' ' << s.neuronInstructions << ' '
       << s.messages << ' ' << s.meshHops << ' ' << s.chipCrossings << ' '
       << format("%.2f %.2f %.2f", s.latencyNs, s.dynamicEnergyPJ,
                 s.staticEnergyPJ)
       << '\n';
}
