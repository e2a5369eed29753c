//===- SelectWeightFormat.cpp - Dense or sparse storage per weight --------===//

#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Dialect/LRNN/Transforms/Passes.h"

namespace lrnn {
#define GEN_PASS_DEF_SELECTWEIGHTFORMAT
#include "lrnn/Dialect/LRNN/Transforms/Passes.h.inc"
} // namespace lrnn

using namespace mlir;
using namespace lrnn;

namespace {
struct SelectWeightFormatPass
    : public lrnn::impl::SelectWeightFormatBase<SelectWeightFormatPass> {
  using Base::Base;

  void runOnOperation() override {
    ModelOp model = getOperation();
    unsigned counter = 0;
    // Weights are the attributes the ops declare as LRNN_WeightAttr.
    WalkResult result = model.walk([&](Operation *op) -> WalkResult {
      for (StringRef name : {"weight", "weight_re", "weight_im"}) {
        Attribute weight = op->getAttr(name);
        if (!weight || !getWeightShape(weight))
          continue;
        FailureOr<CsrMatrix> matrix = readWeight(weight);
        if (failed(matrix)) {
          op->emitOpError() << name << ": weight data is unavailable";
          return WalkResult::interrupt();
        }
        std::vector<float> dense(matrix->rows * matrix->cols, 0.0f);
        for (int64_t r = 0; r < matrix->rows; ++r)
          for (int64_t k = matrix->rowStart[r]; k < matrix->rowStart[r + 1]; ++k)
            dense[r * matrix->cols + matrix->colIndex[k]] =
                static_cast<float>(matrix->values[k]);
        std::string blobName =
            (model.getSymName() + "." + name + "." + Twine(counter++)).str();
        op->setAttr(name, buildWeight(op->getContext(), dense, matrix->rows,
                                      matrix->cols, maxSparseDensity, blobName));
      }
      return WalkResult::advance();
    });
    if (result.wasInterrupted())
      signalPassFailure();
  }
};
} // namespace
