//===- CostReport.cpp - Parameters, MACs and memory of each model ---------===//
//
// An analysis pass: it prints the cost model of lib/Analysis for every
// lrnn.model of the module and leaves the IR unchanged. The counting rules
// are in docs/cost-model.md.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Analysis/CostModel.h"
#include "lrnn/Dialect/LRNN/Transforms/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/ToolOutputFile.h"

namespace lrnn {
#define GEN_PASS_DEF_COSTREPORT
#include "lrnn/Dialect/LRNN/Transforms/Passes.h.inc"
} // namespace lrnn

using namespace mlir;
using namespace lrnn;

namespace {
struct CostReportPass : public lrnn::impl::CostReportBase<CostReportPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    // Nothing is changed, so every analysis stays valid.
    markAllAnalysesPreserved();

    if (format != "text" && format != "json") {
      return fail("lrnn-cost-report: unknown format '" + format +
                  "' (expected text or json)");
    }

    SmallVector<ModelOp> models = llvm::to_vector(module.getOps<ModelOp>());
    std::optional<ActivationStats> stats;
    ModelOp statsModel;
    if (!activationStats.empty()) {
      auto read = readActivationStats(activationStats);
      if (!read)
        return fail("activation-stats: " + llvm::toString(read.takeError()));
      stats = std::move(*read);
      // Statistics describe the model of their name; with a single model
      // the names must still agree, so that statistics of another model are
      // not taken for this one.
      for (ModelOp model : models)
        if (model.getSymName() == stats->modelName)
          statsModel = model;
      if (!statsModel)
        return fail("activation-stats: " + activationStats +
                    ": statistics are for model @" + stats->modelName +
                    ", which is not in the module");
      if (auto err = checkActivationStats(*stats, statsModel, activationStats))
        return fail("activation-stats: " + llvm::toString(std::move(err)));
    }

    std::vector<ModelCost> costs;
    for (ModelOp model : models) {
      FailureOr<ModelCost> cost = computeModelCost(
          model, model == statsModel ? &*stats : nullptr);
      if (failed(cost))
        return signalPassFailure();
      costs.push_back(std::move(*cost));
    }

    // Render completely before writing: no partial report on failure.
    std::string report;
    llvm::raw_string_ostream os(report);
    if (format == "json")
      printCostReportJson(costs, activationStats, os);
    else
      printCostReportText(costs, os);

    if (output == "-") {
      llvm::outs() << report;
      llvm::outs().flush();
      return;
    }
    std::error_code ec;
    llvm::ToolOutputFile file(output, ec, llvm::sys::fs::OF_Text);
    if (ec)
      return fail("lrnn-cost-report: " + output +
                  ": cannot open for writing: " + ec.message());
    file.os() << report;
    file.os().flush();
    if (file.os().has_error()) {
      std::error_code error = file.os().error();
      file.os().clear_error(); // Otherwise the stream aborts when destroyed.
      return fail("lrnn-cost-report: " + output +
                  ": write failed: " + error.message());
    }
    file.keep();
  }

  /// Reports an error about the options or files, not about an op: on the
  /// module's location, without printing the module.
  void fail(const Twine &message) {
    emitError(getOperation().getLoc()) << message;
    signalPassFailure();
  }
};
} // namespace
