//===- TargetDescription.h - Resources and costs of a Loihi 2 system -*- C++ -*-===//
//
// Every resource limit and cost constant the Loihi 2 backend assumes, with
// the public source (or the reasoning behind the estimate) of each. The
// defaults are lib/Target/Loihi2/loihi2-target.json, compiled into the
// library; a user overrides any subset of them with a file of the same
// format (`--target-config=FILE`). docs/loihi2.md tabulates the fields.
//
// File format "lrnn-loihi2-target/1": a JSON object with the key "format"
// and one key per field, each an object {"value": ..., "unit": "...",
// "source": "..."}. In an override file "unit" and "source" may be left out;
// a given unit must equal the field's unit. Parsing is strict: unknown keys,
// wrong types and values outside sane ranges are errors, reported on one
// line as "<file>: <key>: <reason>".
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_TARGET_LOIHI2_TARGETDESCRIPTION_H
#define LRNN_TARGET_LOIHI2_TARGETDESCRIPTION_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lrnn {
namespace loihi2 {

/// The value of the "format" key this version reads and writes.
inline constexpr llvm::StringLiteral kTargetFormat = "lrnn-loihi2-target/1";

/// One Loihi 2 system: a mesh of chips.
struct SystemDescription {
  std::string name;
  int64_t chips = 0;
  /// The chips' mesh; meshX * meshY >= chips.
  int64_t meshX = 0;
  int64_t meshY = 0;

  bool operator==(const SystemDescription &other) const;
  bool operator!=(const SystemDescription &other) const {
    return !(*this == other);
  }
};

/// The resources and costs of the Loihi 2 target. Each member is one field
/// of the file format (JSON key in the comment); `sources` gives the source
/// of each field's value.
struct TargetDescription {
  // Structure of a chip.
  int64_t coresPerChip = 0;     ///< cores_per_chip
  int64_t meshX = 0;            ///< mesh[0]: cores along x
  int64_t meshY = 0;            ///< mesh[1]: cores along y
  int64_t neuronsPerCore = 0;   ///< neurons_per_core
  int64_t x86CoresPerChip = 0;  ///< x86_cores_per_chip

  // Memory of a core and how it is charged (see the *Bytes helpers).
  int64_t memoryBytesPerCore = 0;        ///< memory_bytes_per_core
  int64_t denseSynapseBytes = 0;         ///< dense_synapse_bytes
  int64_t sparseSynapseBytes = 0;        ///< sparse_synapse_bytes
  int64_t synapseIndexBits = 0;          ///< synapse_index_bits
  int64_t inputAxonBytes = 0;            ///< input_axon_bytes
  int64_t neuronStateBytes = 0;          ///< neuron_state_bytes
  int64_t microcodeInstructionBytes = 0; ///< microcode_instruction_bytes

  // Numerics.
  int64_t weightBits = 0;           ///< weight_bits
  int64_t weightExponentMin = 0;    ///< weight_exponent[0]
  int64_t weightExponentMax = 0;    ///< weight_exponent[1]
  int64_t messagePayloadBits = 0;   ///< message_payload_bits
  int64_t neuronRegisterBits = 0;   ///< neuron_register_bits
  int64_t neuronAluBits = 0;        ///< neuron_alu_bits

  // Connectivity.
  int64_t maxFanInPerNeuron = 0;    ///< max_fan_in_per_neuron
  int64_t inputAxonsPerCore = 0;    ///< input_axons_per_core
  int64_t outputAxonsPerCore = 0;   ///< output_axons_per_core
  int64_t connectionDelaySteps = 0; ///< connection_delay_steps

  /// systems, in file order; names are unique.
  std::vector<SystemDescription> systems;

  // Energy (estimates).
  double energyPerSynapticOpPJ = 0;       ///< energy_per_synaptic_op
  double energyPerNeuronInstructionPJ = 0; ///< energy_per_neuron_instruction
  double energyPerSpikePJ = 0;            ///< energy_per_spike
  double energyPerMeshHopPJ = 0;          ///< energy_per_mesh_hop
  double energyPerChipCrossingPJ = 0;     ///< energy_per_chip_crossing
  double staticPowerPerChipW = 0;         ///< static_power_per_chip

  // Time (estimates).
  double latencyPerSynapticOpNs = 0;       ///< latency_per_synaptic_op
  double latencyPerNeuronInstructionNs = 0; ///< latency_per_neuron_instruction
  double latencyPerSpikeNs = 0;            ///< latency_per_spike
  double latencyPerMeshHopNs = 0;          ///< latency_per_mesh_hop
  double latencyPerChipCrossingNs = 0;     ///< latency_per_chip_crossing
  double barrierTimePerStepNs = 0;         ///< barrier_time_per_step

  /// JSON key of every field -> where its value comes from (a citation, an
  /// estimate with its reasoning, or the override file that set it).
  std::map<std::string, std::string> sources;

  /// The system called `name`; the error lists the known systems.
  llvm::Expected<SystemDescription> getSystem(llvm::StringRef name) const;
  /// Neurocores in `system`: chips * coresPerChip.
  int64_t coresInSystem(const SystemDescription &system) const;

  // Memory charged against memoryBytesPerCore on the core that holds it.
  /// `neurons` neurons with `stateVariables` state registers each.
  int64_t neuronGroupBytes(int64_t neurons, int64_t stateVariables) const;
  /// A neuron program of `instructions` instructions (once per group and
  /// core).
  int64_t microcodeBytes(int64_t instructions) const;
  /// A dense synapse block: `inputs` x `outputs` weights plus one routing
  /// entry per input.
  int64_t denseSynapseBlockBytes(int64_t inputs, int64_t outputs) const;
  /// A sparse synapse block: `nonZeros` (weight, index) entries plus one
  /// routing entry per input.
  int64_t sparseSynapseBlockBytes(int64_t inputs, int64_t nonZeros) const;

  bool operator==(const TargetDescription &other) const;
  bool operator!=(const TargetDescription &other) const {
    return !(*this == other);
  }
};

/// The JSON keys of all fields, in file order (without "format").
llvm::ArrayRef<llvm::StringRef> getFieldNames();

/// The unit of field `key` ("" for an unknown key).
llvm::StringRef getFieldUnit(llvm::StringRef key);

/// The built-in description (lib/Target/Loihi2/loihi2-target.json).
const TargetDescription &getDefaultTargetDescription();

/// The built-in JSON text itself.
llvm::StringRef getDefaultTargetDescriptionText();

/// Parses `json` and merges the fields it gives over `base`; `name` (a file
/// name) prefixes errors. A field given without "source" gets the source
/// "override: <name>". The result is validated as a whole (cross-field
/// constraints such as mesh capacity and entry sizes included).
llvm::Expected<TargetDescription>
parseTargetDescription(llvm::StringRef json, llvm::StringRef name,
                       const TargetDescription &base =
                           getDefaultTargetDescription());

/// Reads the override file at `path` and merges it over the defaults.
llvm::Expected<TargetDescription> loadTargetDescription(llvm::StringRef path);

/// Writes `desc` as a complete file of the current format; parsing the
/// output gives back an equal description.
void writeTargetDescription(const TargetDescription &desc,
                            llvm::raw_ostream &os);

} // namespace loihi2
} // namespace lrnn

#endif // LRNN_TARGET_LOIHI2_TARGETDESCRIPTION_H
