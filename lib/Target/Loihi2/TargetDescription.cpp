//===- TargetDescription.cpp - Resources and costs of a Loihi 2 system ----===//
//
// One table (kFields) describes every field: its JSON key, unit, kind, sane
// range and the member it fills. The parser, the validator, the writer and
// the list of field names all walk that table, so adding a field means adding
// a member, a table row and an entry in loihi2-target.json.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Target/Loihi2/TargetDescription.h"
#include "lrnn/Support/ErrorMessages.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>

using namespace llvm;

namespace lrnn {
namespace loihi2 {

// The built-in description, generated at build time from
// loihi2-target.json as `static const char kDefaultTargetJson[]`.
#include "Loihi2TargetDefault.inc"

namespace {

enum class FieldKind { Int, IntPair, Double, Systems };

/// One field of the file format.
struct FieldSpec {
  StringLiteral key;
  StringLiteral unit;
  FieldKind kind;
  /// Int and IntPair: the member(s); an IntPair fills `intMember` from
  /// value[0] and `intMember2` from value[1].
  int64_t TargetDescription::*intMember;
  int64_t TargetDescription::*intMember2;
  double TargetDescription::*doubleMember;
  /// Inclusive range of each integer (or number).
  double min, max;
  /// IntPair: what the value must be, for the error message.
  StringLiteral pairShape;
};

using TD = TargetDescription;

constexpr FieldSpec intField(StringLiteral key, StringLiteral unit,
                             int64_t TD::*member, double min, double max) {
  return {key, unit, FieldKind::Int, member, nullptr, nullptr, min, max, ""};
}
constexpr FieldSpec pairField(StringLiteral key, StringLiteral unit,
                              int64_t TD::*first, int64_t TD::*second,
                              double min, double max, StringLiteral shape) {
  return {key, unit, FieldKind::IntPair, first, second, nullptr,
          min, max,  shape};
}
constexpr FieldSpec doubleField(StringLiteral key, StringLiteral unit,
                                double TD::*member, double max) {
  return {key,    unit, FieldKind::Double, nullptr, nullptr,
          member, 0.0,  max,               ""};
}

constexpr int64_t kMaxChips = 1 << 20;

const FieldSpec kFields[] = {
    intField("cores_per_chip", "cores", &TD::coresPerChip, 1, 4096),
    pairField("mesh", "cores (x, y)", &TD::meshX, &TD::meshY, 1, 1024,
              "two positive integers"),
    intField("neurons_per_core", "neurons", &TD::neuronsPerCore, 1, 1 << 20),
    intField("x86_cores_per_chip", "cores", &TD::x86CoresPerChip, 0, 64),

    intField("memory_bytes_per_core", "bytes", &TD::memoryBytesPerCore, 1,
             int64_t(1) << 30),
    intField("dense_synapse_bytes", "bytes per synapse",
             &TD::denseSynapseBytes, 1, 8),
    intField("sparse_synapse_bytes", "bytes per synapse",
             &TD::sparseSynapseBytes, 1, 16),
    intField("synapse_index_bits", "bits", &TD::synapseIndexBits, 1, 32),
    intField("input_axon_bytes", "bytes per input axon", &TD::inputAxonBytes,
             0, 64),
    intField("neuron_state_bytes", "bytes per state variable",
             &TD::neuronStateBytes, 1, 8),
    intField("microcode_instruction_bytes", "bytes per instruction",
             &TD::microcodeInstructionBytes, 1, 64),

    intField("weight_bits", "bits", &TD::weightBits, 1, 16),
    pairField("weight_exponent", "power-of-two exponent (min, max)",
              &TD::weightExponentMin, &TD::weightExponentMax, -32, 32,
              "two integers [min, max]"),
    intField("message_payload_bits", "bits", &TD::messagePayloadBits, 1, 32),
    intField("neuron_register_bits", "bits", &TD::neuronRegisterBits, 2, 32),
    intField("neuron_alu_bits", "bits", &TD::neuronAluBits, 2, 64),

    intField("max_fan_in_per_neuron", "synapses", &TD::maxFanInPerNeuron, 1,
             1 << 24),
    intField("input_axons_per_core", "axons", &TD::inputAxonsPerCore, 1,
             1 << 24),
    intField("output_axons_per_core", "axons", &TD::outputAxonsPerCore, 1,
             1 << 24),
    intField("connection_delay_steps", "steps", &TD::connectionDelaySteps, 0,
             62),

    {"systems", "chips (name, chips, chip mesh x, y)", FieldKind::Systems,
     nullptr, nullptr, nullptr, 1, double(kMaxChips), ""},

    doubleField("energy_per_synaptic_op", "pJ", &TD::energyPerSynapticOpPJ,
                1e6),
    doubleField("energy_per_neuron_instruction", "pJ",
                &TD::energyPerNeuronInstructionPJ, 1e6),
    doubleField("energy_per_spike", "pJ", &TD::energyPerSpikePJ, 1e6),
    doubleField("energy_per_mesh_hop", "pJ", &TD::energyPerMeshHopPJ, 1e6),
    doubleField("energy_per_chip_crossing", "pJ",
                &TD::energyPerChipCrossingPJ, 1e6),
    doubleField("static_power_per_chip", "W", &TD::staticPowerPerChipW, 1e4),

    doubleField("latency_per_synaptic_op", "ns", &TD::latencyPerSynapticOpNs,
                1e9),
    doubleField("latency_per_neuron_instruction", "ns",
                &TD::latencyPerNeuronInstructionNs, 1e9),
    doubleField("latency_per_spike", "ns", &TD::latencyPerSpikeNs, 1e9),
    doubleField("latency_per_mesh_hop", "ns", &TD::latencyPerMeshHopNs, 1e9),
    doubleField("latency_per_chip_crossing", "ns",
                &TD::latencyPerChipCrossingNs, 1e9),
    doubleField("barrier_time_per_step", "ns", &TD::barrierTimePerStepNs,
                1e9),
};

constexpr StringLiteral kFormatKey = "format";
// Deepest nesting a valid file needs: file / field / systems array / system
// / mesh array.
constexpr unsigned kMaxJsonDepth = 8;
constexpr size_t kMaxQuotedLength = 64;

std::string quote(StringRef text) {
  return quoteForMessage(text, kMaxQuotedLength);
}

const FieldSpec *findField(StringRef key) {
  for (const FieldSpec &field : kFields)
    if (field.key == key)
      return &field;
  return nullptr;
}

/// The shortest decimal form of `value` that reads back as the same double.
std::string formatDouble(double value) {
  char buffer[64];
  int precision = 1;
  for (; precision < 17; ++precision) {
    std::snprintf(buffer, sizeof(buffer), "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value)
      break;
  }
  // Print moderate magnitudes in full ("100", not "1e+02").
  double magnitude = std::fabs(value);
  if (magnitude >= 1 && magnitude < 1e16)
    precision = std::max(precision, int(std::floor(std::log10(magnitude))) + 1);
  std::snprintf(buffer, sizeof(buffer), "%.*g", precision, value);
  std::string text = buffer;
  // Keep doubles recognisable as such in the file ("100.0", not "100").
  if (StringRef(text).find_first_of(".eEn") == StringRef::npos)
    text += ".0";
  return text;
}

std::string formatRange(const FieldSpec &field) {
  if (field.kind == FieldKind::Double)
    return formatDouble(field.min) + ".." + formatDouble(field.max);
  return std::to_string(int64_t(field.min)) + ".." +
         std::to_string(int64_t(field.max));
}

/// Rejects nesting deeper than kMaxJsonDepth (llvm::json::parse recurses per
/// level) and repeated object keys (which llvm::json silently collapses).
/// Tolerates malformed text: the parser reports that afterwards.
std::optional<std::string> scanJsonStructure(StringRef text) {
  struct Frame {
    bool isObject;
    bool expectKey;
    std::string path; // "" for the top level, else the owning key path.
    std::string lastKey;
    StringSet<> keys;
  };
  SmallVector<Frame, 8> stack;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      size_t start = i++;
      while (i < text.size() && text[i] != '"')
        i += text[i] == '\\' ? 2 : 1;
      if (stack.empty() || !stack.back().isObject || !stack.back().expectKey)
        continue;
      Frame &frame = stack.back();
      frame.expectKey = false;
      Expected<json::Value> key =
          json::parse(text.slice(start, std::min(i + 1, text.size())));
      if (!key) {
        consumeError(key.takeError());
        continue;
      }
      frame.lastKey = key->getAsString().value_or("").str();
      if (!frame.keys.insert(frame.lastKey).second)
        return (frame.path.empty() ? "" : frame.path + ": ") +
               "duplicate key " + quote(frame.lastKey);
    } else if (c == '{' || c == '[') {
      if (stack.size() >= kMaxJsonDepth)
        return "JSON nests deeper than " + std::to_string(kMaxJsonDepth) +
               " levels";
      std::string path;
      if (!stack.empty()) {
        path = stack.back().path;
        if (stack.back().isObject)
          path += (path.empty() ? "" : ".") + stack.back().lastKey;
        else
          path += "[]";
      }
      bool isObject = c == '{';
      stack.push_back(Frame{isObject, isObject, std::move(path), "", {}});
    } else if (c == '}' || c == ']') {
      if (!stack.empty())
        stack.pop_back();
    } else if (c == ',') {
      if (!stack.empty() && stack.back().isObject)
        stack.back().expectKey = true;
    }
  }
  return std::nullopt;
}

/// Parses one file over a base description.
class Parser {
public:
  Parser(StringRef name, bool complete) : name(name), complete(complete) {}

