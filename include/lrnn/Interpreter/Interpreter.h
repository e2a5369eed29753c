//===- Interpreter.h - Reference interpreter for lrnn models ----*- C++ -*-===//
//
// The executable specification of the float lrnn dialect: it runs a model one
// time step at a time, computing every op in double precision from the f32
// weights stored in the IR. Every pass and backend is tested against it.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_INTERPRETER_INTERPRETER_H
#define LRNN_INTERPRETER_INTERPRETER_H

#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <memory>
#include <vector>

namespace lrnn {

class Interpreter;

/// Watches the values an Interpreter computes, e.g. to measure activation
/// sparsity (lrnn-run --stats). Optional: without one, a step costs one
/// null-pointer test more.
class StepObserver {
public:
  virtual ~StepObserver();
  /// Called at the end of every step, when getValue() of every value of the
  /// model body returns its vector of this step.
  virtual void afterStep(const Interpreter &interpreter) = 0;
};

class Interpreter {
public:
  /// Prepares `model` for execution. Fails with an error naming the op when
  /// the model contains an op the interpreter cannot execute or weight data
  /// that is unavailable. The model must have been verified.
  static llvm::Expected<std::unique_ptr<Interpreter>> create(ModelOp model);

  int64_t getInputSize() const { return inputSize; }
  int64_t getOutputSize() const { return outputSize; }
  /// Complex states over all recurrences.
  int64_t getNumStates() const { return numStates; }

  /// Sets every recurrent state back to zero (the state before step 0).
  void reset();

  /// Runs one time step: consumes `input` (getInputSize() values) and writes
  /// getOutputSize() values to `output`, updating the state.
  void step(llvm::ArrayRef<double> input, llvm::MutableArrayRef<double> output);

  /// Runs `steps` time steps on row-major `[steps, inputSize]` inputs from
  /// the current state, returning `[steps, outputSize]` outputs.
  std::vector<double> run(llvm::ArrayRef<double> inputs, int64_t steps);

  /// Calls `observer` (not owned; null for none) after every step.
  void setObserver(StepObserver *observer) { this->observer = observer; }

  /// The vector of `value`, a value of the model body, as computed by the
  /// last step (zeros before the first); empty for a value of another op.
  llvm::ArrayRef<double> getValue(mlir::Value value) const;

private:
  Interpreter() = default;

  int64_t inputSize = 0, outputSize = 0, numStates = 0;
  /// One buffer per SSA value; index 0 is the model input.
  std::vector<std::vector<double>> buffers;
  size_t outputBuffer = 0;
  /// Recurrent state (real, imaginary) of each lrnn.diag_recurrence.
  std::vector<std::vector<double>> states;
  /// The model body, one closure per op, in program order.
  std::vector<std::function<void()>> program;
  /// The buffer of each value, for getValue().
  llvm::DenseMap<mlir::Value, size_t> slots;
  StepObserver *observer = nullptr;
};

/// Finds the single lrnn.model of `module`, or fails with an error naming
/// `fileName`.
llvm::Expected<ModelOp> getSingleModel(mlir::ModuleOp module,
                                       llvm::StringRef fileName);

} // namespace lrnn

#endif // LRNN_INTERPRETER_INTERPRETER_H
