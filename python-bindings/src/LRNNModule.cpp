//===- LRNNModule.cpp - The Python module lrnn._lrnn ----------------------===//
//
// pybind11 bindings over the lrnn C++ API, in the manner of Triton's
// python/src/ir.cc: IR crosses the boundary as MLIR text (or bytecode), and
// every operation calls the same library functions as the tools (lrnnc,
// lrnn-run, lrnn-sim). The Python package lrnn (python-bindings/lrnn/)
// re-exports these classes and adds the converters.
//
// Objects and threads. A Model, and everything derived from it (transformed
// models, programs), shares one MLIRContext (multithreading off) with a
// recursive mutex: every IR operation runs with the GIL released and that
// mutex held. Models are immutable; every transformation returns a new one
// (a clone of the module). Executables (Interpreter, CpuModel,
// Loihi2Program's simulator) have a mutex of their own and release the GIL
// while they run, so separate objects run in parallel from Python threads.
// Nobody holding one of these mutexes waits for the GIL.
//
// Errors. MLIR diagnostics are collected by a handler on each context;
// errors and llvm::Error become lrnn.Error (a RuntimeError) carrying the
// one-line message the tools print; warnings become Python warnings of
// category lrnn.CompilerWarning; remarks are kept on the resulting model.
// Nothing is printed, nothing aborts: inputs are checked before they reach
// code that assumes them valid.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Analysis/CostModel.h"
#include "lrnn/Conversion/LRNNToLoihi2/LRNNToLoihi2.h"
#include "lrnn/Conversion/Passes.h"
#include "lrnn/Dialect/LRNN/IR/LRNNDialect.h"
#include "lrnn/Dialect/LRNN/Transforms/Passes.h"
#include "lrnn/Dialect/LRNN/Transforms/Quantize.h"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Dialect.h"
#include "lrnn/Dialect/Loihi2/Transforms/Place.h"
#include "lrnn/Dialect/Loihi2/Transforms/Report.h"
#include "lrnn/Import/ImportModel.h"
#include "lrnn/Import/LoadModel.h"
#include "lrnn/InitAll.h"
#include "lrnn/Interpreter/FixedInterpreter.h"
#include "lrnn/Interpreter/Interpreter.h"
#include "lrnn/Pipelines/Pipelines.h"
#include "lrnn/Support/OutputFiles.h"
#include "lrnn/Support/Safetensors.h"
#include "lrnn/Target/CPU/CPUTarget.h"
#include "lrnn/Target/Loihi2/ProgramFile.h"
#include "lrnn/Target/Loihi2/TargetDescription.h"
#include "lrnn/Target/Loihi2Sim/SimulationReport.h"
#include "lrnn/Target/Loihi2Sim/Simulator.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cctype>
#include <cstdio>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

namespace py = pybind11;
using llvm::StringRef;
using llvm::Twine;

namespace {

//===----------------------------------------------------------------------===//
// Errors and warnings
//===----------------------------------------------------------------------===//

/// Raised as lrnn.Error.
struct LrnnError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const Twine &message) { throw LrnnError(message.str()); }

template <typename T> T unwrap(llvm::Expected<T> value) {
  if (!value)
    fail(llvm::toString(value.takeError()));
  return std::move(*value);
}

void check(llvm::Error error) {
  if (error)
    fail(llvm::toString(std::move(error)));
}

/// lrnn.CompilerWarning, created at module initialisation.
PyObject *compilerWarning = nullptr;

/// Issues each message as a CompilerWarning (the GIL must be held). A
/// warnings filter that turns them into errors raises here.
void emitWarnings(const std::vector<std::string> &warnings) {
  for (const std::string &warning : warnings)
    if (PyErr_WarnEx(compilerWarning, warning.c_str(), 2) != 0)
      throw py::error_already_set();
}

//===----------------------------------------------------------------------===//
// Contexts and modules
//===----------------------------------------------------------------------===//

/// An MLIR context with every lrnn dialect, a lock for the operations on it
/// and the diagnostics of the operation in progress.
class Context {
public:
  Context() : context(registry(), mlir::MLIRContext::Threading::DISABLED) {
    context.loadDialect<lrnn::LRNNDialect, lrnn::loihi2::Loihi2Dialect>();
    // Outermost handler: what no scoped handler (e.g. the parser's) took.
    context.getDiagEngine().registerHandler([this](mlir::Diagnostic &diag) {
      std::string text =
          lrnn::formatErrorLocation(diag.getLocation(), "lrnn") + diag.str();
      switch (diag.getSeverity()) {
      case mlir::DiagnosticSeverity::Error:
        if (firstError.empty())
          firstError = std::move(text);
        break;
      case mlir::DiagnosticSeverity::Warning:
        warnings.push_back(std::move(text));
        break;
      case mlir::DiagnosticSeverity::Remark:
        remarks.push_back(std::move(text));
        break;
      default:
        break;
      }
      return mlir::success();
    });
  }

  mlir::MLIRContext *get() { return &context; }

  /// Recursive: a module may be released while its context is locked.
  std::recursive_mutex mutex;
  /// Diagnostics of the current operation (guarded by `mutex`).
  std::string firstError;
  std::vector<std::string> warnings, remarks;

private:
  static const mlir::DialectRegistry &registry() {
    static const mlir::DialectRegistry *registry = [] {
      auto *r = new mlir::DialectRegistry();
      lrnn::registerAllDialects(*r);
      return r;
    }();
    return *registry;
  }

  mlir::MLIRContext context;
};

/// A module and the context it lives in.
struct Module {
  Module(std::shared_ptr<Context> context,
         mlir::OwningOpRef<mlir::ModuleOp> module)
      : context(std::move(context)), module(std::move(module)) {}
  ~Module() {
    std::lock_guard<std::recursive_mutex> lock(context->mutex);
    module = nullptr;
  }
  Module(const Module &) = delete;
  Module &operator=(const Module &) = delete;

  mlir::ModuleOp get() const { return *module; }

  std::shared_ptr<Context> context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
};

/// One operation on a context: releases the GIL, takes the context's lock
/// and starts a fresh set of diagnostics. Construct with the GIL held.
class Session {
public:
  explicit Session(Context &context)
      : lock(context.mutex), context(context) {
    context.firstError.clear();
    context.warnings.clear();
    context.remarks.clear();
  }

  /// Throws the first error diagnostic, or `fallback` when there was none.
  [[noreturn]] void fail(const Twine &fallback) {
    ::fail(context.firstError.empty() ? fallback : Twine(context.firstError));
  }
  /// `prefix: ` followed by the first error, or `prefix` alone.
  [[noreturn]] void failWith(const Twine &prefix) {
    if (context.firstError.empty())
      ::fail(prefix);
    ::fail(prefix + ": " + context.firstError);
  }
  std::vector<std::string> takeWarnings() {
    return std::exchange(context.warnings, {});
  }
  std::vector<std::string> takeRemarks() {
    return std::exchange(context.remarks, {});
  }

private:
  // Released last: the lock is given up before the GIL is taken back.
  py::gil_scoped_release release;
  std::lock_guard<std::recursive_mutex> lock;
  Context &context;
};

/// What a module holds.
struct Contents {
  llvm::SmallVector<lrnn::ModelOp> models;
  llvm::SmallVector<lrnn::loihi2::ProgramOp> programs;
};