  Expected<TargetDescription> parse(StringRef text,
                                    const TargetDescription &base);

private:
  Error fail(const Twine &reason) { return makeFileError(name, reason); }

  Error parseField(const FieldSpec &field, const json::Value &entry,
                   TargetDescription &desc);
  Error parseValue(const FieldSpec &field, const json::Value &value,
                   TargetDescription &desc);
  Error parseSystems(const FieldSpec &field, const json::Value &value,
                     TargetDescription &desc);
  Expected<int64_t> parseInteger(const Twine &where, const json::Value &value,
                                 double min, double max);

  StringRef name;
  /// Every field, with its unit and source, must be given (the built-in
  /// description).
  bool complete;
};

} // namespace

Expected<int64_t> Parser::parseInteger(const Twine &where,
                                       const json::Value &value, double min,
                                       double max) {
  std::optional<int64_t> integer = value.getAsInteger();
  if (!integer)
    return fail(where + ": expected an integer");
  if (double(*integer) < min || double(*integer) > max)
    return fail(where + ": " + Twine(*integer) + " is out of range " +
                Twine(int64_t(min)) + ".." + Twine(int64_t(max)));
  return *integer;
}

Error Parser::parseSystems(const FieldSpec &field, const json::Value &value,
                           TargetDescription &desc) {
  std::string where = (field.key + ".value").str();
  const json::Array *array = value.getAsArray();
  if (!array || array->empty())
    return fail(where + ": expected a non-empty array of systems");
  std::vector<SystemDescription> systems;
  StringSet<> names;
  for (auto [index, element] : enumerate(*array)) {
    std::string at = where + "[" + std::to_string(index) + "]";
    const json::Object *object = element.getAsObject();
    if (!object)
      return fail(at + ": expected an object with 'name', 'chips' and "
                       "'mesh'");
    for (const auto &member : *object) {
      StringRef key = member.first;
      if (key != "name" && key != "chips" && key != "mesh")
        return fail(at + ": unknown key " + quote(key));
    }
    for (StringRef key : {"name", "chips", "mesh"})
      if (!object->get(key))
        return fail(at + ": missing key " + quote(key));

    SystemDescription system;
    std::optional<StringRef> systemName = object->getString("name");
    if (!systemName || systemName->empty() || systemName->size() > 64 ||
        !all_of(*systemName, [](char c) {
          return isLower(c) || isDigit(c) || c == '-';
        }))
      return fail(at + ".name: expected a name of lowercase letters, "
                       "digits and '-'");
    system.name = systemName->str();
    if (!names.insert(system.name).second)
      return fail(at + ".name: duplicate system " + quote(system.name));

    Expected<int64_t> chips = parseInteger(at + ".chips", *object->get("chips"),
                                           field.min, field.max);
    if (!chips)
      return chips.takeError();
    system.chips = *chips;

    const json::Array *mesh = object->getArray("mesh");
    std::optional<int64_t> x, y;
    if (mesh && mesh->size() == 2) {
      x = (*mesh)[0].getAsInteger();
      y = (*mesh)[1].getAsInteger();
    }
    if (!x || !y || *x < 1 || *y < 1 || *x > kMaxChips || *y > kMaxChips)
      return fail(at + ".mesh: expected two positive integers");
    system.meshX = *x;
    system.meshY = *y;
    if (system.meshX * system.meshY < system.chips)
      return fail(at + ".mesh: " + Twine(system.meshX) + " x " +
                  Twine(system.meshY) + " chip positions cannot hold " +
                  Twine(system.chips) + " chips");
    systems.push_back(std::move(system));
  }
  desc.systems = std::move(systems);
  return Error::success();
}

Error Parser::parseValue(const FieldSpec &field, const json::Value &value,
                         TargetDescription &desc) {
  std::string where = (field.key + ".value").str();
  switch (field.kind) {
  case FieldKind::Int: {
    Expected<int64_t> integer =
        parseInteger(where, value, field.min, field.max);
    if (!integer)
      return integer.takeError();
    desc.*field.intMember = *integer;
    return Error::success();
  }
  case FieldKind::IntPair: {
    const json::Array *array = value.getAsArray();
    std::optional<int64_t> first, second;
    if (array && array->size() == 2) {
      first = (*array)[0].getAsInteger();
      second = (*array)[1].getAsInteger();
    }
    // A mesh of zero or negative size is a wrong shape, not a range issue.
    bool positive = field.min >= 1;
    if (!first || !second || (positive && (*first < 1 || *second < 1)))
      return fail(where + ": expected " + field.pairShape);
    for (int64_t v : {*first, *second})
      if (double(v) < field.min || double(v) > field.max)
        return fail(where + ": " + Twine(v) + " is out of range " +
                    formatRange(field));
    bool ordered = field.intMember == &TD::weightExponentMin;
    if (ordered && *first > *second)
      return fail(where + ": min " + Twine(*first) + " exceeds max " +
                  Twine(*second));
    desc.*field.intMember = *first;
    desc.*field.intMember2 = *second;
    return Error::success();
  }
  case FieldKind::Double: {
    std::optional<double> number = value.getAsNumber();
    if (!number || !std::isfinite(*number))
      return fail(where + ": expected a number");
    if (*number < field.min || *number > field.max)
      return fail(where + ": " + formatDouble(*number) + " is out of range " +
                  formatRange(field));
    desc.*field.doubleMember = *number;
    return Error::success();
  }
  case FieldKind::Systems:
    return parseSystems(field, value, desc);
  }
  llvm_unreachable("unknown field kind");
}

Error Parser::parseField(const FieldSpec &field, const json::Value &entry,
                         TargetDescription &desc) {
  const json::Object *object = entry.getAsObject();
  if (!object)
    return fail(field.key + ": expected an object with 'value', 'unit' and "
                            "'source'");
  for (const auto &member : *object) {
    StringRef key = member.first;
    if (key != "value" && key != "unit" && key != "source")
      return fail(field.key + ": unknown key " + quote(key));
  }

  const json::Value *value = object->get("value");
  if (!value)
    return fail(field.key + ": missing key 'value'");

  if (const json::Value *unit = object->get("unit")) {
    std::optional<StringRef> text = unit->getAsString();
    if (!text)
      return fail(field.key + ".unit: expected a string");
    if (*text != field.unit)
      return fail(field.key + ".unit: expected " + quote(field.unit) +
                  ", got " + quote(*text));
  } else if (complete) {
    return fail(field.key + ": missing key 'unit'");
  }

  std::string source;
  if (const json::Value *given = object->get("source")) {
    std::optional<StringRef> text = given->getAsString();
    if (!text || text->trim().empty())
      return fail(field.key + ".source: expected a non-empty string");
    source = text->str();
  } else if (complete) {
    return fail(field.key + ": missing key 'source'");
  } else {
    source = ("override: " + name).str();
  }

  if (Error error = parseValue(field, *value, desc))
    return error;
  desc.sources[field.key.str()] = std::move(source);
  return Error::success();
}

Expected<TargetDescription> Parser::parse(StringRef text,
                                          const TargetDescription &base) {
  if (std::optional<std::string> problem = scanJsonStructure(text))
    return fail(*problem);
  Expected<json::Value> root = json::parse(text);
  if (!root)
    return fail("invalid JSON: " + toString(root.takeError()));
  const json::Object *object = root->getAsObject();
  if (!object)
    return fail("expected a JSON object");

  const json::Value *format = object->get(kFormatKey);
  if (!format)
    return fail("missing key 'format' (expected " + quote(kTargetFormat) +
                ")");
  std::optional<StringRef> formatText = format->getAsString();
  if (!formatText)
    return fail("format: expected the string " + quote(kTargetFormat));
  if (*formatText != kTargetFormat)
    return fail("format: expected " + quote(kTargetFormat) + ", got " +
                quote(*formatText));

  for (const auto &member : *object) {
    StringRef key = member.first;
    if (key == kFormatKey || findField(key))
      continue;
    std::string message = "unknown key " + quote(key);
    // Suggest the nearest field name for a likely typo.
    StringRef best;
    unsigned bestDistance = 4;
    for (const FieldSpec &field : kFields) {
      unsigned distance = key.edit_distance(field.key, true, bestDistance);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = field.key;
      }
    }
    if (!best.empty())
      message += " (did you mean " + quote(best) + "?)";
    return fail(message);
  }

