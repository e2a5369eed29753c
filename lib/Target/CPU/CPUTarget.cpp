//===- CPUTarget.cpp - Run or emit lowered lrnn models on the host --------===//

#include "lrnn/Target/CPU/CPUTarget.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMTypes.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"
#include "llvm/TargetParser/Triple.h"

#include <cstdlib>
#include <cstring>

using namespace mlir;
using namespace lrnn;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

//===----------------------------------------------------------------------===//
// The ABI of a lowered module
//===----------------------------------------------------------------------===//

namespace {
/// The suffixes of the three size globals, in LoweredModelInfo's order.
constexpr const char *kInputSize = "_input_size";
constexpr const char *kOutputSize = "_output_size";
constexpr const char *kStateBytes = "_state_bytes";
} // namespace

/// The value of the i64 constant global `symbol`.
static llvm::Expected<int64_t> readSizeGlobal(ModuleOp module,
                                              const std::string &symbol) {
  auto global = module.lookupSymbol<LLVM::GlobalOp>(symbol);
  if (!global)
    return makeError("lowered module: missing global @" + symbol);
  auto value = llvm::dyn_cast_if_present<IntegerAttr>(global.getValueOrNull());
  if (!global.getConstant() || !global.getGlobalType().isInteger(64) ||
      !value || !value.getType().isInteger(64))
    return makeError("lowered module: @" + symbol +
                     " is not an i64 constant with a value");
  return value.getInt();
}

/// Checks that `symbol` is a defined llvm.func returning void with
/// parameters `params`.
static llvm::Error checkFunction(ModuleOp module, const std::string &symbol,
                                 llvm::ArrayRef<Type> params,
                                 llvm::StringRef signature) {
  auto func = module.lookupSymbol<LLVM::LLVMFuncOp>(symbol);
  if (!func)
    return makeError("lowered module: missing function @" + symbol);
  LLVM::LLVMFunctionType type = func.getFunctionType();
  if (func.isExternal() || type.isVarArg() ||
      !llvm::isa<LLVM::LLVMVoidType>(type.getReturnType()) ||
      type.getParams() != params)
    return makeError("lowered module: @" + symbol +
                     " must be defined as " + signature);
  return llvm::Error::success();
}

llvm::Expected<LoweredModelInfo>
lrnn::findLoweredModel(ModuleOp module, llvm::StringRef name) {
  LoweredModelInfo info;
  if (name.empty()) {
    llvm::SmallVector<std::string> names;
    for (auto global : module.getOps<LLVM::GlobalOp>())
      if (global.getSymName().ends_with(kStateBytes))
        names.push_back(
            global.getSymName().drop_back(strlen(kStateBytes)).str());
    if (names.empty())
      return makeError("no lowered lrnn model in the module (no global "
                       "@NAME_state_bytes; lower it with "
                       "--lrnn-lower-to-llvm)");
    if (names.size() > 1)
      return makeError("the module holds " + llvm::Twine(names.size()) +
                       " lowered models (" + llvm::join(names, ", ") +
                       "); expected one");
    info.name = names.front();
  } else {
    info.name = name.str();
  }

  for (auto [suffix, field] :
       {std::make_pair(kInputSize, &info.inputSize),
        std::make_pair(kOutputSize, &info.outputSize),
        std::make_pair(kStateBytes, &info.stateBytes)}) {
    auto value = readSizeGlobal(module, info.name + suffix);
    if (!value)
      return value.takeError();
    *field = *value;
  }
  if (info.inputSize < 1 || info.outputSize < 1 || info.stateBytes < 0)
    return makeError("lowered module: model '" + info.name +
                     "' has invalid sizes (input " +
                     llvm::Twine(info.inputSize) + ", output " +
                     llvm::Twine(info.outputSize) + ", state bytes " +
                     llvm::Twine(info.stateBytes) + ")");

  MLIRContext *context = module.getContext();
  Type ptr = LLVM::LLVMPointerType::get(context);
  Type i64 = IntegerType::get(context, 64);
  if (auto err = checkFunction(module, info.name + "_step", {ptr, ptr, ptr},
                               "(!llvm.ptr, !llvm.ptr, !llvm.ptr) -> void"))
    return std::move(err);
  if (auto err = checkFunction(module, info.name + "_reset", {ptr},
                               "(!llvm.ptr) -> void"))
    return std::move(err);
  if (auto err = checkFunction(
          module, info.name + "_step_batch", {ptr, ptr, ptr, i64},
          "(!llvm.ptr, !llvm.ptr, !llvm.ptr, i64) -> void"))
    return std::move(err);
  return info;
}