Contents inspect(mlir::ModuleOp module) {
  Contents contents;
  for (auto model : module.getOps<lrnn::ModelOp>())
    contents.models.push_back(model);
  for (auto program : module.getOps<lrnn::loihi2::ProgramOp>())
    contents.programs.push_back(program);
  return contents;
}

/// The MLIR text of `module` (with locations when `debugInfo`).
std::string printText(Module &module, bool debugInfo) {
  std::string text;
  {
    Session session(*module.context);
    llvm::raw_string_ostream os(text);
    check(lrnn::printModule(module.get(), os, false, debugInfo));
  }
  return text;
}

//===----------------------------------------------------------------------===//
// numpy arrays
//===----------------------------------------------------------------------===//

std::string shapeString(const py::array &array) {
  std::string s = "[";
  for (py::ssize_t i = 0; i < array.ndim(); ++i)
    s += (i ? ", " : "") + std::to_string(array.shape(i));
  return s + "]";
}

/// `object` as a float32 or float64 array; other dtypes are an error.
py::array floatArray(py::handle object, const Twine &what) {
  py::array array = py::array::ensure(object);
  if (!array)
    fail(what + ": expected a numpy array of float32 or float64 values, got "
                "an object of type " +
         std::string(py::str(py::type::of(object).attr("__name__"))));
  py::dtype dtype = array.dtype();
  if (dtype.kind() != 'f' || (dtype.itemsize() != 4 && dtype.itemsize() != 8))
    fail(what + ": expected float32 or float64 values, got dtype " +
         std::string(py::str(dtype)));
  return array;
}

/// The values of a float array, row-major, as doubles.
std::vector<double> toDoubles(const py::array &array) {
  auto values =
      py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(
          array);
  if (!values)
    throw py::error_already_set();
  return std::vector<double>(values.data(), values.data() + values.size());
}

/// A sequence of frames to run: [T, width] finite float values.
struct Sequence {
  std::vector<double> values;
  int64_t steps = 0;
};

/// Checks and copies `object`: [T, width] (`frame` false) or [width] (`frame`
/// true), float32 or float64, every value finite. Errors name `what`.
Sequence readSequence(py::handle object, int64_t width, bool frame,
                      const char *what) {
  py::array array = floatArray(object, what);
  Sequence seq;
  if (frame) {
    if (array.ndim() != 1 || array.shape(0) != width)
      fail(Twine(what) + ": expected shape [" + Twine(width) +
           "] (one frame of this model), got " + shapeString(array));
    seq.steps = 1;
  } else {
    if (array.ndim() != 2 || array.shape(1) != width)
      fail(Twine(what) + ": expected shape [T, " + Twine(width) +
           "] for this model, got " + shapeString(array));
    seq.steps = array.shape(0);
  }
  seq.values = toDoubles(array);
  for (size_t i = 0; i < seq.values.size(); ++i) {
    double v = seq.values[i];
    if (std::isfinite(v))
      continue;
    const char *kind = std::isnan(v) ? "nan" : v > 0 ? "inf" : "-inf";
    if (frame)
      fail(Twine(what) + ": non-finite value (" + kind + ") at [" + Twine(i) +
           "]");
    fail(Twine(what) + ": non-finite value (" + kind + ") at [" +
         Twine(i / width) + ", " + Twine(i % width) + "]");
  }
  return seq;
}

/// Fails on the first non-finite output (a diverging model must not pass for
/// a result), naming the step and the element as lrnn-run does.
template <typename T>
void checkFinite(const T *values, size_t count, int64_t width) {
  for (size_t i = 0; i < count; ++i)
    if (!std::isfinite(static_cast<float>(values[i])))
      fail("output is not finite at step " + Twine(i / width) +
           ", element " + Twine(i % width) +
           " (unstable recurrence or input out of range)");
}

template <typename T> py::array_t<T> newArray(int64_t rows, int64_t cols) {
  return py::array_t<T>(std::vector<py::ssize_t>{rows, cols});
}
template <typename T> py::array_t<T> newVector(int64_t size) {
  return py::array_t<T>(std::vector<py::ssize_t>{size});
}

py::object jsonLoads(const std::string &text) {
  return py::module_::import("json").attr("loads")(text);
}

/// The `lrnn.config` JSON of a dict (or a JSON string as given).
std::string configJson(py::handle config) {
  if (py::isinstance<py::str>(config))
    return config.cast<std::string>();
  if (!py::isinstance<py::dict>(config))
    fail("config: expected a dict (or its JSON text), got an object of type " +
         std::string(py::str(py::type::of(config).attr("__name__"))));
  try {
    py::dict kwargs;
    kwargs["allow_nan"] = false;
    return py::module_::import("json")
        .attr("dumps")(config, **kwargs)
        .cast<std::string>();
  } catch (py::error_already_set &error) {
    fail("config: not representable as JSON: " + Twine(error.what()));
  }
}

/// The tensors of a dict name -> float array, checked for dtype.
std::map<std::string, lrnn::SafetensorsTensor>
readTensors(py::handle tensors, StringRef name) {
  if (!py::isinstance<py::dict>(tensors))
    fail(name + ": tensors: expected a dict of tensor name to numpy array, "
                "got an object of type " +
         std::string(py::str(py::type::of(tensors).attr("__name__"))));
  std::map<std::string, lrnn::SafetensorsTensor> result;
  for (auto item : py::reinterpret_borrow<py::dict>(tensors)) {
    if (!py::isinstance<py::str>(item.first))
      fail(name + ": tensors: every key must be a tensor name (str), got " +
           std::string(py::repr(item.first)));
    std::string key = item.first.cast<std::string>();
    py::array array =
        floatArray(item.second, name + ": tensor '" + key + "'");
    lrnn::SafetensorsTensor tensor;
    tensor.name = key;
    tensor.dtype = array.dtype().itemsize() == 4 ? lrnn::TensorDType::F32
                                                 : lrnn::TensorDType::F64;
    for (py::ssize_t i = 0; i < array.ndim(); ++i)
      tensor.shape.push_back(array.shape(i));
    tensor.values = toDoubles(array);
    result.emplace(key, std::move(tensor));
  }
  return result;
}

//===----------------------------------------------------------------------===//
// Interpreter
//===----------------------------------------------------------------------===//

/// The reference interpreters behind one class: the float interpreter
/// (double precision) for float models, the integer interpreter for
/// quantised ones.
class PyInterpreter {
public:
  PyInterpreter(std::shared_ptr<Module> module, lrnn::ModelOp model,
                bool raw)
      : module(std::move(module)), raw(raw) {
    // Called within a Session on the model's context.
    if (lrnn::isQuantizedModel(model)) {
      fixed = unwrap(lrnn::FixedInterpreter::create(model));
      inputSize = fixed->getInputSize();
      outputSize = fixed->getOutputSize();
    } else {
      if (raw)
        fail("raw=True needs a quantised model (it returns integer codes); "
             "this one is a float model");
      interp = unwrap(lrnn::Interpreter::create(model));
      inputSize = interp->getInputSize();
      outputSize = interp->getOutputSize();
    }
  }

  bool quantized() const { return fixed != nullptr; }

  py::array step(py::handle frame) {
    Sequence in = readSequence(frame, inputSize, /*frame=*/true, "frame");
    py::array out = runSequence(in);
    return out.attr("reshape")(outputSize);
  }

  py::array run(py::handle sequence) {
    return runSequence(readSequence(sequence, inputSize, false, "inputs"));
  }

