// lrnn-run fails with one line "lrnn-run: error: ..." and exit status 1, and
// leaves no output file behind.
//
//
// The model runs on the good input.
//
// MISSING-INPUT: lrnn-run: error: {{.*}}missing.npy: cannot open: No such file or directory
//
// MISSING-MODEL: lrnn-run: error: {{.*}}missing.mlir: cannot open: No such file or directory
//
// COLUMNS: lrnn-run: error: {{.*}}wide.npy: expected shape [T, 3] for this model, got a 2-D array with 4 columns
//
// RANK1: lrnn-run: error: {{.*}}vector.npy: expected shape [T, 3] for this model, got a 1-D array{{$}}
//
// RANK3: lrnn-run: error: {{.*}}cube.npy: expected shape [T, 3] for this model, got a 3-D array{{$}}
//
// INT32: lrnn-run: error: {{.*}}int32.npy: expected float32 or float64 data, got '<i4'
//
// NAN: lrnn-run: error: {{.*}}nan.npy: non-finite input at [1, 2]
//
// INF: lrnn-run: error: {{.*}}inf.npy: non-finite input at [3, 0]
//
// NOT-NPY: lrnn-run: error: {{.*}}text.npy: not a .npy file (bad magic string)
//
// A model that does not verify: the first error, with file:line:col.
// VERIFY: lrnn-run: error: {{.*}}invalid-model.mlir:4:8: 'lrnn.project' op weight: expected a 2x3 weight, got 3x3
// VERIFY-NOT: note
//
// PARSE: lrnn-run: error: {{.*}}parse-error.mlir:5:15: use of undeclared SSA value name
//
// TWO-MODELS: lrnn-run: error: {{.*}}two-models.mlir: expected exactly one lrnn.model, found 2
//
// NO-MODEL: lrnn-run: error: {{.*}}no-model.mlir: expected exactly one lrnn.model, found 0
//
// NO-INTERP: lrnn-run: error: {{.*}}unsupported-op.mlir: 'arith.addf' is not supported by the interpreter
//
// A diverging model is caught after the run, before anything is written.
// UNSTABLE: lrnn-run: error: {{.*}}unstable.mlir: output is not finite at step 127, element 0 (unstable recurrence or input out of range)
//
// An output path in a directory that does not exist: nothing is created, not
// even a temporary file.
// OUTPUT-DIR: lrnn-run: error: {{.*}}no{{/|\\}}such{{/|\\}}dir{{/|\\}}out.npy: cannot create temporary file: No such file or directory
//
// A failed run leaves an existing output file alone.
//
// No temporary file of a failed run is left behind.

lrnn.model @model(%u: tensor<3xf32>) -> tensor<2xf32> {
  %y = lrnn.project %u weight(dense<[[1.0, 0.0, 2.0], [0.0, -1.0, 0.5]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
