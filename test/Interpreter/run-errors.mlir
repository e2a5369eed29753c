// lrnn-run fails with one line "lrnn-run: error: ..." and exit status 1, and
// leaves no output file behind.
//
// RUN: rm -rf %t && mkdir %t
// RUN: %python -c "import numpy as np; np.save('%t/good.npy', np.ones((4, 3), np.float32))"
// RUN: %python -c "import numpy as np; np.save('%t/wide.npy', np.ones((4, 4), np.float32))"
// RUN: %python -c "import numpy as np; np.save('%t/vector.npy', np.ones(3, np.float32))"
// RUN: %python -c "import numpy as np; np.save('%t/cube.npy', np.ones((2, 4, 3), np.float32))"
// RUN: %python -c "import numpy as np; np.save('%t/int32.npy', np.ones((4, 3), np.int32))"
// RUN: %python -c "import numpy as np; a = np.ones((4, 3), np.float32); a[1, 2] = np.nan; np.save('%t/nan.npy', a)"
// RUN: %python -c "import numpy as np; a = np.ones((4, 3), np.float64); a[3, 0] = -np.inf; np.save('%t/inf.npy', a)"
// RUN: %python -c "import numpy as np; np.save('%t/long.npy', np.ones((200, 3), np.float32))"
// RUN: echo "not a numpy file" > %t/text.npy
//
// The model runs on the good input.
// RUN: lrnn-run %s --input %t/good.npy --output %t/good-out.npy
// RUN: test -f %t/good-out.npy
//
// RUN: not lrnn-run %s --input %t/missing.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=MISSING-INPUT
// RUN: not test -e %t/out.npy
// MISSING-INPUT: lrnn-run: error: {{.*}}missing.npy: cannot open: No such file or directory
//
// RUN: not lrnn-run %t/missing.mlir --input %t/good.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=MISSING-MODEL
// RUN: not test -e %t/out.npy
// MISSING-MODEL: lrnn-run: error: {{.*}}missing.mlir: cannot open: No such file or directory
//
// RUN: not lrnn-run %s --input %t/wide.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=COLUMNS
// RUN: not test -e %t/out.npy
// COLUMNS: lrnn-run: error: {{.*}}wide.npy: expected shape [T, 3] for this model, got a 2-D array with 4 columns
//
// RUN: not lrnn-run %s --input %t/vector.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=RANK1
// RUN: not test -e %t/out.npy
// RANK1: lrnn-run: error: {{.*}}vector.npy: expected shape [T, 3] for this model, got a 1-D array{{$}}
//
// RUN: not lrnn-run %s --input %t/cube.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=RANK3
// RUN: not test -e %t/out.npy
// RANK3: lrnn-run: error: {{.*}}cube.npy: expected shape [T, 3] for this model, got a 3-D array{{$}}
//
// RUN: not lrnn-run %s --input %t/int32.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=INT32
// RUN: not test -e %t/out.npy
// INT32: lrnn-run: error: {{.*}}int32.npy: expected float32 or float64 data, got '<i4'
//
// RUN: not lrnn-run %s --input %t/nan.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=NAN
// RUN: not test -e %t/out.npy
// NAN: lrnn-run: error: {{.*}}nan.npy: non-finite input at [1, 2]
//
// RUN: not lrnn-run %s --input %t/inf.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=INF
// RUN: not test -e %t/out.npy
// INF: lrnn-run: error: {{.*}}inf.npy: non-finite input at [3, 0]
//
// RUN: not lrnn-run %s --input %t/text.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=NOT-NPY
// RUN: not test -e %t/out.npy
// NOT-NPY: lrnn-run: error: {{.*}}text.npy: not a .npy file (bad magic string)
//
// A model that does not verify: the first error, with file:line:col.
// RUN: not lrnn-run %S/Inputs/invalid-model.mlir --input %t/good.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=VERIFY
// RUN: not test -e %t/out.npy
// VERIFY: lrnn-run: error: {{.*}}invalid-model.mlir:4:8: 'lrnn.project' op weight: expected a 2x3 weight, got 3x3
// VERIFY-NOT: note
//
// RUN: not lrnn-run %S/Inputs/parse-error.mlir --input %t/good.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=PARSE
// RUN: not test -e %t/out.npy
// PARSE: lrnn-run: error: {{.*}}parse-error.mlir:5:15: use of undeclared SSA value name
//
// RUN: not lrnn-run %S/Inputs/two-models.mlir --input %t/good.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=TWO-MODELS
// RUN: not test -e %t/out.npy
// TWO-MODELS: lrnn-run: error: {{.*}}two-models.mlir: expected exactly one lrnn.model, found 2
//
// RUN: not lrnn-run %S/Inputs/no-model.mlir --input %t/good.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=NO-MODEL
// RUN: not test -e %t/out.npy
// NO-MODEL: lrnn-run: error: {{.*}}no-model.mlir: expected exactly one lrnn.model, found 0
//
// RUN: not lrnn-run %S/Inputs/unsupported-op.mlir --input %t/good.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=NO-INTERP
// RUN: not test -e %t/out.npy
// NO-INTERP: lrnn-run: error: {{.*}}unsupported-op.mlir: 'arith.addf' is not supported by the interpreter
//
// A diverging model is caught after the run, before anything is written.
// RUN: not lrnn-run %S/Inputs/unstable.mlir --input %t/long.npy --output %t/out.npy 2>&1 | FileCheck %s --check-prefix=UNSTABLE
// RUN: not test -e %t/out.npy
// UNSTABLE: lrnn-run: error: {{.*}}unstable.mlir: output is not finite at step 127, element 0 (unstable recurrence or input out of range)
//
// An output path in a directory that does not exist: nothing is created, not
// even a temporary file.
// RUN: not lrnn-run %s --input %t/good.npy --output %t/no/such/dir/out.npy 2>&1 | FileCheck %s --check-prefix=OUTPUT-DIR
// RUN: not test -e %t/no
// OUTPUT-DIR: lrnn-run: error: {{.*}}no{{/|\\}}such{{/|\\}}dir{{/|\\}}out.npy: cannot create temporary file: No such file or directory
//
// A failed run leaves an existing output file alone.
// RUN: cp %t/good-out.npy %t/kept.npy
// RUN: not lrnn-run %s --input %t/nan.npy --output %t/kept.npy 2>&1 | FileCheck %s --check-prefix=NAN
// RUN: cmp %t/good-out.npy %t/kept.npy
//
// No temporary file of a failed run is left behind.
// RUN: ls %t > %t.ls
// RUN: not grep tmp %t.ls

lrnn.model @model(%u: tensor<3xf32>) -> tensor<2xf32> {
  %y = lrnn.project %u weight(dense<[[1.0, 0.0, 2.0], [0.0, -1.0, 0.5]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
