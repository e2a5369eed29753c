//===- FixedInterpreter.h - Integer interpreter, quantised models -*- C++ -*-===//
//
// The executable specification of quantised (integer-only) lrnn models: it
// runs the lrnn.q* ops one time step at a time on int64_t codes, exactly as
// docs/fixed-point.md §4-§5 define them, with the primitives of FixedPoint.h.
// There is no floating point anywhere in the execution path; only the
// boundary helpers (quantizeInput, dequantize) convert between codes and
// real numbers (§6). Every backend of a quantised model must reproduce its
// integers bit for bit.
//
// Every narrowing that saturates is counted per op (the sum over the op's
// results, elements and steps), and the input boundary has a count of its
// own.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_INTERPRETER_FIXEDINTERPRETER_H
#define LRNN_INTERPRETER_FIXEDINTERPRETER_H

#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace lrnn {

/// True when `model` is quantised: it takes a vector of !lrnn.fixed.
bool isQuantizedModel(ModelOp model);

/// The .npy image of `steps` x `width` output codes of a quantised model (or
/// of the Loihi 2 simulator): int32 codes when `raw`, else float32 values
/// dequantised at `exponent` (FixedInterpreter::dequantize).
std::string serializeFixedOutputNpy(int64_t steps, int64_t width,
                                    llvm::ArrayRef<int64_t> codes,
                                    int exponent, bool raw);

/// Saturation count of one op of a quantised model body.
struct OpSaturations {
  int64_t index = 0;   ///< Position of the op in the body, from 0.
  std::string opName;  ///< e.g. "lrnn.qproject".
  std::string locName; ///< getLocationName() of the op's location.
  int64_t count = 0;   ///< Saturations over results, elements and steps.
};

class FixedInterpreter {
public:
  /// Prepares a verified quantised `model` for execution. Fails with an
  /// error naming the op when the body contains an op the integer
  /// interpreter cannot execute (e.g. a float op), when constant data is
  /// unavailable, or when the model is not quantised at all.
  static llvm::Expected<std::unique_ptr<FixedInterpreter>>
  create(ModelOp model);

  int64_t getInputSize() const { return inputSize; }
  int64_t getOutputSize() const { return outputSize; }
  /// Complex states over all lrnn.qdiag_recurrence ops.
  int64_t getNumStates() const { return numStates; }
  unsigned getInputWidth() const { return inputWidth; }
  int getInputExponent() const { return inputExponent; }
  unsigned getOutputWidth() const { return outputWidth; }
  int getOutputExponent() const { return outputExponent; }
  unsigned getAccumulatorBits() const { return accumulatorBits; }

  /// Sets every recurrent state back to zero (the state before step 0).
  /// Saturation counts are kept; see resetSaturations().
  void reset();

  /// Runs one time step on getInputSize() input codes, writing
  /// getOutputSize() output codes. Input codes beyond ±M(w_in) are
  /// saturated and added to the input count (quantizeInput never produces
  /// them).
  void step(llvm::ArrayRef<int64_t> inCodes,
            llvm::MutableArrayRef<int64_t> outCodes);

  /// Runs `steps` steps on row-major `[steps, inputSize]` codes from the
  /// current state, returning `[steps, outputSize]` codes.
  std::vector<int64_t> run(llvm::ArrayRef<int64_t> inCodes, int64_t steps);

  /// The boundary conversion of §6: saturate(roundHalfAway(u · 2^e_in),
  /// w_in), counted in the input count. Values with |u · 2^e_in| >= M + 1
  /// (infinities included) saturate without converting out of range; `u`
  /// must not be NaN (gives 0, counted).
  int64_t quantizeInput(double u);

  /// q · 2^-exponent as float32 (exact for |q| < 2^24 and exponents within
  /// the quantiser's range).
  static float dequantize(int64_t q, int exponent);
  /// dequantize() at the output exponent.
  float dequantizeOutput(int64_t q) const {
    return dequantize(q, outputExponent);
  }

  /// The codes of `value`, a value of the model body (the model input
  /// included), as computed by the last step (zeros before the first);
  /// empty for a value of another op.
  llvm::ArrayRef<int64_t> getValue(mlir::Value value) const;

  /// Per op of the body that has results (lrnn.output omitted), in program
  /// order: its saturation count since creation or resetSaturations().
  std::vector<OpSaturations> getSaturations() const;
  /// Sum of the op counts (the input boundary excluded).
  int64_t getTotalSaturations() const;
  /// Saturations at the input boundary (quantizeInput and step).
  int64_t getInputSaturations() const { return inputSaturations; }
  /// Steps run since creation or resetSaturations().
  int64_t getSteps() const { return steps; }
  /// Sets every count (and the step count) back to zero.
  void resetSaturations();

private:
  FixedInterpreter() = default;

  int64_t inputSize = 0, outputSize = 0, numStates = 0;
  unsigned inputWidth = 0, outputWidth = 0, accumulatorBits = 0;
  int inputExponent = 0, outputExponent = 0;
  /// One code buffer per SSA value; index 0 is the model input.
  std::vector<std::vector<int64_t>> buffers;
  size_t outputBuffer = 0;
  /// Recurrent state (real part, then imaginary part) of each
  /// lrnn.qdiag_recurrence.
  std::vector<std::vector<int64_t>> states;
  /// The model body, one closure per op, in program order.
  std::vector<std::function<void()>> program;
  /// Per op with results: identity and count; closures write to `counts`.
  std::vector<OpSaturations> opInfo;
  std::vector<int64_t> counts;
  int64_t inputSaturations = 0;
  int64_t steps = 0;
  llvm::DenseMap<mlir::Value, size_t> slots;
};

} // namespace lrnn

#endif // LRNN_INTERPRETER_FIXEDINTERPRETER_H
