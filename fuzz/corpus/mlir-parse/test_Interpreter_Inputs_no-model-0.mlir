// A file without a model (used by ../run-errors.mlir).

func.func @not_a_model() {
  return
}
