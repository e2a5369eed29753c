// A parser error that quotes the file's text, newlines included, is still
// one line (a fuzzing finding: an unregistered dialect attribute spanning
// two lines gave a two-line error).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/in.npy', np.zeros((2, 1), np.float32))"
// RUN: not lrnn-run %s --input %t/in.npy --output %t/out.npy 2> %t/err
// RUN: FileCheck %s < %t/err
// RUN: count 1 < %t/err
// RUN: not test -e %t/out.npy
// RUN: not lrnnc %s -o %t/out.mlir 2> %t/err
// RUN: FileCheck %s < %t/err
// RUN: count 1 < %t/err
// CHECK: error: {{.*}}multi-line-error.mlir:[[@LINE+2]]:{{[0-9]+}}: #"foo"<"first line second line"> : 'none' attribute created with unregistered dialect
lrnn.model @m(%u: tensor<1xf32>) -> tensor<1xf32> attributes {
    a = #foo<first line
second line>} {
  lrnn.output %u : tensor<1xf32>
}
