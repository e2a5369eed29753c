//===- EmitBatchEntries.cpp - NAME_step_batch over lowered steps ----------===//
//
// The batch entry is written in the LLVM dialect after the conversion,
// because its arguments are plain pointers to a run-time number of streams,
// which memrefs with the bare-pointer convention cannot express.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Conversion/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

namespace lrnn {
#define GEN_PASS_DEF_EMITBATCHENTRIES
#include "lrnn/Conversion/Passes.h.inc"
} // namespace lrnn

using namespace mlir;

namespace {
struct EmitBatchEntriesPass
    : public lrnn::impl::EmitBatchEntriesBase<EmitBatchEntriesPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    for (auto step : llvm::to_vector(module.getOps<LLVM::LLVMFuncOp>())) {
      auto info = step->getAttrOfType<DictionaryAttr>(lrnn::kStepEntryAttrName);
      if (!info)
        continue;
      StringRef stepName = step.getSymName();
      if (!stepName.consume_back("_step")) {
        step.emitError() << "lrnn-emit-batch-entries: a step entry must be "
                            "named NAME_step";
        return signalPassFailure();
      }
      auto sizeOf = [&](StringRef key) {
        auto attr = info.getAs<IntegerAttr>(key);
        return attr ? attr.getInt() : int64_t(-1);
      };
      int64_t stateBytes = sizeOf("state_bytes"), in = sizeOf("input_size"),
              out = sizeOf("output_size");
      if (stateBytes < 0 || in < 0 || out < 0) {
        step.emitError() << "lrnn-emit-batch-entries: malformed "
                         << lrnn::kStepEntryAttrName;
        return signalPassFailure();
      }
      emitBatch(step, (stepName + "_step_batch").str(), stateBytes, in, out);
    }
  }

  void emitBatch(LLVM::LLVMFuncOp step, StringRef name, int64_t stateBytes,
                 int64_t in, int64_t out) {
    Location loc = step.getLoc();
    MLIRContext *ctx = step.getContext();
    OpBuilder b(step);
    b.setInsertionPointAfter(step);
    auto ptr = LLVM::LLVMPointerType::get(ctx);
    auto i64 = IntegerType::get(ctx, 64);
    auto i8 = IntegerType::get(ctx, 8);
    auto f32 = Float32Type::get(ctx);
    auto fn = LLVM::LLVMFuncOp::create(
        b, loc, name,
        LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx),
                                    {ptr, ptr, ptr, i64}));
    Block *entry = fn.addEntryBlock(b);
    Block *header = new Block(), *body = new Block(), *exit = new Block();
    fn.getBody().push_back(header);
    fn.getBody().push_back(body);
    fn.getBody().push_back(exit);
    header->addArgument(i64, loc);

    b.setInsertionPointToEnd(entry);
    auto constant = [&](int64_t v) {
      return LLVM::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(v));
    };
    LLVM::BrOp::create(b, loc, ValueRange{constant(0)}, header);

    b.setInsertionPointToEnd(header);
    Value i = header->getArgument(0);
    Value more = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::slt, i,
                                      entry->getArgument(3));
    LLVM::CondBrOp::create(b, loc, more, body, exit);

    b.setInsertionPointToEnd(body);
    auto at = [&](Value base, Type element, int64_t stride) -> Value {
      Value offset = LLVM::MulOp::create(b, loc, i, constant(stride));
      return LLVM::GEPOp::create(b, loc, ptr, element, base,
                                 ArrayRef<LLVM::GEPArg>{offset});
    };
    Value state = at(entry->getArgument(0), i8, stateBytes);
    Value input = at(entry->getArgument(1), f32, in);
    Value output = at(entry->getArgument(2), f32, out);
    LLVM::CallOp::create(b, loc, step, ValueRange{state, input, output});
    Value next = LLVM::AddOp::create(b, loc, i, constant(1));
    LLVM::BrOp::create(b, loc, ValueRange{next}, header);

    b.setInsertionPointToEnd(exit);
    LLVM::ReturnOp::create(b, loc, ValueRange());
  }
};
} // namespace