  void reset() {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mutex);
    if (fixed)
      fixed->reset();
    else
      interp->reset();
  }

  /// Saturation counts of a quantised model since creation.
  py::dict saturations() {
    if (!fixed)
      fail("saturations: only quantised models saturate; this one is a "
           "float model");
    std::lock_guard<std::mutex> lock(mutex);
    py::dict result;
    result["steps"] = fixed->getSteps();
    result["input"] = fixed->getInputSaturations();
    result["total"] = fixed->getTotalSaturations();
    py::list ops;
    for (const lrnn::OpSaturations &op : fixed->getSaturations()) {
      py::dict entry;
      entry["index"] = op.index;
      entry["op"] = op.opName;
      entry["location"] = op.locName;
      entry["count"] = op.count;
      ops.append(entry);
    }
    result["ops"] = ops;
    return result;
  }

  int64_t inputSize = 0, outputSize = 0;

private:
  py::array runSequence(const Sequence &in) {
    int64_t steps = in.steps;
    if (!fixed) {
      py::array_t<double> out = newArray<double>(steps, outputSize);
      double *data = out.mutable_data();
      {
        py::gil_scoped_release release;
        std::lock_guard<std::mutex> lock(mutex);
        std::vector<double> result = interp->run(in.values, steps);
        std::copy(result.begin(), result.end(), data);
      }
      checkFinite(data, static_cast<size_t>(steps * outputSize), outputSize);
      return out;
    }
    std::vector<int64_t> codes;
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mutex);
      std::vector<int64_t> inCodes(in.values.size());
      for (size_t i = 0; i < inCodes.size(); ++i)
        inCodes[i] = fixed->quantizeInput(in.values[i]);
      codes = fixed->run(inCodes, steps);
    }
    if (raw) {
      py::array_t<int64_t> out = newArray<int64_t>(steps, outputSize);
      std::copy(codes.begin(), codes.end(), out.mutable_data());
      return out;
    }
    py::array_t<float> out = newArray<float>(steps, outputSize);
    float *data = out.mutable_data();
    for (size_t i = 0; i < codes.size(); ++i)
      data[i] = fixed->dequantizeOutput(codes[i]);
    return out;
  }

  std::shared_ptr<Module> module; // the IR the interpreter was built from
  std::unique_ptr<lrnn::Interpreter> interp;
  std::unique_ptr<lrnn::FixedInterpreter> fixed;
  bool raw = false;
  std::mutex mutex;
};

//===----------------------------------------------------------------------===//
// CPU backend
//===----------------------------------------------------------------------===//

/// A model JIT-compiled for this CPU, with the state of `streams`
/// independent streams.
class PyCpuModel {
public:
  PyCpuModel(std::unique_ptr<lrnn::CpuModel> compiled, int64_t streams,
             bool quantized)
      : model(std::move(compiled)), streams(streams), quantized(quantized) {
    stride = model->stateBytes();
    // 64-byte aligned, at least one cache line (as CpuModel::run's state).
    size_t bytes = std::max<size_t>(64, streams * stride);
    bytes = (bytes + 63) / 64 * 64;
    states.reset(static_cast<char *>(std::aligned_alloc(64, bytes)));
    if (!states)
      fail("cannot allocate the state of " + Twine(streams) + " streams");
    for (int64_t s = 0; s < streams; ++s)
      model->reset(state(s));
  }

  int64_t inputSize() const { return model->inputSize(); }
  int64_t outputSize() const { return model->outputSize(); }

  py::array step(py::handle frame, int64_t stream) {
    checkStream(stream);
    Sequence in = readSequence(frame, inputSize(), true, "frame");
    std::vector<float> x(in.values.begin(), in.values.end());
    py::array_t<float> out = newVector<float>(outputSize());
    {
      std::lock_guard<std::mutex> lock(mutex);
      model->step(state(stream), x.data(), out.mutable_data());
    }
    checkFinite(out.data(), outputSize(), outputSize());
    return out;
  }

  py::array stepBatch(py::handle frames) {
    py::array array = floatArray(frames, "frames");
    if (array.ndim() != 2 || array.shape(0) != streams)
      fail("frames: expected shape [" + Twine(streams) + ", " +
           Twine(inputSize()) + "] (one frame per stream), got " +
           shapeString(array));
    Sequence in = readSequence(frames, inputSize(), false, "frames");
    std::vector<float> x(in.values.begin(), in.values.end());
    py::array_t<float> out = newArray<float>(streams, outputSize());
    float *data = out.mutable_data();
    {
      std::lock_guard<std::mutex> lock(mutex);
      model->stepBatch(states.get(), x.data(), data, streams);
    }
    checkFinite(data, streams * outputSize(), outputSize());
    return out;
  }

  py::array run(py::handle sequence, int64_t stream) {
    checkStream(stream);
    Sequence in = readSequence(sequence, inputSize(), false, "inputs");
    int64_t steps = in.steps, dIn = inputSize(), dOut = outputSize();
    std::vector<float> x(in.values.begin(), in.values.end());
    py::array_t<float> out = newArray<float>(steps, dOut);
    float *data = out.mutable_data();
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mutex);
      void *s = state(stream);
      for (int64_t t = 0; t < steps; ++t)
        model->step(s, x.data() + t * dIn, data + t * dOut);
    }
    checkFinite(data, steps * dOut, dOut);
    return out;
  }

  py::array runBatch(py::handle sequences) {
    py::array array = floatArray(sequences, "inputs");
    int64_t dIn = inputSize(), dOut = outputSize();
    if (array.ndim() != 3 || array.shape(0) != streams || array.shape(2) != dIn)
      fail("inputs: expected shape [" + Twine(streams) + ", T, " + Twine(dIn) +
           "] (one sequence per stream), got " + shapeString(array));
    int64_t steps = array.shape(1);
    // Checked as [streams * T, d_input] rows.
    Sequence in = readSequence(
        array.attr("reshape")(streams * steps, dIn), dIn, false, "inputs");
    py::array_t<float> out(std::vector<py::ssize_t>{streams, steps, dOut});
    float *data = out.mutable_data();
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mutex);
      std::vector<float> x(streams * dIn), y(streams * dOut);
      for (int64_t t = 0; t < steps; ++t) {
        for (int64_t s = 0; s < streams; ++s)
          std::copy_n(in.values.begin() + (s * steps + t) * dIn, dIn,
                      x.begin() + s * dIn);
        model->stepBatch(states.get(), x.data(), y.data(), streams);
        for (int64_t s = 0; s < streams; ++s)
          std::copy_n(y.begin() + s * dOut, dOut,
                      data + (s * steps + t) * dOut);
      }
    }
    checkFinite(data, streams * steps * dOut, dOut);
    return out;
  }

  void reset(std::optional<int64_t> stream) {
    std::lock_guard<std::mutex> lock(mutex);
    if (stream) {
      checkStream(*stream);
      model->reset(state(*stream));
      return;
    }
    for (int64_t s = 0; s < streams; ++s)
      model->reset(state(s));
  }

  std::unique_ptr<lrnn::CpuModel> model;
  int64_t streams = 1;
  bool quantized = false;

private:
  void *state(int64_t stream) { return states.get() + stream * stride; }
  void checkStream(int64_t stream) const {
    if (stream < 0 || stream >= streams)
      fail("stream " + Twine(stream) + " is out of range: this model has " +
           Twine(streams) + " stream" + (streams == 1 ? "" : "s") +
           " (compile with streams=N for more)");
  }

  struct FreeAligned {
    void operator()(char *p) const { std::free(p); }
  };
  std::unique_ptr<char, FreeAligned> states;
  int64_t stride = 0;
  std::mutex mutex;
};

