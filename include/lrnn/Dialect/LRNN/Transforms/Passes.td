//===- Passes.td - lrnn transformation passes --------------*- tablegen -*-===//

#ifndef LRNN_DIALECT_LRNN_TRANSFORMS_PASSES_TD
#define LRNN_DIALECT_LRNN_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def SelectWeightFormat : Pass<"lrnn-select-weight-format", "lrnn::ModelOp"> {
  let summary = "Store each weight matrix dense or sparse according to its density";
  let description = [{
    Rewrites every weight of `lrnn.project`, `lrnn.complex_project` and
    `lrnn.complex_readout` as a `#lrnn.sparse` matrix (non-zeros and their
    positions only) when the fraction of non-zero entries is at most
    `max-sparse-density`, and as a dense matrix otherwise. The values are
    unchanged, so the model computes exactly what it computed before; only
    the storage (and thus the file size and what the backends iterate over)
    changes. `lrnn-import` applies the same rule with the same default.

    `max-sparse-density=1` makes every weight sparse; `max-sparse-density=-1`
    makes every weight dense.
  }];
  let options = [
    Option<"maxSparseDensity", "max-sparse-density", "double",
           /*default=*/"0.5",
           "Largest density (nnz / size) stored in sparse form">
  ];
}

#endif // LRNN_DIALECT_LRNN_TRANSFORMS_PASSES_TD
