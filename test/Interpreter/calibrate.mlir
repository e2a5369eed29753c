// lrnn-run --calibrate records min, max and absmax of the input and of every
// op result (accumulators, activations and states) over all steps.
// RUN: %python -c "import numpy as np; np.save('%t.in.npy', np.array([[1.0, -2.0], [0.5, 3.0], [-4.0, 0.0]], dtype=np.float32))"
// RUN: lrnn-run %s --input %t.in.npy --output %t.out.npy --calibrate %t.cal.json
// RUN: %python -c "import json; c = json.load(open('%t.cal.json')); print(c['format'], c['model'], c['steps'], c['input']); [print(o['index'], o['op'], o['results']) for o in c['ops']]" | FileCheck %s
// CHECK: lrnn-calibration/1 m 3 {'min': -4, 'max': 3, 'absmax': 4}
// CHECK-NEXT: 0 lrnn.project [{'min': -8, 'max': 2, 'absmax': 8}]
// CHECK-NEXT: 1 lrnn.relu [{'min': 0, 'max': 2, 'absmax': 2}]
// CHECK-NEXT: 2 lrnn.scale [{'min': 0, 'max': 0, 'absmax': 0}]
// CHECK-NEXT: 3 lrnn.diag_recurrence [{'min': 0, 'max': 2, 'absmax': 2}, {'min': 0, 'max': 0, 'absmax': 0}]

// A run without steps has no ranges; an unwritable file fails; neither run
// leaves any file behind.
// RUN: %python -c "import numpy as np; np.save('%t.empty.npy', np.zeros((0, 2), dtype=np.float32))"
// RUN: not lrnn-run %s --input %t.empty.npy --output %t.e.npy --calibrate %t.e.json 2>&1 | FileCheck %s --check-prefix=EMPTY
// RUN: not test -e %t.e.json
// RUN: not test -e %t.e.npy
// EMPTY: lrnn-run: error: {{.*}}empty.npy: --calibrate needs at least one step, the input has none
// RUN: not lrnn-run %s --input %t.in.npy --output %t.f.npy --calibrate %t.missing/cal.json 2>&1 | FileCheck %s --check-prefix=UNWRITABLE
// RUN: not test -e %t.f.npy
// UNWRITABLE: lrnn-run: error: {{.*}}missing/cal.json: cannot open for writing

// y = 2 x0 (x1 unused), relu, then a recurrence with lambda 0 that passes
// the input through as the real part.
lrnn.model @m(%u: tensor<2xf32>) -> tensor<1xf32> {
  %p = lrnn.project %u weight(dense<[[2.0, 0.0]]> : tensor<1x2xf32>) : tensor<2xf32> -> tensor<1xf32>
  %r = lrnn.relu %p : tensor<1xf32>
  %zero = lrnn.scale %r by(dense<0.0> : tensor<1xf32>) : tensor<1xf32>
  %xr, %xi = lrnn.diag_recurrence %r, %zero lambda(dense<0.0> : tensor<1xf32>, dense<0.0> : tensor<1xf32>) : tensor<1xf32>
  lrnn.output %xr : tensor<1xf32>
}