  TargetDescription desc = base;
  // Walk the fields in table order so that errors do not depend on the
  // order of keys in the file.
  for (const FieldSpec &field : kFields) {
    const json::Value *entry = object->get(field.key);
    if (!entry) {
      if (complete)
        return fail("missing key " + quote(field.key));
      continue;
    }
    if (Error error = parseField(field, *entry, desc))
      return std::move(error);
  }

  // Constraints between fields, checked on the merged result.
  if (desc.meshX * desc.meshY < desc.coresPerChip)
    return fail("mesh.value: " + Twine(desc.meshX) + " x " +
                Twine(desc.meshY) + " = " + Twine(desc.meshX * desc.meshY) +
                " core positions cannot hold cores_per_chip = " +
                Twine(desc.coresPerChip));
  if (desc.synapseIndexBits < 63 &&
      (int64_t(1) << desc.synapseIndexBits) < desc.neuronsPerCore)
    return fail("synapse_index_bits.value: " + Twine(desc.synapseIndexBits) +
                " bits cannot address neurons_per_core = " +
                Twine(desc.neuronsPerCore));
  if (desc.sparseSynapseBytes * 8 < desc.weightBits + desc.synapseIndexBits)
    return fail("sparse_synapse_bytes.value: " +
                Twine(desc.sparseSynapseBytes) +
                " bytes cannot hold weight_bits + synapse_index_bits = " +
                Twine(desc.weightBits + desc.synapseIndexBits) + " bits");
  if (desc.denseSynapseBytes * 8 < desc.weightBits)
    return fail("dense_synapse_bytes.value: " + Twine(desc.denseSynapseBytes) +
                " bytes cannot hold weight_bits = " + Twine(desc.weightBits) +
                " bits");
  if (desc.neuronStateBytes * 8 < desc.neuronRegisterBits)
    return fail("neuron_state_bytes.value: " + Twine(desc.neuronStateBytes) +
                " bytes cannot hold neuron_register_bits = " +
                Twine(desc.neuronRegisterBits) + " bits");
  if (desc.neuronAluBits < desc.neuronRegisterBits)
    return fail("neuron_alu_bits.value: " + Twine(desc.neuronAluBits) +
                " bits is narrower than neuron_register_bits = " +
                Twine(desc.neuronRegisterBits));
  return desc;
}

