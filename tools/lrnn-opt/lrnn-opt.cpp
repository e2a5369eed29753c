//===- lrnn-opt.cpp - Parse, verify, transform and print lrnn IR ----------===//

#include "lrnn/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  lrnn::registerAllPasses();
  mlir::DialectRegistry registry;
  lrnn::registerAllDialects(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "lrnn optimizer driver\n", registry));
}
