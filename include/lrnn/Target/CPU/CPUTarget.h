//===- CPUTarget.h - Run or emit lowered lrnn models on the host -*- C++ -*-===//
//
// The CPU backend's last stage. Its input is a module lowered by
// --lrnn-lower-to-llvm (lrnn::buildLowerToLLVMPipeline): LLVM-dialect ops
// only, exposing for a model NAME the C ABI
//
//   void NAME_step(void *state, const float *in, float *out);
//   void NAME_reset(void *state);
//   void NAME_step_batch(void *states, const float *in, float *out,
//                        size_t n_streams);
//   const int64_t NAME_state_bytes, NAME_input_size, NAME_output_size;
//
// From there it either JIT-compiles the module in this process (CpuModel,
// lrnn-run --backend=cpu) or writes a native object file and the C header
// that declares the ABI (lrnnc --target=cpu). Both compile for the host CPU
// (its features, e.g. AVX2, included) at -O3.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_TARGET_CPU_CPUTARGET_H
#define LRNN_TARGET_CPU_CPUTARGET_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace mlir {
class ExecutionEngine;
} // namespace mlir

namespace lrnn {

/// What a lowered module says about the model it implements: the values of
/// its NAME_input_size, NAME_output_size and NAME_state_bytes globals.
struct LoweredModelInfo {
  std::string name;
  int64_t inputSize = 0;
  int64_t outputSize = 0;
  int64_t stateBytes = 0;
};

/// Finds the lowered model `name` of `module` (with an empty `name`, its only
/// lowered model: the one NAME with a global NAME_state_bytes) and checks
/// that the module defines the whole ABI: the three i64 constant globals and
/// the functions NAME_step, NAME_reset and NAME_step_batch with their
/// parameter lists. Errors name what is missing or malformed.
llvm::Expected<LoweredModelInfo> findLoweredModel(mlir::ModuleOp module,
                                                  llvm::StringRef name = "");

/// A lowered model JIT-compiled into this process. The functions are plain
/// C functions: calls on separate states are independent (thread-safe), and
/// step allocates nothing.
class CpuModel {
public:
  using StepFn = void (*)(void *state, const float *in, float *out);
  using ResetFn = void (*)(void *state);
  using StepBatchFn = void (*)(void *states, const float *in, float *out,
                               size_t numStreams);

  /// Compiles `llvmDialectModule` (LLVM-dialect ops only; see the file
  /// comment) with mlir::ExecutionEngine at -O3 for the host CPU and
  /// resolves NAME_step, NAME_reset and NAME_step_batch. The sizes are what
  /// the caller expects; they must agree with the module's globals. The
  /// module is only read; libm (expf, tanhf, erff) resolves from the
  /// process.
  static llvm::Expected<std::unique_ptr<CpuModel>>
  jit(mlir::ModuleOp llvmDialectModule, llvm::StringRef name,
      int64_t inputSize, int64_t outputSize, int64_t stateBytes);

  ~CpuModel();
  CpuModel(const CpuModel &) = delete;
  CpuModel &operator=(const CpuModel &) = delete;

  llvm::StringRef name() const { return modelName; }
  int64_t inputSize() const { return dIn; }
  int64_t outputSize() const { return dOut; }
  /// Bytes of one stream's state (4-byte alignment suffices).
  int64_t stateBytes() const { return numStateBytes; }

  /// Zeroes `state` (stateBytes() bytes).
  void reset(void *state) const { resetFn(state); }
  /// One time step of one stream: inputSize() floats in, outputSize() out.
  void step(void *state, const float *in, float *out) const {
    stepFn(state, in, out);
  }
  /// One time step of `numStreams` independent streams: `states` holds
  /// numStreams consecutive blocks of stateBytes(), `in` is
  /// [numStreams, inputSize()] and `out` [numStreams, outputSize()],
  /// row-major.
  void stepBatch(void *states, const float *in, float *out,
                 int64_t numStreams) const {
    stepBatchFn(states, in, out, static_cast<size_t>(numStreams));
  }

  /// Runs `steps` steps from the zero state on row-major
  /// [steps, inputSize()] `inputs`, writing [steps, outputSize()] `outputs`,
  /// in a state buffer the model owns (so not concurrently).
  void run(const float *inputs, int64_t steps, float *outputs);

private:
  CpuModel() = default;

  std::unique_ptr<mlir::ExecutionEngine> engine;
  std::string modelName;
  int64_t dIn = 0, dOut = 0, numStateBytes = 0;
  StepFn stepFn = nullptr;
  ResetFn resetFn = nullptr;
  StepBatchFn stepBatchFn = nullptr;
  /// The state of run(): 64-byte aligned, at least one cache line.
  struct FreeAligned {
    void operator()(void *p) const;
  };
  std::unique_ptr<void, FreeAligned> ownState;
};

/// Translates `llvmDialectModule` to LLVM IR, optimises it at -O3 for the
/// host CPU (as CpuModel::jit does) and writes a relocatable, position
/// independent native object file to `os`. Errors name the reason.
llvm::Error emitObjectFile(mlir::ModuleOp llvmDialectModule,
                           llvm::raw_ostream &os);

/// The same into the file `path`: nothing is left at `path` on failure;
/// errors read "<path>: <reason>".
llvm::Error emitObjectFile(mlir::ModuleOp llvmDialectModule,
                           llvm::StringRef path);

/// Writes the C header declaring the ABI of model `name` (a C identifier):
/// NAME_INPUT_SIZE, NAME_OUTPUT_SIZE and NAME_STATE_BYTES macros, the
/// NAME_state_bytes, NAME_input_size and NAME_output_size constants and the
/// prototypes of NAME_step, NAME_reset and NAME_step_batch, usable from C
/// and C++. `quantized` only changes the documentation.
void emitCHeader(llvm::raw_ostream &os, llvm::StringRef name,
                 int64_t inputSize, int64_t outputSize, int64_t stateBytes,
                 bool quantized);

/// Whether `name` can name a model in C: an identifier ([A-Za-z_][A-Za-z0-9_]*)
/// that is no C or C++ keyword and not reserved (no leading underscore).
bool isValidCModelName(llvm::StringRef name);

} // namespace lrnn

#endif // LRNN_TARGET_CPU_CPUTARGET_H
