//===- Calibration.cpp - Value ranges over a calibration sequence ---------===//

#include "lrnn/Analysis/Calibration.h"
#include "lrnn/Analysis/CostModel.h"

#include "llvm/Support/JSON.h"

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

void CalibrationCollector::write(llvm::raw_ostream &os) const {
  llvm::json::OStream json(os, /*IndentSize=*/1);
  json.object([&] {
    json.attribute("format", "lrnn-calibration/1");
    json.attribute("model", model.getSymName());
    json.attribute("steps", steps);
    json.attributeBegin("input");
    writeRange(json, input);
    json.attributeEnd();
    json.attributeArray("ops", [&] {
      for (auto [index, op, ranges] :
           llvm::enumerate(model.getBodyBlock(), results)) {
        if (op.getNumResults() == 0)
          continue; // lrnn.output computes nothing.
        json.object([&] {
          json.attribute("index", static_cast<int64_t>(index));
          json.attribute("op", op.getName().getStringRef());
          json.attribute("location", getLocationName(op.getLoc()));
          json.attributeArray("results", [&] {
            for (const ElementRange &range : ranges)
              writeRange(json, range);
          });
        });
      }
    });
  });
  os << "\n";
}