//===----------------------------------------------------------------------===//
// Loihi 2 programs
//===----------------------------------------------------------------------===//

/// A module holding one verified loihi2.program, and its simulator.
class PyProgram {
public:
  /// Called within a Session on the module's context.
  PyProgram(std::shared_ptr<Module> module, lrnn::loihi2::ProgramOp program)
      : module(std::move(module)), program(program) {
    name = program.getSymName().str();
    sim = unwrap(lrnn::loihi2::Simulator::create(program));
  }

  std::string mlir(bool debugInfo) { return printText(*module, debugInfo); }

  void save(const std::string &path) {
    Session session(*module->context);
    std::string bytes;
    llvm::raw_string_ostream os(bytes);
    if (mlir::failed(lrnn::loihi2::writeProgramFile(module->get(), os)))
      session.failWith(path + ": cannot write the program file");
    std::vector<lrnn::PendingFile> files;
    files.push_back({path, bytes, "cannot create temporary file"});
    check(lrnn::writeAllOrNothing(files));
  }

  std::string resourceReport() {
    std::string text;
    {
      Session session(*module->context);
      llvm::raw_string_ostream os(text);
      lrnn::loihi2::printResourceReport(program, os);
    }
    return text;
  }

  py::tuple simulate(py::handle inputs, bool raw) {
    Sequence in =
        readSequence(inputs, sim->getInputSize(), false, "inputs");
    int64_t tokens = in.steps, dOut = sim->getOutputSize();
    std::vector<int64_t> codes;
    std::string report;
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mutex);
      sim->reset();
      std::vector<int64_t> inCodes = sim->quantizeInputs(in.values);
      auto start = std::chrono::steady_clock::now();
      codes = sim->run(inCodes, tokens);
      double seconds = std::chrono::duration<double>(
                           std::chrono::steady_clock::now() - start)
                           .count();
      llvm::raw_string_ostream os(report);
      lrnn::loihi2::writeSimulationReportJson(*sim, name, tokens, seconds, os);
    }
    py::object outputs;
    if (raw) {
      py::array_t<int64_t> out = newArray<int64_t>(tokens, dOut);
      std::copy(codes.begin(), codes.end(), out.mutable_data());
      outputs = out;
    } else {
      py::array_t<float> out = newArray<float>(tokens, dOut);
      float *data = out.mutable_data();
      int exponent = sim->getOutputExponent();
      for (size_t i = 0; i < codes.size(); ++i)
        data[i] = lrnn::FixedInterpreter::dequantize(codes[i], exponent);
      outputs = out;
    }
    return py::make_tuple(outputs, jsonLoads(report));
  }

  std::shared_ptr<Module> module;
  lrnn::loihi2::ProgramOp program;
  std::string name;
  std::unique_ptr<lrnn::loihi2::Simulator> sim;
  std::mutex mutex;
};

//===----------------------------------------------------------------------===//
// Models
//===----------------------------------------------------------------------===//

/// A module holding exactly one lrnn.model. Immutable: transformations
/// return new models.
class PyModel {
public:
  /// Called within a Session on the module's context.
  PyModel(std::shared_ptr<Module> module, lrnn::ModelOp model,
          std::vector<std::string> remarks = {})
      : module(std::move(module)), model(model), remarks(std::move(remarks)) {
    name = model.getSymName().str();
    inputSize = model.getInputType().getDimSize(0);
    outputSize = model.getOutputType().getDimSize(0);
    quantized = lrnn::isQuantizedModel(model);
  }

  std::string mlir(bool debugInfo) { return printText(*module, debugInfo); }

  py::bytes bytecode() {
    std::string bytes;
    {
      Session session(*module->context);
      llvm::raw_string_ostream os(bytes);
      check(lrnn::printModule(module->get(), os, /*bytecode=*/true));
    }
    return py::bytes(bytes);
  }

  void save(const std::string &path, bool bytecode) {
    Session session(*module->context);
    check(lrnn::writeModuleFile(module->get(), path, bytecode));
  }

  /// Runs `build`'s passes on a clone of the module and returns the result.
  py::object transform(const std::function<void(mlir::OpPassManager &)> &build,
                       StringRef what);

  py::object prune(double sparsity, const std::string &scope) {
    return transform(
        [&](mlir::OpPassManager &pm) {
          lrnn::PruneOptions options;
          options.sparsity = sparsity;
          options.scope = scope;
          pm.nest<lrnn::ModelOp>().addPass(lrnn::createPrune(options));
        },
        "prune");
  }

  py::object optimize(std::optional<double> sparsity,
                      const std::string &scope, bool fuse) {
    // lrnnc's float pipeline.
    return transform(
        [&](mlir::OpPassManager &pm) {
          lrnn::OptimizationOptions options;
          if (sparsity) {
            options.prune.emplace();
            options.prune->sparsity = *sparsity;
            options.prune->scope = scope;
          }
          options.fuse = fuse;
          lrnn::buildOptimizationPipeline(pm, options);
        },
        "optimize");
  }

  py::object runPipeline(const std::string &pipeline);
  py::object quantize(py::handle calibration, const std::string &scheme,
                      int headroom);
  py::object costReport(py::handle inputs);
  std::shared_ptr<PyInterpreter> interpreter(bool raw);
  std::shared_ptr<PyCpuModel> compileCpu(int64_t streams);
  std::shared_ptr<PyProgram> compileLoihi2(const std::string &system,
                                           const std::string &mode,
                                           int64_t maxNeuronsPerCore,
                                           const std::string &targetConfig);

  std::shared_ptr<Module> module;
  lrnn::ModelOp model;
  std::vector<std::string> remarks;
  std::string name;
  int64_t inputSize = 0, outputSize = 0;
  bool quantized = false;
};

/// A Python object for `module`: a Model for one lrnn.model, a
/// Loihi2Program for one loihi2.program. Called within a Session; the
/// object is returned as a C++ holder, made Python after the session.
struct Wrapped {
  std::shared_ptr<PyModel> model;
  std::shared_ptr<PyProgram> program;
  py::object toPython() const {
    return model ? py::cast(model) : py::cast(program);
  }
};

Wrapped wrap(std::shared_ptr<Module> module, StringRef name,
             std::vector<std::string> remarks = {}) {
  Contents contents = inspect(module->get());
  if (contents.models.size() == 1 && contents.programs.empty())
    return {std::make_shared<PyModel>(module, contents.models.front(),
                                      std::move(remarks)),
            nullptr};
  if (contents.programs.size() == 1 && contents.models.empty())
    return {nullptr,
            std::make_shared<PyProgram>(module, contents.programs.front())};
  fail(name + ": expected one lrnn.model or one loihi2.program, found " +
       Twine(contents.models.size()) + " lrnn.model and " +
       Twine(contents.programs.size()) + " loihi2.program ops");
}

py::object PyModel::transform(
    const std::function<void(mlir::OpPassManager &)> &build, StringRef what) {
  Wrapped result;
  std::vector<std::string> warnings;
  {
    Session session(*module->context);
    auto clone = std::make_shared<Module>(
        module->context,
        mlir::OwningOpRef<mlir::ModuleOp>(module->get().clone()));
    mlir::PassManager pm(module->context->get(),
                         mlir::ModuleOp::getOperationName());
    build(pm);
    if (mlir::failed(pm.run(clone->get())))
      session.fail(what + " failed");
    warnings = session.takeWarnings();
    result = wrap(clone, what, session.takeRemarks());
  }
  emitWarnings(warnings);
  return result.toPython();
}