//===----------------------------------------------------------------------===//
// The host target
//===----------------------------------------------------------------------===//

static void initializeNativeTarget() {
  static const bool initialized = [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    return true;
  }();
  (void)initialized;
}

static void registerTranslations(MLIRContext *context) {
  DialectRegistry registry;
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  context->appendDialectRegistry(registry);
}

/// A target machine for the host CPU with all its features, generating code
/// at -O3, position independent (an object file links into a PIE).
static llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createHostTargetMachine(bool forJit) {
  initializeNativeTarget();
  llvm::Triple triple(llvm::sys::getProcessTriple());
  std::string error;
  const llvm::Target *target = llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return makeError("no code generator for the host " + triple.str() + ": " +
                     error);
  llvm::SubtargetFeatures features;
  for (const auto &feature : llvm::sys::getHostCPUFeatures())
    features.AddFeature(feature.first(), feature.second);
  llvm::TargetOptions options;
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, llvm::sys::getHostCPUName(), features.getString(), options,
      llvm::Reloc::PIC_, std::nullopt, llvm::CodeGenOptLevel::Aggressive,
      forJit));
  if (!machine)
    return makeError("cannot create a target machine for the host " +
                     triple.str());
  return std::move(machine);
}

//===----------------------------------------------------------------------===//
// CpuModel
//===----------------------------------------------------------------------===//

void CpuModel::FreeAligned::operator()(void *p) const { std::free(p); }

CpuModel::~CpuModel() = default;

llvm::Expected<std::unique_ptr<CpuModel>>
CpuModel::jit(ModuleOp llvmDialectModule, llvm::StringRef modelName,
              int64_t inputSize, int64_t outputSize, int64_t stateBytes) {
  auto info = findLoweredModel(llvmDialectModule, modelName);
  if (!info)
    return info.takeError();
  llvm::StringRef name = info->name;
  auto mismatch = [&](const char *what, int64_t found, int64_t expected) {
    return makeError("lowered model '" + name + "': " + what + " is " +
                     llvm::Twine(found) + ", expected " +
                     llvm::Twine(expected));
  };
  if (info->inputSize != inputSize)
    return mismatch("the input size", info->inputSize, inputSize);
  if (info->outputSize != outputSize)
    return mismatch("the output size", info->outputSize, outputSize);
  if (info->stateBytes != stateBytes)
    return mismatch("the state size in bytes", info->stateBytes, stateBytes);

  registerTranslations(llvmDialectModule.getContext());
  auto machine = createHostTargetMachine(/*forJit=*/true);
  if (!machine)
    return machine.takeError();
  // The -O3 pipeline sees the host's target machine: its cost model lets
  // the vectorisers use the widest vectors the CPU has.
  std::function<llvm::Error(llvm::Module *)> optimize =
      makeOptimizingTransformer(/*optLevel=*/3, /*sizeLevel=*/0,
                                machine->get());
  ExecutionEngineOptions options;
  options.transformer = optimize;
  options.jitCodeGenOptLevel = llvm::CodeGenOptLevel::Aggressive;
  options.enablePerfNotificationListener = false;
  auto engine =
      ExecutionEngine::create(llvmDialectModule, options, std::move(*machine));
  if (!engine)
    return makeError("cannot JIT-compile model '" + name + "': " +
                     llvm::toString(engine.takeError()));
  (*engine)->initialize();

  std::unique_ptr<CpuModel> model(new CpuModel());
  auto lookup = [&](llvm::StringRef suffix) -> llvm::Expected<void *> {
    std::string symbol = (name + suffix).str();
    auto address = (*engine)->lookup(symbol);
    if (!address)
      return makeError("cannot find " + symbol + " in the compiled model: " +
                       llvm::toString(address.takeError()));
    return *address;
  };
  auto step = lookup("_step");
  if (!step)
    return step.takeError();
  auto reset = lookup("_reset");
  if (!reset)
    return reset.takeError();
  auto stepBatch = lookup("_step_batch");
  if (!stepBatch)
    return stepBatch.takeError();
  model->stepFn = reinterpret_cast<StepFn>(*step);
  model->resetFn = reinterpret_cast<ResetFn>(*reset);
  model->stepBatchFn = reinterpret_cast<StepBatchFn>(*stepBatch);
  model->engine = std::move(*engine);
  model->modelName = name.str();
  model->dIn = inputSize;
  model->dOut = outputSize;
  model->numStateBytes = stateBytes;

  // aligned_alloc wants a multiple of the alignment.
  size_t bytes = static_cast<size_t>(stateBytes);
  bytes = std::max<size_t>(64, (bytes + 63) / 64 * 64);
  void *state = std::aligned_alloc(64, bytes);
  if (!state)
    return makeError("cannot allocate the state of model '" + name + "' (" +
                     llvm::Twine(stateBytes) + " bytes)");
  std::memset(state, 0, bytes);
  model->ownState.reset(state);
  return std::move(model);
}

