//===- TargetDescriptionTest.cpp - Tests of the Loihi 2 target description -===//

#include "lrnn/Target/Loihi2/TargetDescription.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <system_error>

using namespace llvm;
using namespace lrnn::loihi2;

namespace {

/// The one-line message of a parse of `json` that must fail.
std::string parseError(StringRef json, StringRef name = "cfg.json") {
  Expected<TargetDescription> desc = parseTargetDescription(json, name);
  if (desc)
    return "<no error>";
  return toString(desc.takeError());
}

/// An override file holding `fields` (a JSON member list) after the format.
std::string overrideText(StringRef fields) {
  std::string text = "{\"format\": \"lrnn-loihi2-target/1\"";
  if (!fields.empty())
    text += ", " + fields.str();
  return text + "}";
}

/// Writes `contents` to a fresh temporary file and returns its path.
std::string writeTemporary(StringRef contents) {
  SmallString<128> path;
  int fd = -1;
  if (sys::fs::createTemporaryFile("lrnn-loihi2", "json", fd, path))
    return "";
  raw_fd_ostream os(fd, /*shouldClose=*/true);
  os << contents;
  return path.str().str();
}

TEST(Loihi2TargetDescriptionTest, DefaultsMatchReference) {
  const TargetDescription &desc = getDefaultTargetDescription();
  EXPECT_EQ(desc.coresPerChip, 128);
  EXPECT_EQ(desc.meshX, 8);
  EXPECT_EQ(desc.meshY, 16);
  EXPECT_EQ(desc.neuronsPerCore, 8192);
  EXPECT_EQ(desc.coresPerChip * desc.neuronsPerCore, 1048576);
  EXPECT_EQ(desc.memoryBytesPerCore, 131072);
  EXPECT_EQ(desc.x86CoresPerChip, 6);
  EXPECT_EQ(desc.weightBits, 8);
  EXPECT_EQ(desc.weightExponentMin, -8);
  EXPECT_EQ(desc.weightExponentMax, 7);
  EXPECT_EQ(desc.messagePayloadBits, 24);
  EXPECT_EQ(desc.neuronRegisterBits, 24);
  EXPECT_EQ(desc.neuronAluBits, 48);
  EXPECT_EQ(desc.neuronStateBytes, 3);
  EXPECT_EQ(desc.denseSynapseBytes, 1);
  EXPECT_EQ(desc.sparseSynapseBytes, 3);
  EXPECT_EQ(desc.connectionDelaySteps, 1);

  ASSERT_EQ(desc.systems.size(), 3u);
  EXPECT_EQ(desc.systems[0], (SystemDescription{"oheo-gulch", 1, 1, 1}));
  EXPECT_EQ(desc.systems[1].name, "kapoho-point");
  EXPECT_EQ(desc.systems[1].chips, 8);
  EXPECT_EQ(desc.systems[2].name, "hala-point");
  EXPECT_EQ(desc.systems[2].chips, 1152);
  for (const SystemDescription &system : desc.systems)
    EXPECT_GE(system.meshX * system.meshY, system.chips) << system.name;

  // Costs are labelled estimates but must be there and positive.
  EXPECT_DOUBLE_EQ(desc.energyPerSynapticOpPJ, 23.6);
  EXPECT_GT(desc.energyPerNeuronInstructionPJ, 0);
  EXPECT_GT(desc.energyPerSpikePJ, 0);
  EXPECT_GT(desc.energyPerMeshHopPJ, 0);
  EXPECT_GT(desc.energyPerChipCrossingPJ, 0);
  EXPECT_NEAR(desc.staticPowerPerChipW, 2600.0 / 1152, 0.01);
  EXPECT_GT(desc.latencyPerSynapticOpNs, 0);
  EXPECT_GT(desc.latencyPerNeuronInstructionNs, 0);
  EXPECT_GT(desc.latencyPerMeshHopNs, 0);
  EXPECT_GT(desc.latencyPerChipCrossingNs, 0);
  EXPECT_GT(desc.barrierTimePerStepNs, 0);
}

TEST(Loihi2TargetDescriptionTest, EveryFieldHasSourceAndUnit) {
  const TargetDescription &desc = getDefaultTargetDescription();
  EXPECT_EQ(desc.sources.size(), getFieldNames().size());
  for (StringRef key : getFieldNames()) {
    auto it = desc.sources.find(key.str());
    ASSERT_NE(it, desc.sources.end()) << key.str();
    EXPECT_FALSE(StringRef(it->second).trim().empty()) << key.str();
    EXPECT_FALSE(getFieldUnit(key).empty()) << key.str();
  }
  EXPECT_TRUE(getFieldUnit("no_such_field").empty());
  // Estimates say so.
  EXPECT_TRUE(
      StringRef(desc.sources.at("energy_per_chip_crossing")).contains(
          "Estimate"));
  EXPECT_TRUE(StringRef(desc.sources.at("systems")).contains("Lava"));
}

TEST(Loihi2TargetDescriptionTest, SystemsAndCores) {
  const TargetDescription &desc = getDefaultTargetDescription();
  Expected<SystemDescription> hala = desc.getSystem("hala-point");
  ASSERT_TRUE(bool(hala)) << toString(hala.takeError());
  EXPECT_EQ(desc.coresInSystem(*hala), 1152 * 128);
  Expected<SystemDescription> kapoho = desc.getSystem("kapoho-point");
  ASSERT_TRUE(bool(kapoho)) << toString(kapoho.takeError());
  EXPECT_EQ(desc.coresInSystem(*kapoho), 1024);
}

TEST(Loihi2TargetDescriptionTest, UnknownSystemListsKnownOnes) {
  Expected<SystemDescription> system =
      getDefaultTargetDescription().getSystem("pohoiki-springs");
  ASSERT_FALSE(bool(system));
  EXPECT_EQ(toString(system.takeError()),
            "unknown system 'pohoiki-springs'; known systems: oheo-gulch, "
            "kapoho-point, hala-point");
}

TEST(Loihi2TargetDescriptionTest, MemoryCharges) {
  const TargetDescription &desc = getDefaultTargetDescription();
  // 100 neurons with 2 state variables of 3 bytes.
  EXPECT_EQ(desc.neuronGroupBytes(100, 2), 600);
  EXPECT_EQ(desc.microcodeBytes(12), 48);
  // 64 x 32 dense weights of 1 byte + 64 routing entries of 4 bytes.
  EXPECT_EQ(desc.denseSynapseBlockBytes(64, 32), 64 * 32 + 64 * 4);
  // 200 non-zeros of 3 bytes + 64 routing entries.
  EXPECT_EQ(desc.sparseSynapseBlockBytes(64, 200), 200 * 3 + 64 * 4);
  // Saturates instead of overflowing.
  EXPECT_EQ(desc.denseSynapseBlockBytes(int64_t(1) << 40, int64_t(1) << 40),
            std::numeric_limits<int64_t>::max());
}

TEST(Loihi2TargetDescriptionTest, PartialOverrideMerges) {
  std::string path = writeTemporary(overrideText(
      R"("neurons_per_core": {"value": 4096},
         "memory_bytes_per_core": {"value": 196608, "unit": "bytes",
                                   "source": "192 KiB variant"},
         "systems": {"value": [{"name": "lab", "chips": 3, "mesh": [2, 2]}]})"));
  ASSERT_FALSE(path.empty());
  Expected<TargetDescription> desc = loadTargetDescription(path);
  sys::fs::remove(path);
  ASSERT_TRUE(bool(desc)) << toString(desc.takeError());

  const TargetDescription &defaults = getDefaultTargetDescription();
  EXPECT_EQ(desc->neuronsPerCore, 4096);
  EXPECT_EQ(desc->sources.at("neurons_per_core"), "override: " + path);
  EXPECT_EQ(desc->memoryBytesPerCore, 196608);
  EXPECT_EQ(desc->sources.at("memory_bytes_per_core"), "192 KiB variant");
  ASSERT_EQ(desc->systems.size(), 1u);
  EXPECT_EQ(desc->systems[0], (SystemDescription{"lab", 3, 2, 2}));

  // Everything else keeps its default and its source.
  EXPECT_EQ(desc->coresPerChip, defaults.coresPerChip);
  EXPECT_EQ(desc->weightBits, defaults.weightBits);
  EXPECT_EQ(desc->energyPerSpikePJ, defaults.energyPerSpikePJ);
  EXPECT_EQ(desc->sources.at("weight_bits"), defaults.sources.at("weight_bits"));
  EXPECT_EQ(desc->sources.size(), defaults.sources.size());
}

TEST(Loihi2TargetDescriptionTest, EmptyOverrideIsTheDefault) {
  Expected<TargetDescription> desc =
      parseTargetDescription(overrideText(""), "empty.json");
  ASSERT_TRUE(bool(desc)) << toString(desc.takeError());
  EXPECT_EQ(*desc, getDefaultTargetDescription());
}

TEST(Loihi2TargetDescriptionTest, RoundTrip) {
  std::string text;
  raw_string_ostream os(text);
  writeTargetDescription(getDefaultTargetDescription(), os);
  Expected<TargetDescription> desc = parseTargetDescription(text, "written");
  ASSERT_TRUE(bool(desc)) << toString(desc.takeError());
  EXPECT_EQ(*desc, getDefaultTargetDescription());

  // A modified description round-trips over the defaults too, doubles and
  // sources included.
  TargetDescription changed = getDefaultTargetDescription();
  changed.coresPerChip = 120;
  changed.weightExponentMin = -3;
  changed.energyPerSpikePJ = 0.1 + 0.2;
  changed.staticPowerPerChipW = 1.0 / 3.0;
  changed.latencyPerMeshHopNs = 1e-5;
  changed.systems.push_back({"rack", 96, 8, 12});
  changed.sources["cores_per_chip"] = "measured \"usable\" cores\n";
  std::string changedText;
  raw_string_ostream changedOs(changedText);
  writeTargetDescription(changed, changedOs);
  Expected<TargetDescription> reread =
      parseTargetDescription(changedText, "written");
  ASSERT_TRUE(bool(reread)) << toString(reread.takeError());
  EXPECT_EQ(*reread, changed);
  EXPECT_NE(*reread, getDefaultTargetDescription());

  // Writing is deterministic: the reread description writes the same text.
  std::string again;
  raw_string_ostream againOs(again);
  writeTargetDescription(*reread, againOs);
  EXPECT_EQ(again, changedText);
}

TEST(Loihi2TargetDescriptionTest, BuiltInTextIsAValidCompleteFile) {
  StringRef text = getDefaultTargetDescriptionText();
  EXPECT_TRUE(text.contains("\"format\": \"lrnn-loihi2-target/1\""));
  // Parsed over an empty base, the built-in text must give every field.
  Expected<TargetDescription> desc =
      parseTargetDescription(text, "builtin", TargetDescription());
  ASSERT_TRUE(bool(desc)) << toString(desc.takeError());
  EXPECT_EQ(*desc, getDefaultTargetDescription());
}

TEST(Loihi2TargetDescriptionTest, MissingFile) {
  SmallString<128> dir;
  ASSERT_FALSE(sys::fs::createUniqueDirectory("lrnn-loihi2", dir));
  std::string path = (dir + "/missing.json").str();
  Expected<TargetDescription> desc = loadTargetDescription(path);
  sys::fs::remove_directories(dir);
  ASSERT_FALSE(bool(desc));
  EXPECT_EQ(toString(desc.takeError()),
            path + ": cannot open: " +
                std::make_error_code(std::errc::no_such_file_or_directory)
                    .message());
}

TEST(Loihi2TargetDescriptionTest, BadJson) {
  EXPECT_EQ(parseError("{\"format\": \"lrnn-loihi2-target/1\",\n \"mesh\": }"),
            "cfg.json: invalid JSON: [2:10, byte=45]: Invalid JSON value");
  EXPECT_EQ(parseError("[1, 2]"), "cfg.json: expected a JSON object");
  EXPECT_EQ(parseError(""),
            "cfg.json: invalid JSON: [1:0, byte=0]: Unexpected EOF");
  EXPECT_EQ(parseError(std::string(100, '[') + std::string(100, ']')),
            "cfg.json: JSON nests deeper than 8 levels");
  EXPECT_EQ(parseError(overrideText(R"("weight_bits": {"value": 4},
                                       "weight_bits": {"value": 6})")),
            "cfg.json: duplicate key 'weight_bits'");
  EXPECT_EQ(parseError(overrideText(R"("weight_bits": {"value": 4,
                                                        "value": 6})")),
            "cfg.json: weight_bits: duplicate key 'value'");
}

TEST(Loihi2TargetDescriptionTest, WrongFormat) {
  EXPECT_EQ(parseError("{\"weight_bits\": {\"value\": 8}}"),
            "cfg.json: missing key 'format' (expected "
            "'lrnn-loihi2-target/1')");
  EXPECT_EQ(parseError("{\"format\": \"lrnn-loihi2-target/2\"}"),
            "cfg.json: format: expected 'lrnn-loihi2-target/1', got "
            "'lrnn-loihi2-target/2'");
  EXPECT_EQ(parseError("{\"format\": 1}"),
            "cfg.json: format: expected the string 'lrnn-loihi2-target/1'");
}

TEST(Loihi2TargetDescriptionTest, UnknownKey) {
  EXPECT_EQ(parseError(overrideText(R"("weigth_bits": {"value": 8})")),
            "cfg.json: unknown key 'weigth_bits' (did you mean "
            "'weight_bits'?)");
  EXPECT_EQ(parseError(overrideText(R"("clock_hz": {"value": 8})")),
            "cfg.json: unknown key 'clock_hz'");
  EXPECT_EQ(parseError(overrideText(R"("weight_bits": {"value": 8,
                                                        "comment": "x"})")),
            "cfg.json: weight_bits: unknown key 'comment'");
  EXPECT_EQ(parseError(overrideText(
                R"("systems": {"value": [{"name": "a", "chips": 1,
                                          "mesh": [1, 1], "x": 0}]})")),
            "cfg.json: systems.value[0]: unknown key 'x'");
}

TEST(Loihi2TargetDescriptionTest, WrongType) {
  EXPECT_EQ(parseError(overrideText(R"("weight_bits": 8)")),
            "cfg.json: weight_bits: expected an object with 'value', 'unit' "
            "and 'source'");
  EXPECT_EQ(parseError(overrideText(R"("weight_bits": {"unit": "bits"})")),
            "cfg.json: weight_bits: missing key 'value'");
  EXPECT_EQ(parseError(overrideText(R"("weight_bits": {"value": "8"})")),
            "cfg.json: weight_bits.value: expected an integer");
  EXPECT_EQ(parseError(overrideText(R"("weight_bits": {"value": 7.5})")),
            "cfg.json: weight_bits.value: expected an integer");
  EXPECT_EQ(parseError(overrideText(R"("mesh": {"value": [8]})")),
            "cfg.json: mesh.value: expected two positive integers");
  EXPECT_EQ(parseError(overrideText(R"("mesh": {"value": [0, 16]})")),
            "cfg.json: mesh.value: expected two positive integers");
  EXPECT_EQ(parseError(overrideText(R"("weight_exponent": {"value": 3})")),
            "cfg.json: weight_exponent.value: expected two integers "
            "[min, max]");
  EXPECT_EQ(parseError(overrideText(R"("energy_per_spike": {"value": true})")),
            "cfg.json: energy_per_spike.value: expected a number");
  EXPECT_EQ(parseError(overrideText(
                R"("weight_bits": {"value": 8, "unit": "bytes"})")),
            "cfg.json: weight_bits.unit: expected 'bits', got 'bytes'");
  EXPECT_EQ(parseError(overrideText(
                R"("weight_bits": {"value": 8, "source": ""})")),
            "cfg.json: weight_bits.source: expected a non-empty string");
  EXPECT_EQ(parseError(overrideText(R"("systems": {"value": []})")),
            "cfg.json: systems.value: expected a non-empty array of systems");
  EXPECT_EQ(parseError(overrideText(R"("systems": {"value": [1]})")),
            "cfg.json: systems.value[0]: expected an object with 'name', "
            "'chips' and 'mesh'");
  EXPECT_EQ(parseError(overrideText(
                R"("systems": {"value": [{"name": "a", "chips": 1}]})")),
            "cfg.json: systems.value[0]: missing key 'mesh'");
  EXPECT_EQ(parseError(overrideText(
                R"("systems": {"value": [{"name": "Big Box", "chips": 1,
                                          "mesh": [1, 1]}]})")),
            "cfg.json: systems.value[0].name: expected a name of lowercase "
            "letters, digits and '-'");
  EXPECT_EQ(parseError(overrideText(
                R"("systems": {"value": [{"name": "a", "chips": 1,
                                          "mesh": [1, -1]}]})")),
            "cfg.json: systems.value[0].mesh: expected two positive "
            "integers");
}