/// Captures what is written to file descriptor 2 while alive: llvm::cl,
/// which parses pass options, prints its errors there.
class StderrCapture {
public:
  StderrCapture() {
    llvm::errs().flush();
    std::fflush(stderr);
    file = std::tmpfile();
    if (!file)
      return;
    saved = ::dup(2);
    if (saved < 0 || ::dup2(::fileno(file), 2) < 0) {
      if (saved >= 0)
        ::close(saved);
      saved = -1;
    }
  }
  /// Restores descriptor 2 and returns what was captured.
  std::string finish() {
    std::string text;
    if (saved >= 0) {
      llvm::errs().flush();
      std::fflush(stderr);
      ::dup2(saved, 2);
      ::close(saved);
      saved = -1;
      std::rewind(file);
      char buffer[4096];
      size_t n;
      while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0)
        text.append(buffer, n);
    }
    if (file) {
      std::fclose(file);
      file = nullptr;
    }
    return text;
  }
  ~StderrCapture() { finish(); }

private:
  std::FILE *file = nullptr;
  int saved = -1;
};

/// Parses a textual pipeline into `pm`; errors, including those llvm::cl
/// prints about pass options, become one line in `error`.
bool parsePipeline(StringRef text, mlir::OpPassManager &pm,
                   std::string &error) {
  std::string errors;
  llvm::raw_string_ostream os(errors);
  StderrCapture capture;
  bool ok = mlir::succeeded(mlir::parsePassPipeline(text, pm, os));
  std::string printed = capture.finish();
  if (ok)
    return true;
  StringRef line = StringRef(errors).trim().split('\n').first;
  line.consume_front("MLIR Textual PassPipeline Parser:");
  error = line.str();
  // llvm::cl's ": for the --sparsity option: 'abc' value invalid ...".
  StringRef option = StringRef(printed).trim().split('\n').first;
  option = option.ltrim(": ");
  if (!option.empty())
    error += " (" + option.rtrim("!").str() + ")";
  return false;
}

/// Whether a textual pipeline names a registered pass pipeline (rather than
/// only passes): the names outside option braces.
bool mentionsPassPipeline(StringRef text) {
  int braces = 0;
  std::string name;
  auto flush = [&] {
    bool found = !name.empty() && mlir::PassPipelineInfo::lookup(name);
    name.clear();
    return found;
  };
  for (char c : text) {
    if (c == '{')
      ++braces;
    if (braces == 0 && (std::isalnum(static_cast<unsigned char>(c)) ||
                        c == '-' || c == '_' || c == '.')) {
      name += c;
      continue;
    }
    if (flush())
      return true;
    if (c == '}' && braces > 0)
      --braces;
  }
  return flush();
}

py::object PyModel::runPipeline(const std::string &pipeline) {
  // "builtin.module(...)" or its contents; a pipeline of passes on
  // lrnn.model alone ("lrnn-prune,lrnn-fuse") runs on the model.
  StringRef text = StringRef(pipeline).trim();
  if (text.consume_front("builtin.module(")) {
    if (!text.consume_back(")"))
      fail("pipeline '" + pipeline + "': unbalanced parentheses");
  }
  std::string inner = text.str();
  return transform(
      [&](mlir::OpPassManager &pm) {
        std::string error, modelError;
        mlir::OpPassManager onModule(mlir::ModuleOp::getOperationName());
        if (parsePipeline(inner, onModule, error)) {
          pm = onModule;
          return;
        }
        // A registered pipeline (lrnn-lower-to-llvm) adds its passes without
        // checking their anchor: parsed on lrnn.model, it would abort.
        if (mentionsPassPipeline(inner))
          fail("pipeline '" + pipeline + "': " + error);
        mlir::OpPassManager onModels(lrnn::ModelOp::getOperationName());
        if (!parsePipeline(inner, onModels, modelError))
          // The module-level error unless it is only about the anchor.
          fail("pipeline '" + pipeline + "': " +
               (StringRef(error).contains("restricted to") ? modelError
                                                           : error));
        pm.nest<lrnn::ModelOp>() = onModels;
      },
      "pipeline");
}

py::object PyModel::quantize(py::handle calibration,
                             const std::string &schemeName, int headroom) {
  std::optional<lrnn::QuantizationScheme> scheme =
      lrnn::getQuantizationScheme(schemeName);
  if (!scheme)
    fail("quantize: unknown scheme '" + schemeName +
         "' (expected w8a16 or w8a24)");
  scheme->headroom = headroom;
  if (auto err = lrnn::checkQuantizationScheme(*scheme))
    fail("quantize: " + llvm::toString(std::move(err)));
  if (quantized)
    fail("quantize: the model is quantised already");
  Sequence calib = readSequence(calibration, inputSize, false, "calibration");
  if (calib.steps < 1)
    fail("calibration: needs at least one step, got none");

  Wrapped result;
  std::vector<std::string> warnings;
  {
    Session session(*module->context);
    auto clone = std::make_shared<Module>(
        module->context,
        mlir::OwningOpRef<mlir::ModuleOp>(module->get().clone()));
    lrnn::ModelOp target = unwrap(lrnn::getSingleModel(clone->get(), "model"));

    // Calibrate with the reference interpreter, quantise, and warn of what
    // saturates on the calibration sequence (as lrnnc --quantize).
    auto quantized = lrnn::calibrateAndQuantize(target, calib.values,
                                                calib.steps, "calibration",
                                                *scheme);
    if (!quantized) // the diagnostic on the op says why
      session.fail(llvm::toString(quantized.takeError()));
    lrnn::CalibrationSaturations saturations = std::move(*quantized);
    warnings = session.takeWarnings();
    for (const std::string &line : saturations.describe(""))
      warnings.push_back(line);
    result = wrap(clone, "quantize", session.takeRemarks());
  }
  emitWarnings(warnings);
  return result.toPython();
}

py::object PyModel::costReport(py::handle inputs) {
  std::optional<Sequence> seq;
  if (!inputs.is_none()) {
    seq = readSequence(inputs, inputSize, false, "inputs");
    if (seq->steps < 1)
      fail("inputs: activation statistics need at least one step, got none");
  }
  std::string text;
  {
    Session session(*module->context);
    std::optional<lrnn::ActivationStats> stats;
    if (seq) {
      // Activation sparsity of a run (as lrnn-run --stats).
      stats = unwrap(
          lrnn::collectActivationStats(model, seq->values, seq->steps));
    }
    mlir::FailureOr<lrnn::ModelCost> cost =
        lrnn::computeModelCost(model, stats ? &*stats : nullptr);
    if (mlir::failed(cost))
      session.fail("cost report failed");
    llvm::raw_string_ostream os(text);
    lrnn::printCostReportJson({*cost}, stats ? "<inputs>" : "", os);
  }
  return jsonLoads(text);
}

std::shared_ptr<PyInterpreter> PyModel::interpreter(bool raw) {
  Session session(*module->context);
  return std::make_shared<PyInterpreter>(module, model, raw);
}