//===----------------------------------------------------------------------===//
// Public API
//===----------------------------------------------------------------------===//

bool SystemDescription::operator==(const SystemDescription &other) const {
  return name == other.name && chips == other.chips && meshX == other.meshX &&
         meshY == other.meshY;
}

bool TargetDescription::operator==(const TargetDescription &other) const {
  for (const FieldSpec &field : kFields) {
    switch (field.kind) {
    case FieldKind::IntPair:
      if (this->*field.intMember2 != other.*field.intMember2)
        return false;
      [[fallthrough]];
    case FieldKind::Int:
      if (this->*field.intMember != other.*field.intMember)
        return false;
      break;
    case FieldKind::Double:
      if (this->*field.doubleMember != other.*field.doubleMember)
        return false;
      break;
    case FieldKind::Systems:
      if (systems != other.systems)
        return false;
      break;
    }
  }
  return sources == other.sources;
}

Expected<SystemDescription>
TargetDescription::getSystem(StringRef name) const {
  for (const SystemDescription &system : systems)
    if (system.name == name)
      return system;
  std::string known;
  for (const SystemDescription &system : systems)
    known += (known.empty() ? "" : ", ") + system.name;
  return createStringError(inconvertibleErrorCode(),
                           "unknown system " + quote(name) +
                               "; known systems: " + known);
}

