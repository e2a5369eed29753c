//===- Passes.h - lrnn conversion passes and the CPU pipeline ---*- C++ -*-===//

#ifndef LRNN_CONVERSION_PASSES_H
#define LRNN_CONVERSION_PASSES_H

#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Dialect.h"

#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassManager.h"

namespace lrnn {

#define GEN_PASS_DECL
#include "lrnn/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "lrnn/Conversion/Passes.h.inc"

/// Bytes of one stream's state in the CPU ABI: a 4-byte real and imaginary
/// part (f32, or i32 codes) per complex state.
int64_t getCpuStateBytes(ModelOp model);

/// The attribute marking a lowered step function; its value is a dictionary
/// with state_bytes, input_size and output_size (i64).
constexpr llvm::StringLiteral kStepEntryAttrName = "lrnn.step_entry";

/// --lrnn-lower-to-llvm: convert-lrnn-to-std, then the upstream conversions
/// to the LLVM dialect (bare-pointer calling convention: NAME_step takes
/// three plain pointers), then lrnn-emit-batch-entries.
void buildLowerToLLVMPipeline(mlir::OpPassManager &pm);
/// The same with options for convert-lrnn-to-std (kernel formats,
/// activation statistics).
void buildLowerToLLVMPipeline(mlir::OpPassManager &pm,
                              const ConvertLRNNToStandardOptions &options);

/// Registers the passes above and the --lrnn-lower-to-llvm pipeline.
void registerConversionPasses();

} // namespace lrnn

#endif // LRNN_CONVERSION_PASSES_H