std::shared_ptr<PyCpuModel> PyModel::compileCpu(int64_t streams) {
  if (streams < 1 || streams > (int64_t(1) << 20))
    fail("streams must be within 1..1048576, got " + Twine(streams));
  std::unique_ptr<lrnn::CpuModel> compiled;
  {
    Session session(*module->context);
    // As lrnn-run --backend=cpu: lower a clone, JIT it for this host.
    int64_t stateBytes = lrnn::getCpuStateBytes(model);
    Module lowered(module->context,
                   mlir::OwningOpRef<mlir::ModuleOp>(module->get().clone()));
    mlir::PassManager pm(module->context->get(),
                         mlir::ModuleOp::getOperationName());
    lrnn::buildLowerToLLVMPipeline(pm);
    if (mlir::failed(pm.run(lowered.get())))
      session.failWith("cannot lower the model for the CPU");
    compiled = unwrap(lrnn::CpuModel::jit(lowered.get(), name, inputSize,
                                          outputSize, stateBytes));
  }
  return std::make_shared<PyCpuModel>(std::move(compiled), streams,
                                      quantized);
}

std::shared_ptr<PyProgram>
PyModel::compileLoihi2(const std::string &system, const std::string &modeName,
                       int64_t maxNeuronsPerCore,
                       const std::string &targetConfig) {
  // The checks and steps of lrnnc --target=loihi2.
  if (!quantized)
    fail("loihi2: needs a quantised model (Model.quantize); this one is a "
         "float model (Loihi 2 executes integer models)");
  std::optional<lrnn::loihi2::ExecutionMode> mode =
      lrnn::loihi2::symbolizeExecutionMode(modeName);
  if (!mode)
    fail("loihi2: mode must be fall-through or pipelined, got '" + modeName +
         "'");
  lrnn::loihi2::TargetDescription target =
      targetConfig.empty() ? lrnn::loihi2::getDefaultTargetDescription()
                           : unwrap(lrnn::loihi2::loadTargetDescription(
                                 targetConfig));
  if (auto found = target.getSystem(system); !found)
    fail("loihi2: system: " + llvm::toString(found.takeError()));
  if (maxNeuronsPerCore < 0 || maxNeuronsPerCore > target.neuronsPerCore)
    fail("loihi2: max_neurons_per_core must be within 0.." +
         Twine(target.neuronsPerCore) + " (neurons_per_core), got " +
         Twine(maxNeuronsPerCore));
  Wrapped result;
  {
    Session session(*module->context);
    auto clone = std::make_shared<Module>(
        module->context,
        mlir::OwningOpRef<mlir::ModuleOp>(module->get().clone()));
    lrnn::Loihi2LoweringOptions lowering;
    lowering.target = &target;
    lowering.embedTarget = true;
    lowering.system = system;
    lowering.mode = *mode;
    if (mlir::failed(lrnn::lowerToLoihi2(clone->get(), lowering)))
      session.failWith("cannot compile the model for Loihi 2");
    lrnn::loihi2::PlaceOptions place;
    place.maxNeuronsPerCore = maxNeuronsPerCore;
    for (auto program : clone->get().getOps<lrnn::loihi2::ProgramOp>())
      if (mlir::failed(lrnn::loihi2::placeProgram(program, place)))
        session.failWith("cannot place the model on Loihi 2");
    result = wrap(clone, "loihi2");
  }
  if (!result.program)
    fail("loihi2: the lowering produced no loihi2.program");
  return result.program;
}

//===----------------------------------------------------------------------===//
// Module-level functions
//===----------------------------------------------------------------------===//

py::object load(const std::string &path, double maxSparseDensity,
                const std::string &name) {
  auto context = std::make_shared<Context>();
  Wrapped result;
  {
    Session session(*context);
    mlir::OwningOpRef<mlir::ModuleOp> module;
    if (StringRef(path).ends_with(".l2")) {
      module = unwrap(lrnn::loihi2::loadProgramFile(path, context->get()));
    } else {
      lrnn::ImportOptions options;
      options.maxSparseDensity = maxSparseDensity;
      options.modelName = name;
      module = unwrap(lrnn::loadModelFile(path, context->get(), options));
    }
    result = wrap(std::make_shared<Module>(context, std::move(module)), path);
  }
  return result.toPython();
}

py::object parse(py::handle source, const std::string &name) {
  std::string bytes;
  if (py::isinstance<py::str>(source))
    bytes = source.cast<std::string>();
  else if (py::isinstance<py::bytes>(source))
    bytes = std::string(py::reinterpret_borrow<py::bytes>(source));
  else
    fail("parse: expected MLIR text (str) or bytecode (bytes), got an object "
         "of type " +
         std::string(py::str(py::type::of(source).attr("__name__"))));
  auto context = std::make_shared<Context>();
  Wrapped result;
  {
    Session session(*context);
    auto module =
        unwrap(lrnn::parseModelSource(bytes, name, context->get()));
    result = wrap(std::make_shared<Module>(context, std::move(module)), name);
  }
  return result.toPython();
}

std::shared_ptr<PyModel> fromArrays(py::handle config, py::handle tensors,
                                    double maxSparseDensity,
                                    const std::string &name,
                                    const std::string &source) {
  std::string json = configJson(config);
  std::map<std::string, lrnn::SafetensorsTensor> values =
      readTensors(tensors, source);
  auto context = std::make_shared<Context>();
  Wrapped result;
  {
    Session session(*context);
    lrnn::ImportOptions options;
    options.maxSparseDensity = maxSparseDensity;
    options.modelName = name;
    auto module = unwrap(lrnn::importModelFromMemory(
        json, std::move(values), context->get(), source, options));
    result = wrap(std::make_shared<Module>(context, std::move(module)), source);
  }
  return result.model;
}

py::dict parseConfig(py::handle config) {
  lrnn::ModelConfig c = unwrap(lrnn::parseModelConfig(configJson(config)));
  py::dict d;
  d["format"] = "lrnn-s5/1";
  d["d_input"] = c.dInput;
  d["d_model"] = c.dModel;
  d["d_state"] = c.dState;
  d["d_output"] = c.dOutput;
  d["n_layers"] = c.nLayers;
  d["conj_sym"] = c.conjSym;
  d["discretization"] = c.discretization;
  d["step_rescale"] = c.stepRescale;
  d["norm"] = c.norm;
  d["norm_position"] = c.normPosition;
  d["bn_eps"] = c.bnEps;
  d["encoder_activation"] = c.encoderActivation;
  d["activation"] = c.activation;
  d["state_activation"] = c.stateActivation;
  d["glu"] = c.glu;
  d["residual_activation"] = c.residualActivation;
  return d;
}

void writeInterchange(const std::string &path, py::handle config,
                      py::handle tensors) {
  std::string json = configJson(config);
  std::map<std::string, lrnn::SafetensorsTensor> values =
      readTensors(tensors, path);
  auto context = std::make_shared<Context>();
  Session session(*context);
  // Only a model lrnn can import is written.
  lrnn::SafetensorsFile file;
  file.metadata["lrnn.config"] = json;
  file.tensors = values;
  unwrap(lrnn::importModelFromMemory(json, std::move(values), context->get(),
                                     path));
  std::vector<lrnn::PendingFile> files;
  files.push_back({path, lrnn::serializeSafetensors(file),
                   "cannot create temporary file"});
  check(lrnn::writeAllOrNothing(files));
}

} // namespace

//===----------------------------------------------------------------------===//
// The module
//===----------------------------------------------------------------------===//