int64_t TargetDescription::coresInSystem(const SystemDescription &system) const {
  return system.chips * coresPerChip;
}

/// a * b + c, saturating at INT64_MAX (all operands non-negative).
static int64_t mulAdd(int64_t a, int64_t b, int64_t c) {
  int64_t product, sum;
  if (__builtin_mul_overflow(a, b, &product) ||
      __builtin_add_overflow(product, c, &sum))
    return std::numeric_limits<int64_t>::max();
  return sum;
}

int64_t TargetDescription::neuronGroupBytes(int64_t neurons,
                                            int64_t stateVariables) const {
  return mulAdd(mulAdd(neurons, stateVariables, 0), neuronStateBytes, 0);
}

int64_t TargetDescription::microcodeBytes(int64_t instructions) const {
  return mulAdd(instructions, microcodeInstructionBytes, 0);
}

int64_t TargetDescription::denseSynapseBlockBytes(int64_t inputs,
                                                  int64_t outputs) const {
  return mulAdd(mulAdd(inputs, outputs, 0), denseSynapseBytes,
                mulAdd(inputs, inputAxonBytes, 0));
}

int64_t TargetDescription::sparseSynapseBlockBytes(int64_t inputs,
                                                   int64_t nonZeros) const {
  return mulAdd(nonZeros, sparseSynapseBytes,
                mulAdd(inputs, inputAxonBytes, 0));
}

