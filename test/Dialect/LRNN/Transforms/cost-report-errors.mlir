// Bad options and bad statistics files: one error line naming the option or
// the file and the reason, a failure exit and no report.
//
// RUN: rm -rf %t && mkdir %t
//
// RUN: not lrnn-opt %s --lrnn-cost-report=format=xml -o /dev/null 2>&1 | FileCheck %s --check-prefix=FORMAT
// FORMAT: error: lrnn-cost-report: unknown format 'xml' (expected text or json)
// FORMAT-NOT: lrnn cost report
//
// RUN: not lrnn-opt %s --lrnn-cost-report=activation-stats=%t/missing.json -o /dev/null 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: activation-stats: {{.*}}missing.json: cannot open: No such file or directory
// MISSING-NOT: lrnn cost report
//
// RUN: echo '{"format": "lrnn-activation-stats/1", "ops": [' > %t/truncated.json
// RUN: not lrnn-opt %s --lrnn-cost-report=activation-stats=%t/truncated.json -o /dev/null 2>&1 | FileCheck %s --check-prefix=MALFORMED
// MALFORMED: error: activation-stats: {{.*}}truncated.json: malformed JSON: {{.*}}
//
// RUN: echo '{"steps": 3}' > %t/other.json
// RUN: not lrnn-opt %s --lrnn-cost-report=activation-stats=%t/other.json -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOT-STATS
// NOT-STATS: error: activation-stats: {{.*}}other.json: format: must be "lrnn-activation-stats/1" (not an lrnn-run --stats file?)
//
// Statistics of this model, then altered copies of them.
// RUN: %python -c "import numpy as np; np.save('%t/in.npy', np.array([[1, -1], [-1, 2]], np.float32))"
// RUN: lrnn-run %s --input %t/in.npy --output %t/out.npy --stats %t/good.json > /dev/null
// RUN: lrnn-opt %s --lrnn-cost-report=activation-stats=%t/good.json -o /dev/null | FileCheck %s --check-prefix=GOOD
// GOOD: lrnn cost report: @model: 2 -> 2, 0 recurrences, 0 complex states, activation statistics of 2 steps
//
// RUN: %python -c "import json; s = json.load(open('%t/good.json')); s['ops'][1]['operands'][0]['nonzero_fraction'][1] = 1.5; json.dump(s, open('%t/fraction.json', 'w'))"
// RUN: not lrnn-opt %s --lrnn-cost-report=activation-stats=%t/fraction.json -o /dev/null 2>&1 | FileCheck %s --check-prefix=FRACTION
// FRACTION: error: activation-stats: {{.*}}fraction.json: ops[1].operands[0].nonzero_fraction[1]: not a number in [0, 1]
//
// RUN: %python -c "import json; s = json.load(open('%t/good.json')); s['ops'][0]['op'] = 'lrnn.sigmoid'; json.dump(s, open('%t/renamed.json', 'w'))"
// RUN: not lrnn-opt %s --lrnn-cost-report=activation-stats=%t/renamed.json -o /dev/null 2>&1 | FileCheck %s --check-prefix=OP-NAME
// OP-NAME: error: activation-stats: {{.*}}renamed.json: statistics do not match model @model: op 0 is 'lrnn.sigmoid' there, 'lrnn.relu' in the model
//
// RUN: %python -c "import json; s = json.load(open('%t/good.json')); v = s['ops'][1]['operands'][0]; v['size'] = 3; v['nonzero_fraction'].append(1); json.dump(s, open('%t/size.json', 'w'))"
// RUN: not lrnn-opt %s --lrnn-cost-report=activation-stats=%t/size.json -o /dev/null 2>&1 | FileCheck %s --check-prefix=SIZE
// SIZE: error: activation-stats: {{.*}}size.json: statistics do not match model @model: operand 0 of op 1 ('lrnn.project') has 3 elements there, 2 in the model
//
// RUN: %python -c "import json; s = json.load(open('%t/good.json')); s['model'] = 'denoiser'; json.dump(s, open('%t/name.json', 'w'))"
// RUN: not lrnn-opt %s --lrnn-cost-report=activation-stats=%t/name.json -o /dev/null 2>&1 | FileCheck %s --check-prefix=MODEL-NAME
// MODEL-NAME: error: activation-stats: {{.*}}name.json: statistics are for model @denoiser, which is not in the module
//
// Statistics of another model (of the same name): the bundled k = 0.25 one.
// RUN: %python %inputs/random_npy.py %t/in257.npy 3 257
// RUN: lrnn-run %examples/s5-k0.25-d0.1.safetensors --input %t/in257.npy --output %t/out257.npy --stats %t/k025.json > /dev/null
// RUN: not lrnn-opt %s --lrnn-cost-report=activation-stats=%t/k025.json -o /dev/null 2>&1 | FileCheck %s --check-prefix=OTHER-MODEL
// OTHER-MODEL: error: activation-stats: {{.*}}k025.json: statistics do not match model @model: they have 43 ops, the model body 3
//
// An output file that cannot be created.
// RUN: not lrnn-opt %s --lrnn-cost-report=output=%t/no/such/dir/report.txt -o /dev/null 2>&1 | FileCheck %s --check-prefix=OUTPUT
// RUN: not test -e %t/no
// OUTPUT: error: lrnn-cost-report: {{.*}}report.txt: cannot open for writing: No such file or directory

lrnn.model @model(%u: tensor<2xf32>) -> tensor<2xf32> {
  %r = lrnn.relu %u : tensor<2xf32>
  %y = lrnn.project %r weight(dense<[[1.0, 0.0], [0.0, 2.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