PYBIND11_MODULE(_lrnn, m) {
  m.doc() = "lrnn's C++ API (see the package lrnn for the documentation).";
  lrnn::registerAllPasses();

  auto &error = py::register_exception<LrnnError>(m, "Error",
                                                 PyExc_RuntimeError);
  error.attr("__doc__") =
      "An error of the lrnn compiler: a bad model, array, option or pass, "
      "with the one-line message the command-line tools print.";
  compilerWarning =
      PyErr_NewExceptionWithDoc("lrnn.CompilerWarning",
                                "A warning of the lrnn compiler (e.g. values "
                                "that saturate after quantisation).",
                                PyExc_UserWarning, nullptr);
  if (!compilerWarning)
    throw py::error_already_set();
  m.attr("CompilerWarning") = py::handle(compilerWarning);

  py::class_<PyModel, std::shared_ptr<PyModel>>(m, "Model", R"doc(
An lrnn model: a module holding one ``lrnn.model`` (float or quantised).

Create one with :func:`lrnn.load`, :func:`lrnn.parse` or
:func:`lrnn.from_arrays`. Models are immutable: every transformation
returns a new model, and the original stays valid.
)doc")
      .def_property_readonly(
          "name", [](const PyModel &m) { return m.name; },
          "Symbol name of the lrnn.model.")
      .def_property_readonly(
          "input_size", [](const PyModel &m) { return m.inputSize; },
          "Input features per step (d_input).")
      .def_property_readonly(
          "output_size", [](const PyModel &m) { return m.outputSize; },
          "Output features per step (d_output).")
      .def_property_readonly(
          "quantized", [](const PyModel &m) { return m.quantized; },
          "Whether the model is an integer (fixed-point) model.")
      .def_property_readonly(
          "remarks", [](const PyModel &m) { return m.remarks; },
          "What the passes that produced this model reported (remarks).")
      .def("mlir", &PyModel::mlir, py::arg("debug_info") = false,
           "The model as MLIR text; with debug_info, with the locations "
           "that name each op after its tensors.")
      .def("__str__", [](PyModel &m) { return m.mlir(false); })
      .def("__repr__",
           [](const PyModel &m) {
             return "<lrnn.Model @" + m.name + ": " +
                    std::to_string(m.inputSize) + " -> " +
                    std::to_string(m.outputSize) +
                    (m.quantized ? ", quantised>" : ", float>");
           })
      .def("bytecode", &PyModel::bytecode, "The model as MLIR bytecode.")
      .def("save", &PyModel::save, py::arg("path"),
           py::arg("bytecode") = false,
           "Writes the model as MLIR text (or bytecode) to `path`; nothing "
           "is left there on failure.")
      .def("prune", &PyModel::prune, py::arg("sparsity"),
           py::arg("scope") = "erk",
           "Magnitude pruning (--lrnn-prune): sets the fraction `sparsity` "
           "of the prunable weights to zero, distributed by `scope` "
           "('global', 'per-layer' or 'erk'). Returns a new model.")
      .def(
          "fold_norm",
          [](PyModel &m) {
            return m.transform(
                [](mlir::OpPassManager &pm) {
                  pm.nest<lrnn::ModelOp>().addPass(lrnn::createFoldNorm());
                },
                "fold_norm");
          },
          "Folds batch normalisation into the linear ops around it "
          "(--lrnn-fold-norm). Returns a new model.")
      .def(
          "eliminate_dead",
          [](PyModel &m) {
            return m.transform(
                [](mlir::OpPassManager &pm) {
                  pm.nest<lrnn::ModelOp>().addPass(
                      lrnn::createEliminateDead());
                },
                "eliminate_dead");
          },
          "Removes dead complex states and dead or constant channels "
          "(--lrnn-eliminate-dead). Returns a new model.")
      .def(
          "fuse",
          [](PyModel &m) {
            return m.transform(
                [](mlir::OpPassManager &pm) {
                  pm.nest<lrnn::ModelOp>().addPass(lrnn::createFuse());
                  pm.nest<lrnn::ModelOp>().addPass(mlir::createCSEPass());
                },
                "fuse");
          },
          "Pruning-aware fusion (--lrnn-fuse, then CSE as lrnnc runs it). "
          "Returns a new model.")
      .def(
          "select_weight_format",
          [](PyModel &m, double maxSparseDensity) {
            return m.transform(
                [&](mlir::OpPassManager &pm) {
                  lrnn::SelectWeightFormatOptions options;
                  options.maxSparseDensity = maxSparseDensity;
                  pm.nest<lrnn::ModelOp>().addPass(
                      lrnn::createSelectWeightFormat(options));
                },
                "select_weight_format");
          },
          py::arg("max_sparse_density") = 0.5,
          "Stores every weight sparse when at most this dense, dense "
          "otherwise (--lrnn-select-weight-format). Returns a new model.")
      .def("optimize", &PyModel::optimize, py::arg("sparsity") = py::none(),
           py::arg("scope") = "erk", py::arg("fuse") = true,
           "lrnnc's sparsity pipeline: prune (with `sparsity`), fold "
           "normalisation, eliminate dead states and channels, then fuse "
           "(unless fuse=False, e.g. before quantize). Returns a new model.")
      .def("run_pipeline", &PyModel::runPipeline, py::arg("pipeline"),
           "Runs a textual pass pipeline as lrnn-opt does, e.g. "
           "'lrnn-prune{sparsity=0.5 scope=global},lrnn-fold-norm' (passes "
           "on lrnn.model nest implicitly; 'builtin.module(...)' is "
           "accepted too). Returns a Model, or a Loihi2Program when the "
           "pipeline lowered the model to one.")
      .def("quantize", &PyModel::quantize, py::arg("calibration"),
           py::arg("scheme") = "w8a16", py::arg("headroom") = 0,
           "Quantises a float model to an integer model (as lrnnc "
           "--quantize): calibrates every range on `calibration` ([T, "
           "d_input] floats) with the reference interpreter, then warns "
           "(CompilerWarning) about every op that saturates on it. Returns a "
           "new model.")
      .def("cost_report", &PyModel::costReport,
           py::arg("inputs") = py::none(),
           "The cost report (--lrnn-cost-report, format lrnn-cost-report/1) "
           "as a dict: parameters, non-zeros, dense and effective MACs and "
           "memory, per op and in total. With `inputs` ([T, d_input]), "
           "also the MACs with zero activations skipped, measured on that "
           "run.")
      .def("interpreter", &PyModel::interpreter, py::arg("raw") = false,
           "A reference interpreter of this model, at the zero state: float "
           "(double precision) or integer (bit-exact fixed point, "
           "docs/fixed-point.md); with raw=True a quantised model returns "
           "its int64 output codes instead of dequantised float32.")
      .def(
          "interpret",
          [](PyModel &m, py::handle inputs, bool raw) {
            return m.interpreter(raw)->run(inputs);
          },
          py::arg("inputs"), py::arg("raw") = false,
          "Runs the reference interpreter from the zero state on `inputs` "
          "([T, d_input] float32/float64) and returns [T, d_output]: "
          "float64 for a float model, dequantised float32 (or int64 codes "
          "with raw=True) for a quantised one.")
      .def("_compile_cpu", &PyModel::compileCpu, py::arg("streams") = 1)
      .def("_compile_loihi2", &PyModel::compileLoihi2,
           py::arg("system") = "oheo-gulch", py::arg("mode") = "fall-through",
           py::arg("max_neurons_per_core") = 0,
           py::arg("target_config") = "");

  py::class_<PyInterpreter, std::shared_ptr<PyInterpreter>>(
      m, "Interpreter", R"doc(
The reference interpreter of a model (Model.interpreter()): stateful, one
step at a time. Float models run in double precision; quantised models with
exact integers, their float input quantised at the input exponent.
)doc")
      .def_readonly("input_size", &PyInterpreter::inputSize)
      .def_readonly("output_size", &PyInterpreter::outputSize)
      .def_property_readonly("quantized", &PyInterpreter::quantized)
      .def("step", &PyInterpreter::step, py::arg("frame"),
           "Runs one step on `frame` ([d_input]) and returns the output "
           "([d_output]).")
      .def("run", &PyInterpreter::run, py::arg("inputs"),
           "Runs every row of `inputs` ([T, d_input]) from the current state "
           "and returns [T, d_output]. The GIL is released meanwhile.")
      .def("reset", &PyInterpreter::reset,
           "Sets the state back to zero (the state before the first step).")
      .def("saturations", &PyInterpreter::saturations,
           "Quantised models: saturation counts since creation, {'steps', "
           "'input', 'total', 'ops': [{'index', 'op', 'location', "
           "'count'}]}.");

  py::class_<PyCpuModel, std::shared_ptr<PyCpuModel>>(m, "CpuModel", R"doc(
A model compiled to native code for this CPU (Model.compile('cpu')), with
`streams` independent states, all zero after compilation. Float models
compute in float32, quantised ones in the integer arithmetic of the integer
interpreter (bit-exact); both take and return float32.
)doc")
      .def_property_readonly(
          "name", [](const PyCpuModel &c) { return c.model->name().str(); })
      .def_property_readonly("input_size", &PyCpuModel::inputSize)
      .def_property_readonly("output_size", &PyCpuModel::outputSize)
      .def_property_readonly(
          "state_bytes",
          [](const PyCpuModel &c) { return c.model->stateBytes(); },
          "Bytes of one stream's state.")
      .def_readonly("streams", &PyCpuModel::streams,
                    "Number of independent streams.")
      .def_readonly("quantized", &PyCpuModel::quantized)
      .def("step", &PyCpuModel::step, py::arg("frame"), py::arg("stream") = 0,
           "One step of stream `stream`: `frame` [d_input] in, [d_output] "
           "float32 out.")
      .def("step_batch", &PyCpuModel::stepBatch, py::arg("frames"),
           "One step of every stream at once (NAME_step_batch): `frames` "
           "[streams, d_input] in, [streams, d_output] out.")
      .def("run", &PyCpuModel::run, py::arg("inputs"), py::arg("stream") = 0,
           "Runs stream `stream` over `inputs` [T, d_input] from its current "
           "state and returns [T, d_output]. The GIL is released meanwhile.")
      .def("run_batch", &PyCpuModel::runBatch, py::arg("inputs"),
           "Runs every stream over its own sequence, `inputs` [streams, T, "
           "d_input], in lockstep, and returns [streams, T, d_output].")
      .def("reset", &PyCpuModel::reset, py::arg("stream") = py::none(),
           "Zeroes the state of stream `stream`, or of every stream.");

  py::class_<PyProgram, std::shared_ptr<PyProgram>>(m, "Loihi2Program", R"doc(
A quantised model compiled for Loihi 2 (Model.compile('loihi2')): a placed
``loihi2.program``, and its functional simulator.
)doc")
      .def_readonly("name", &PyProgram::name)
      .def_property_readonly(
          "input_size", [](const PyProgram &p) { return p.sim->getInputSize(); })
      .def_property_readonly(
          "output_size",
          [](const PyProgram &p) { return p.sim->getOutputSize(); })
      .def_property_readonly(
          "latency", [](const PyProgram &p) { return p.sim->getLatency(); },
          "Time steps between a token's input and its output.")
      .def_property_readonly(
          "system",
          [](const PyProgram &p) { return p.sim->getSystemName().str(); })
      .def_property_readonly(
          "mode",
          [](const PyProgram &p) {
            return lrnn::loihi2::stringifyExecutionMode(p.sim->getMode())
                .str();
          })
      .def_property_readonly(
          "chips_used",
          [](const PyProgram &p) { return p.sim->getChipsUsed(); })
      .def("mlir", &PyProgram::mlir, py::arg("debug_info") = false,
           "The program as MLIR text.")
      .def("__str__", [](PyProgram &p) { return p.mlir(false); })
      .def("__repr__",
           [](const PyProgram &p) {
             return "<lrnn.Loihi2Program @" + p.name + ": " +
                    std::to_string(p.sim->getInputSize()) + " -> " +
                    std::to_string(p.sim->getOutputSize()) + ">";
           })
      .def("save", &PyProgram::save, py::arg("path"),
           "Writes the Loihi 2 program file (.l2, "
           "docs/loihi2-program-file.md) that lrnn-sim runs.")
      .def("resource_report", &PyProgram::resourceReport,
           "Cores, neurons, memory and synapses per core and mesh traffic "
           "(--loihi2-resource-report), as text.")
      .def("simulate", &PyProgram::simulate, py::arg("inputs"),
           py::arg("raw") = false,
           "Runs `inputs` ([T, d_input] floats, quantised at the input "
           "exponent) on the functional simulator from the zero state and "
           "returns (outputs, report): [T, d_output] dequantised float32 "
           "(int64 codes with raw=True), bit-exact with the integer "
           "interpreter, and the report lrnn-loihi2-sim/1 as a dict (counts, "
           "per-step and per-core statistics, latency/energy/power "
           "estimates). The GIL is released meanwhile.");

  m.def("load", &load, py::arg("path"), py::arg("max_sparse_density") = 0.5,
        py::arg("name") = "model", R"doc(
Loads a model file: an interchange file (.safetensors, imported as lrnn-import
does, with weights at most `max_sparse_density` dense stored sparse and the
model named `name`), MLIR text or bytecode, or a Loihi 2 program file (.l2).
Returns a Model, or a Loihi2Program for a loihi2.program.
)doc");
  m.def("parse", &parse, py::arg("source"), py::arg("name") = "<string>",
        "Parses MLIR text (str) or bytecode (bytes) holding one lrnn.model "
        "(returns a Model) or one loihi2.program (a Loihi2Program); `name` "
        "stands for the file name in errors.");
  m.def("from_arrays", &fromArrays, py::arg("config"), py::arg("tensors"),
        py::arg("max_sparse_density") = 0.5, py::arg("name") = "model",
        py::arg("source") = "<arrays>", R"doc(
Builds a model from a configuration (a dict with the keys of lrnn.config, or
its JSON text) and a dict of float32/float64 numpy arrays named as the
interchange format's tensors, without touching disk. Everything the importer
checks of a file is checked (shapes, missing or extra tensors, NaN/Inf,
negative variances, ...); `source` names the model in errors and locations.
)doc");
  m.def("parse_config", &parseConfig, py::arg("config"),
        "Checks an lrnn.config (dict or JSON text) and returns it with every "
        "default applied.");
  m.def("write_interchange", &writeInterchange, py::arg("path"),
        py::arg("config"), py::arg("tensors"),
        "Writes an interchange file (.safetensors, lrnn-s5/1) of a "
        "configuration and its tensors, after checking that they import; "
        "nothing is written on failure.");
}
