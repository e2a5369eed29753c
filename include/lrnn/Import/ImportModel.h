//===- ImportModel.h - Interchange file to lrnn IR --------------*- C++ -*-===//
//
// Reads a model in the interchange format (`lrnn-s5/1`, see
// ../shared/spec/lrnn-model-format.md): validates the configuration and the
// tensors against each other, discretises the recurrences in double precision
// and emits one `lrnn.model`.
//
//===----------------------------------------------------------------------===//

#ifndef LRNN_IMPORT_IMPORTMODEL_H
#define LRNN_IMPORT_IMPORTMODEL_H

#include "lrnn/Support/Safetensors.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <string>

namespace mlir {
class MLIRContext;
} // namespace mlir

namespace lrnn {

struct ImportOptions {
  /// Weights at most this dense are stored as #lrnn.sparse matrices.
  double maxSparseDensity = 0.5;
  /// Symbol name of the emitted lrnn.model.
  std::string modelName = "model";
};

/// The configuration of an interchange file (`lrnn.config`), every default
/// applied.
struct ModelConfig {
  int64_t dInput = 0, dModel = 0, dState = 0, dOutput = 0, nLayers = 0;
  bool conjSym = false;
  std::string discretization; ///< zoh | bilinear | none
  double stepRescale = 1.0;
  std::string norm;           ///< batchnorm | none
  std::string normPosition;   ///< pre | post
  double bnEps = 1e-5;
  std::string encoderActivation;  ///< relu | none
  std::string activation;         ///< relu | gelu | gelu_erf
  std::string stateActivation;    ///< relu | none
  std::string glu;                ///< half1 | full | none
  std::string residualActivation; ///< relu | none
};

/// Parses and checks `lrnn.config`. Errors read "lrnn.config: <reason>".
llvm::Expected<ModelConfig> parseModelConfig(llvm::StringRef json);

/// Builds the IR of a parsed file. Errors read "<fileName>: <reason>" and
/// name the tensor or configuration key at fault.
llvm::Expected<mlir::OwningOpRef<mlir::ModuleOp>>
importModel(const SafetensorsFile &file, mlir::MLIRContext *context,
            llvm::StringRef fileName, const ImportOptions &options = {});

/// Imports a model held in memory, without a file: `configJson` is the
/// `lrnn.config` document and `tensors` maps the spec's tensor names to their
/// shapes and values (the `name` of each tensor is ignored). Checks what
/// readSafetensors checks of a file's tensors (each tensor's value count
/// matches its shape, every value is finite), then what importModel checks.
/// Errors read "<name>: <reason>" and name the tensor or key at fault.
llvm::Expected<mlir::OwningOpRef<mlir::ModuleOp>>
importModelFromMemory(llvm::StringRef configJson,
                      std::map<std::string, SafetensorsTensor> tensors,
                      mlir::MLIRContext *context, llvm::StringRef name,
                      const ImportOptions &options = {});

/// Reads, checks and imports the interchange file at `path`.
llvm::Expected<mlir::OwningOpRef<mlir::ModuleOp>>
importModelFile(llvm::StringRef path, mlir::MLIRContext *context,
                const ImportOptions &options = {});

} // namespace lrnn

#endif // LRNN_IMPORT_IMPORTMODEL_H