void CpuModel::run(const float *inputs, int64_t steps, float *outputs) {
  void *state = ownState.get();
  reset(state);
  for (int64_t t = 0; t < steps; ++t)
    step(state, inputs + t * dIn, outputs + t * dOut);
}

//===----------------------------------------------------------------------===//
// Object files
//===----------------------------------------------------------------------===//

llvm::Error lrnn::emitObjectFile(ModuleOp llvmDialectModule,
                                 llvm::raw_ostream &os) {
  registerTranslations(llvmDialectModule.getContext());
  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(llvmDialectModule, llvmContext);
  if (!llvmModule)
    return makeError("cannot translate the module to LLVM IR (it must hold "
                     "LLVM-dialect ops only)");
  auto machine = createHostTargetMachine(/*forJit=*/false);
  if (!machine)
    return machine.takeError();
  llvmModule->setDataLayout((*machine)->createDataLayout());
  llvmModule->setTargetTriple((*machine)->getTargetTriple());
  if (auto err = makeOptimizingTransformer(/*optLevel=*/3, /*sizeLevel=*/0,
                                           machine->get())(llvmModule.get()))
    return err;

  // Object writers may seek back; a memory buffer supports that whatever
  // `os` is (a pipe, stdout).
  llvm::SmallVector<char, 0> object;
  llvm::raw_svector_ostream objectStream(object);
  llvm::legacy::PassManager codegen;
  if ((*machine)->addPassesToEmitFile(codegen, objectStream, nullptr,
                                      llvm::CodeGenFileType::ObjectFile))
    return makeError("the host target cannot emit object files");
  codegen.run(*llvmModule);
  os.write(object.data(), object.size());
  return llvm::Error::success();
}

llvm::Error lrnn::emitObjectFile(ModuleOp llvmDialectModule,
                                 llvm::StringRef path) {
  // ToolOutputFile deletes the file unless keep() is reached.
  std::error_code ec;
  llvm::ToolOutputFile output(path, ec, llvm::sys::fs::OF_None);
  if (ec)
    return makeError(path + ": cannot open for writing: " + ec.message());
  if (auto err = emitObjectFile(llvmDialectModule, output.os()))
    return makeError(path + ": " + llvm::toString(std::move(err)));
  output.os().flush();
  if (output.os().has_error()) {
    std::error_code error = output.os().error();
    output.os().clear_error(); // Otherwise the stream aborts when destroyed.
    return makeError(path + ": write failed: " + error.message());
  }
  output.keep();
  return llvm::Error::success();
}

//===----------------------------------------------------------------------===//
// The C header
//===----------------------------------------------------------------------===//

bool lrnn::isValidCModelName(llvm::StringRef name) {
  if (name.empty() || name.front() == '_' || llvm::isDigit(name.front()))
    return false;
  if (!llvm::all_of(name, [](char c) { return llvm::isAlnum(c) || c == '_'; }))
    return false;
  // C23 and C++20 keywords (and alternative tokens), which no symbol may be.
  static const llvm::StringSet<> keywords = {
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor",
      "bool", "break", "case", "catch", "char", "char8_t", "char16_t",
      "char32_t", "class", "compl", "concept", "const", "consteval",
      "constexpr", "constinit", "const_cast", "continue", "co_await",
      "co_return", "co_yield", "decltype", "default", "delete", "do",
      "double", "dynamic_cast", "else", "enum", "explicit", "export",
      "extern", "false", "float", "for", "friend", "goto", "if", "inline",
      "int", "long", "mutable", "namespace", "new", "noexcept", "not",
      "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected",
      "public", "register", "reinterpret_cast", "requires", "restrict",
      "return", "short", "signed", "sizeof", "static", "static_assert",
      "static_cast", "struct", "switch", "template", "this", "thread_local",
      "throw", "true", "try", "typedef", "typeid", "typename", "typeof",
      "typeof_unqual", "union", "unsigned", "using", "virtual", "void",
      "volatile", "wchar_t", "while", "xor", "xor_eq"};
  return !keywords.contains(name);
}