TEST(Loihi2TargetDescriptionTest, OutOfRange) {
  EXPECT_EQ(parseError(overrideText(R"("weight_bits": {"value": 17})")),
            "cfg.json: weight_bits.value: 17 is out of range 1..16");
  EXPECT_EQ(parseError(overrideText(R"("weight_bits": {"value": 0})")),
            "cfg.json: weight_bits.value: 0 is out of range 1..16");
  EXPECT_EQ(
      parseError(overrideText(R"("message_payload_bits": {"value": 33})")),
      "cfg.json: message_payload_bits.value: 33 is out of range 1..32");
  EXPECT_EQ(parseError(overrideText(R"("cores_per_chip": {"value": -1})")),
            "cfg.json: cores_per_chip.value: -1 is out of range 1..4096");
  EXPECT_EQ(parseError(overrideText(R"("mesh": {"value": [8, 2000]})")),
            "cfg.json: mesh.value: 2000 is out of range 1..1024");
  EXPECT_EQ(parseError(overrideText(R"("weight_exponent": {"value": [3, -3]})")),
            "cfg.json: weight_exponent.value: min 3 exceeds max -3");
  EXPECT_EQ(parseError(overrideText(R"("energy_per_spike": {"value": -0.5})")),
            "cfg.json: energy_per_spike.value: -0.5 is out of range "
            "0.0..1000000.0");
  EXPECT_EQ(parseError(overrideText(
                R"("systems": {"value": [{"name": "a", "chips": 0,
                                          "mesh": [1, 1]}]})")),
            "cfg.json: systems.value[0].chips: 0 is out of range 1..1048576");
  EXPECT_EQ(parseError(overrideText(
                R"("systems": {"value": [{"name": "a", "chips": 5,
                                          "mesh": [2, 2]}]})")),
            "cfg.json: systems.value[0].mesh: 2 x 2 chip positions cannot "
            "hold 5 chips");
  EXPECT_EQ(parseError(overrideText(
                R"("systems": {"value": [{"name": "a", "chips": 1,
                                          "mesh": [1, 1]},
                                         {"name": "a", "chips": 2,
                                          "mesh": [1, 2]}]})")),
            "cfg.json: systems.value[1].name: duplicate system 'a'");
}

