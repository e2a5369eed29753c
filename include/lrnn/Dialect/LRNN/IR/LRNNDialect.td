//===- LRNNDialect.td - lrnn dialect definition ------------*- tablegen -*-===//

#ifndef LRNN_DIALECT_LRNN_IR_LRNNDIALECT_TD
#define LRNN_DIALECT_LRNN_IR_LRNNDIALECT_TD

include "mlir/IR/OpBase.td"

def LRNN_Dialect : Dialect {
  let name = "lrnn";
  let cppNamespace = "::lrnn";
  let summary = "Sparse linear recurrent neural networks for streaming inference";
  let description = [{
    The `lrnn` dialect represents stacked diagonal state-space models (S5,
    S4D, LRU) whose weights are mostly zero, as they are run at the edge: one
    input vector per time step, persistent recurrent state that starts at
    zero, one output vector per time step.

    A model is an `lrnn.model` whose body computes one time step. Values are
    1-D `f32` tensors. Complex quantities are carried as separate real and
    imaginary vectors. Weights are attributes: a dense `ElementsAttr` or a
    `#lrnn.sparse` matrix that stores only its non-zeros and their positions.
    The only state is owned by `lrnn.diag_recurrence` ops; it persists from one
    step to the next and is zero before the first step.
  }];
  let useDefaultAttributePrinterParser = 1;
  let useDefaultTypePrinterParser = 1;
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect"];
  let extraClassDeclaration = [{
    void registerAttributes();
    void registerTypes();
  }];
}

class LRNN_Op<string mnemonic, list<Trait> traits = []>
    : Op<LRNN_Dialect, mnemonic, traits>;

#endif // LRNN_DIALECT_LRNN_IR_LRNNDIALECT_TD
