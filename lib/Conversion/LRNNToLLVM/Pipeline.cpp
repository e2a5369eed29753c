//===- Pipeline.cpp - --lrnn-lower-to-llvm --------------------------------===//

#include "lrnn/Conversion/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void lrnn::buildLowerToLLVMPipeline(OpPassManager &pm) {
  buildLowerToLLVMPipeline(pm, ConvertLRNNToStandardOptions());
}

void lrnn::buildLowerToLLVMPipeline(
    OpPassManager &pm, const ConvertLRNNToStandardOptions &options) {
  pm.addPass(createConvertLRNNToStandard(options));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  // exp and round become LLVM intrinsics; tanh and erf calls to libm.
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createSCFToControlFlowPass());
  ConvertVectorToLLVMPassOptions vectorOptions;
  // One reduction per dense row: its order is free (float sums are only
  // required to match the interpreter to 1e-5).
  vectorOptions.reassociateFPReductions = true;
  pm.addPass(createConvertVectorToLLVMPass(vectorOptions));
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  ConvertFuncToLLVMPassOptions funcOptions;
  // NAME_step(void *state, const float *in, float *out): plain pointers.
  funcOptions.useBarePtrCallConv = true;
  pm.addPass(createConvertFuncToLLVMPass(funcOptions));
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createEmitBatchEntries());
  pm.addPass(createCanonicalizerPass());
}

void lrnn::registerConversionPasses() {
  registerLRNNConversionPasses();
  PassPipelineRegistration<>(
      "lrnn-lower-to-llvm",
      "Lower lrnn models to the LLVM dialect with the CPU C ABI "
      "(NAME_step, NAME_reset, NAME_step_batch, NAME_state_bytes)",
      [](OpPassManager &pm) { buildLowerToLLVMPipeline(pm); });
}