void lrnn::emitCHeader(llvm::raw_ostream &os, llvm::StringRef name,
                       int64_t inputSize, int64_t outputSize,
                       int64_t stateBytes, bool quantized) {
  std::string guard = "LRNN_" + name.upper() + "_H";
  std::string n = name.str();
  os << "/* The C interface of the lrnn model '" << n
     << "', compiled by lrnnc --target=cpu\n"
     << " * for this host's CPU. Generated; do not edit.\n"
     << " *\n"
     << " * The model maps a sequence of " << inputSize
     << "-float inputs to a sequence of " << outputSize << "-float\n"
     << " * outputs, one step at a time, carrying a recurrent state of "
     << stateBytes << " bytes\n"
     << " * between steps.";
  if (quantized)
    os << " The model is quantised: it computes in fixed point\n"
       << " * (docs/fixed-point.md), quantising each input at its exponent "
          "(saturating)\n"
       << " * and dequantising each output; the interface is float all the "
          "same.";
  os << "\n"
     << " *\n"
     << " * Thread safety: the code keeps nothing but the state you pass; "
        "calls on\n"
     << " * separate states are independent and may run concurrently. No "
        "function\n"
     << " * allocates memory (the step uses the stack only).\n"
     << " *\n"
     << " * A state is " << n << "_state_bytes (= " << n
     << "_STATE_BYTES) bytes with 4-byte\n"
     << " * alignment: from malloc, or static storage such as\n"
     << " *   static float state[" << n
     << "_STATE_BYTES / sizeof(float) + 1];\n"
     << " */\n"
     << "#ifndef " << guard << "\n"
     << "#define " << guard << "\n\n"
     << "#include <stddef.h>\n"
     << "#include <stdint.h>\n\n"
     << "/* Floats per input and per output vector; bytes per state. */\n"
     << "#define " << n << "_INPUT_SIZE " << inputSize << "\n"
     << "#define " << n << "_OUTPUT_SIZE " << outputSize << "\n"
     << "#define " << n << "_STATE_BYTES " << stateBytes << "\n\n"
     << "#ifdef __cplusplus\n"
     << "extern \"C\" {\n"
     << "#endif\n\n"
     << "/* The same sizes, as constants of the object file. */\n"
     << "extern const int64_t " << n << "_input_size;\n"
     << "extern const int64_t " << n << "_output_size;\n"
     << "extern const int64_t " << n << "_state_bytes;\n\n"
     << "/* Sets `state` to the zero state that every sequence starts "
        "from. */\n"
     << "void " << n << "_reset(void *state);\n\n"
     << "/* One time step: reads " << n << "_INPUT_SIZE floats from `in`, "
        "writes\n"
     << " * " << n << "_OUTPUT_SIZE floats to `out` and updates `state`. "
        "`in` and `out`\n"
     << " * must not overlap the state. */\n"
     << "void " << n
     << "_step(void *state, const float *in, float *out);\n\n"
     << "/* One time step of `n_streams` independent sequences: `states` "
        "holds\n"
     << " * n_streams consecutive states of " << n
     << "_state_bytes bytes each, `in` is\n"
     << " * [n_streams][" << n << "_INPUT_SIZE] and `out`\n"
     << " * [n_streams][" << n << "_OUTPUT_SIZE], row-major.\n"
     << " * The same as calling " << n
     << "_step on each stream in turn. */\n"
     << "void " << n
     << "_step_batch(void *states, const float *in, float *out,\n"
     << "    size_t n_streams);\n\n"
     << "#ifdef __cplusplus\n"
     << "} /* extern \"C\" */\n"
     << "#endif\n\n"
     << "#endif /* " << guard << " */\n";
}
