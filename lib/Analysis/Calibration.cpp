//===- Calibration.cpp - Value ranges over a calibration sequence ---------===//

#include "lrnn/Analysis/Calibration.h"
#include "lrnn/Analysis/CostModel.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cmath>

using namespace mlir;
using namespace lrnn;

CalibrationCollector::CalibrationCollector(ModelOp model) : model(model) {
  for (Operation &op : model.getBodyBlock())
    results.emplace_back(op.getNumResults());
}

void CalibrationCollector::addStep(
    llvm::function_ref<ArrayRef<double>(Value)> valueOf) {
  ++steps;
  for (double v : valueOf(model.getInput()))
    input.add(v);
  for (auto [op, ranges] : llvm::zip(model.getBodyBlock(), results))
    for (auto [result, range] : llvm::zip(op.getResults(), ranges))
      for (double v : valueOf(result))
        range.add(v);
}

static void writeRange(llvm::json::OStream &json, const ElementRange &range) {
  json.object([&] {
    json.attribute("min", range.min);
    json.attribute("max", range.max);
    json.attribute("absmax", range.absMax());
  });
}

CalibrationRanges CalibrationCollector::getRanges() const {
  CalibrationRanges ranges;
  ranges.model = model.getSymName().str();
  ranges.steps = steps;
  ranges.input = input;
  for (auto [index, op, opResults] :
       llvm::enumerate(model.getBodyBlock(), results)) {
    if (op.getNumResults() == 0)
      continue; // lrnn.output computes nothing.
    ranges.ops.push_back({static_cast<int64_t>(index),
                          op.getName().getStringRef().str(),
                          getLocationName(op.getLoc()), opResults});
  }
  return ranges;
}

void lrnn::writeCalibration(const CalibrationRanges &ranges,
                            llvm::raw_ostream &os) {
  llvm::json::OStream json(os, /*IndentSize=*/1);
  json.object([&] {
    json.attribute("format", "lrnn-calibration/1");
    json.attribute("model", ranges.model);
    json.attribute("steps", ranges.steps);
    json.attributeBegin("input");
    writeRange(json, ranges.input);
    json.attributeEnd();
    json.attributeArray("ops", [&] {
      for (const OpRanges &op : ranges.ops)
        json.object([&] {
          json.attribute("index", op.index);
          json.attribute("op", op.opName);
          json.attribute("location", op.location);
          json.attributeArray("results", [&] {
            for (const ElementRange &range : op.results)
              writeRange(json, range);
          });
        });
    });
  });
  os << "\n";
}

namespace {
/// Reads one document, remembering the first error with its JSON path.
class CalibrationReader {
public:
  explicit CalibrationReader(StringRef path) : path(path) {}

  llvm::Expected<CalibrationRanges> read(const llvm::json::Value &root) {
    CalibrationRanges ranges;
    const llvm::json::Object *object = root.getAsObject();
    if (!object)
      return error("", "expected a JSON object");
    std::optional<StringRef> format = object->getString("format");
    if (!format || *format != "lrnn-calibration/1")
      return error("format", "expected \"lrnn-calibration/1\"");
    if (std::optional<StringRef> name = object->getString("model"))
      ranges.model = name->str();
    std::optional<int64_t> steps = object->getInteger("steps");
    if (!steps || *steps < 1)
      return error("steps", "expected a positive integer");
    ranges.steps = *steps;
    if (failed(readRange(object->get("input"), "input", ranges.input)))
      return takeError();
    const llvm::json::Array *ops = object->getArray("ops");
    if (!ops)
      return error("ops", "expected an array");
    for (auto [i, entry] : llvm::enumerate(*ops)) {
      std::string where = "ops[" + std::to_string(i) + "]";
      const llvm::json::Object *op = entry.getAsObject();
      if (!op)
        return error(where, "expected an object");
      OpRanges opRanges;
      std::optional<int64_t> index = op->getInteger("index");
      std::optional<StringRef> name = op->getString("op");
      const llvm::json::Array *results = op->getArray("results");
      if (!index || *index < 0)
        return error(where + ".index", "expected a non-negative integer");
      if (!name)
        return error(where + ".op", "expected a string");
      if (!results)
        return error(where + ".results", "expected an array");
      opRanges.index = *index;
      opRanges.opName = name->str();
      if (std::optional<StringRef> loc = op->getString("location"))
        opRanges.location = loc->str();
      for (auto [r, result] : llvm::enumerate(*results))
        if (failed(readRange(&result,
                             where + ".results[" + std::to_string(r) + "]",
                             opRanges.results.emplace_back())))
          return takeError();
      ranges.ops.push_back(std::move(opRanges));
    }
    return ranges;
  }

private:
  LogicalResult readRange(const llvm::json::Value *value,
                          const std::string &where, ElementRange &range) {
    const llvm::json::Object *object = value ? value->getAsObject() : nullptr;
    if (!object) {
      (void)error(where, "expected an object with min, max and absmax");
      return failure();
    }
    std::optional<double> min = object->getNumber("min");
    std::optional<double> max = object->getNumber("max");
    std::optional<double> absmax = object->getNumber("absmax");
    for (auto [key, v] : {std::pair{"min", min}, {"max", max}, {"absmax", absmax}})
      if (!v || !std::isfinite(*v)) {
        (void)error(where + "." + key, "expected a finite number");
        return failure();
      }
    if (*min > *max || *absmax != std::max(std::abs(*min), std::abs(*max))) {
      (void)error(where, "inconsistent range (need min <= max and absmax = "
                         "max(|min|, |max|))");
      return failure();
    }
    range.min = *min;
    range.max = *max;
    return success();
  }

  llvm::Error error(const std::string &key, const Twine &message) {
    pending = (path + ": " + (key.empty() ? "" : key + ": ") + message).str();
    return takeError();
  }
  /// The error recorded by readRange.
  llvm::Error takeError() { return llvm::createStringError(pending); }

  StringRef path;
  std::string pending;
};
} // namespace

llvm::Expected<CalibrationRanges> lrnn::readCalibrationFile(StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return llvm::createStringError(path + ": cannot read: " +
                                   buffer.getError().message());
  llvm::Expected<llvm::json::Value> root =
      llvm::json::parse((*buffer)->getBuffer());
  if (!root)
    return llvm::createStringError(path + ": not valid JSON: " +
                                   llvm::toString(root.takeError()));
  return CalibrationReader(path).read(*root);
}