TEST(Loihi2TargetDescriptionTest, InconsistentFields) {
  EXPECT_EQ(parseError(overrideText(R"("cores_per_chip": {"value": 200})")),
            "cfg.json: mesh.value: 8 x 16 = 128 core positions cannot hold "
            "cores_per_chip = 200");
  EXPECT_EQ(parseError(overrideText(R"("synapse_index_bits": {"value": 12})")),
            "cfg.json: synapse_index_bits.value: 12 bits cannot address "
            "neurons_per_core = 8192");
  EXPECT_EQ(parseError(overrideText(R"("weight_bits": {"value": 9})")),
            "cfg.json: sparse_synapse_bytes.value: 3 bytes cannot hold "
            "weight_bits + synapse_index_bits = 25 bits");
  EXPECT_EQ(parseError(overrideText(R"("weight_bits": {"value": 9},
                                       "sparse_synapse_bytes": {"value": 4})")),
            "cfg.json: dense_synapse_bytes.value: 1 bytes cannot hold "
            "weight_bits = 9 bits");
  EXPECT_EQ(parseError(overrideText(R"("neuron_register_bits": {"value": 32})")),
            "cfg.json: neuron_state_bytes.value: 3 bytes cannot hold "
            "neuron_register_bits = 32 bits");
  EXPECT_EQ(parseError(overrideText(R"("neuron_alu_bits": {"value": 20})")),
            "cfg.json: neuron_alu_bits.value: 20 bits is narrower than "
            "neuron_register_bits = 24");
  // Consistent changes together are accepted.
  Expected<TargetDescription> desc = parseTargetDescription(
      overrideText(R"("weight_bits": {"value": 16},
                      "sparse_synapse_bytes": {"value": 4},
                      "dense_synapse_bytes": {"value": 2},
                      "cores_per_chip": {"value": 120})"),
      "cfg.json");
  ASSERT_TRUE(bool(desc)) << toString(desc.takeError());
  EXPECT_EQ(desc->weightBits, 16);
  EXPECT_EQ(desc->coresPerChip, 120);
}

TEST(Loihi2TargetDescriptionTest, ErrorsAreOneLine) {
  // A hostile key cannot break the one-line shape.
  std::string message =
      parseError(overrideText("\"bad\\nkey\\u0007\": {\"value\": 1}"));
  EXPECT_EQ(message, "cfg.json: unknown key 'bad\\x0akey\\x07'");
  EXPECT_EQ(message.find('\n'), std::string::npos);
}

} // namespace
