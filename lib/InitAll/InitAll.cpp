//===- InitAll.cpp - Register every dialect and pass lrnn tools use -------===//

#include "lrnn/InitAll.h"
#include "lrnn/Conversion/Passes.h"
#include "lrnn/Dialect/LRNN/IR/LRNNDialect.h"
#include "lrnn/Dialect/LRNN/Transforms/Passes.h"
#include "lrnn/Dialect/Loihi2/IR/Loihi2Dialect.h"
#include "lrnn/Dialect/Loihi2/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Transforms/Passes.h"

void lrnn::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<lrnn::LRNNDialect, lrnn::loihi2::Loihi2Dialect,
                  mlir::arith::ArithDialect,
                  mlir::cf::ControlFlowDialect,
                  mlir::func::FuncDialect, mlir::LLVM::LLVMDialect,
                  mlir::math::MathDialect, mlir::memref::MemRefDialect,
                  mlir::scf::SCFDialect, mlir::tensor::TensorDialect,
                  mlir::vector::VectorDialect>();
}

void lrnn::registerAllPasses() {
  mlir::registerTransformsPasses();
  lrnn::registerLRNNPasses();
  lrnn::loihi2::registerLoihi2Passes();
  lrnn::registerConversionPasses();
}