ArrayRef<StringRef> getFieldNames() {
  static const std::vector<StringRef> names = [] {
    std::vector<StringRef> result;
    for (const FieldSpec &field : kFields)
      result.push_back(field.key);
    return result;
  }();
  return names;
}

StringRef getFieldUnit(StringRef key) {
  const FieldSpec *field = findField(key);
  return field ? StringRef(field->unit) : StringRef();
}

StringRef getDefaultTargetDescriptionText() { return kDefaultTargetJson; }

const TargetDescription &getDefaultTargetDescription() {
  static const TargetDescription defaults = [] {
    Parser parser("<built-in loihi2-target.json>", /*complete=*/true);
    Expected<TargetDescription> desc =
        parser.parse(kDefaultTargetJson, TargetDescription());
    if (!desc)
      report_fatal_error(Twine(toString(desc.takeError())));
    return std::move(*desc);
  }();
  return defaults;
}

Expected<TargetDescription>
parseTargetDescription(StringRef json, StringRef name,
                       const TargetDescription &base) {
  return Parser(name, /*complete=*/false).parse(json, base);
}

Expected<TargetDescription> loadTargetDescription(StringRef path) {
  Expected<std::unique_ptr<MemoryBuffer>> buffer = readWholeFile(path);
  if (!buffer)
    return buffer.takeError();
  return parseTargetDescription((*buffer)->getBuffer(), path);
}

void writeTargetDescription(const TargetDescription &desc, raw_ostream &os) {
  auto str = [](StringRef text) { return json::Value(json::fixUTF8(text)); };
  os << "{\n  \"format\": " << str(kTargetFormat);
  for (const FieldSpec &field : kFields) {
    os << ",\n  " << str(field.key) << ": {\"value\": ";
    switch (field.kind) {
    case FieldKind::Int:
      os << desc.*field.intMember;
      break;
    case FieldKind::IntPair:
      os << "[" << desc.*field.intMember << ", " << desc.*field.intMember2
         << "]";
      break;
    case FieldKind::Double:
      os << formatDouble(desc.*field.doubleMember);
      break;
    case FieldKind::Systems:
      os << "[";
      for (auto [index, system] : enumerate(desc.systems))
        os << (index ? "," : "") << "\n    {\"name\": " << str(system.name)
           << ", \"chips\": " << system.chips << ", \"mesh\": ["
           << system.meshX << ", " << system.meshY << "]}";
      os << "\n  ]";
      break;
    }
    auto source = desc.sources.find(field.key.str());
    os << ", \"unit\": " << str(field.unit) << ", \"source\": "
       << str(source == desc.sources.end() || source->second.empty()
                  ? StringRef("unknown")
                  : StringRef(source->second))
       << "}";
  }
  os << "\n}\n";
}

} // namespace loihi2
} // namespace lrnn
