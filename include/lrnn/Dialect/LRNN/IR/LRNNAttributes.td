//===- LRNNAttributes.td - lrnn attributes -----------------*- tablegen -*-===//

#ifndef LRNN_DIALECT_LRNN_IR_LRNNATTRIBUTES_TD
#define LRNN_DIALECT_LRNN_IR_LRNNATTRIBUTES_TD

include "lrnn/Dialect/LRNN/IR/LRNNDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/EnumAttr.td"

class LRNN_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<LRNN_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

def LRNN_SparseMatrixAttr : LRNN_Attr<"SparseMatrix", "sparse"> {
  let summary = "A matrix that stores only its non-zero entries";
  let description = [{
    A `rows x cols` matrix in coordinate form: `indices` is a
    `tensor<nnz x 2 x i32>` of `(row, column)` positions in strictly
    increasing row-major order (so no position appears twice) and `values` a
    `tensor<nnz x f32>` of the non-zero entries at those positions; every
    other entry is zero. Quantised ops store integer codes instead
    (`tensor<nnz x i8>` for 8-bit weights). Either may be a `dense_resource` blob, which keeps
    large models fast to print and parse.

    The number of stored entries and the density are printed, and checked
    when parsed:

    ```mlir
    #lrnn.sparse<[4, 3], nnz = 2, density = 0.1667,
                 indices = dense<[[0, 1], [3, 2]]> : tensor<2x2xi32>,
                 values = dense<[0.5, -1.0]> : tensor<2xf32>>
    ```

    Checks that need the entries themselves (positions in range, order,
    duplicates, finite non-zero values) are done by the verifier of the op
    that uses the matrix, because `dense_resource` data is only available
    once the whole file has been parsed.
  }];
  let parameters = (ins
    ArrayRefParameter<"int64_t", "rows and columns">:$shape,
    "::mlir::ElementsAttr":$indices,
    "::mlir::ElementsAttr":$values
  );
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    int64_t getRows() const { return getShape()[0]; }
    int64_t getCols() const { return getShape()[1]; }
    int64_t getNumNonZeros() const { return getValues().getNumElements(); }
    /// Fraction of entries stored: nnz / (rows * cols).
    double getDensity() const {
      return double(getNumNonZeros()) / double(getRows() * getCols());
    }
  }];
}

def LRNN_GeluApproximation : I32EnumAttr<"GeluApproximation",
    "how gelu evaluates the Gaussian CDF", [
      I32EnumAttrCase<"Tanh", 0, "tanh">,
      I32EnumAttrCase<"Erf", 1, "erf">
    ]> {
  let cppNamespace = "::lrnn";
  let genSpecializedAttr = 0;
}

def LRNN_GeluApproximationAttr
    : EnumAttr<LRNN_Dialect, LRNN_GeluApproximation, "gelu_approximation"> {
  let summary = "gelu variant: `tanh` approximation or exact `erf`";
  let assemblyFormat = "`<` $value `>`";
}

def LRNN_LutFunction : I32EnumAttr<"LutFunction",
    "the function a fixed-point lookup table approximates", [
      I32EnumAttrCase<"Sigmoid", 0, "sigmoid">,
      I32EnumAttrCase<"GeluTanh", 1, "gelu_tanh">,
      I32EnumAttrCase<"GeluErf", 2, "gelu_erf">
    ]> {
  let cppNamespace = "::lrnn";
  let genSpecializedAttr = 0;
}

def LRNN_LutFunctionAttr
    : EnumAttr<LRNN_Dialect, LRNN_LutFunction, "lut_function"> {
  let summary = "function of an `lrnn.qlut` table: `sigmoid`, `gelu_tanh` or `gelu_erf`";
  let description = [{
    Decides what `lrnn.qlut` returns above the table's range: the last node
    for `sigmoid`, the input itself (gelu(x) = x for large x) for the gelu
    variants. The table contents are stored in the op.
  }];
  let assemblyFormat = "`<` $value `>`";
}

// A projection weight: a dense f32 matrix or a sparse one.
def LRNN_WeightAttr : AnyAttrOf<[ElementsAttr, LRNN_SparseMatrixAttr],
    "dense f32 matrix or #lrnn.sparse matrix">;

// A weight of integer codes of a quantised op: a dense integer matrix or a
// #lrnn.sparse matrix with integer values. The op's verifier checks widths.
def LRNN_CodeWeightAttr : AnyAttrOf<[ElementsAttr, LRNN_SparseMatrixAttr],
    "dense integer matrix or #lrnn.sparse matrix of integer codes">;

#endif // LRNN_DIALECT_LRNN_IR_LRNNATTRIBUTES_TD
