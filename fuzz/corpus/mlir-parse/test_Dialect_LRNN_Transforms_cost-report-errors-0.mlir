// Bad options and bad statistics files: one error line naming the option or
// the file and the reason, a failure exit and no report.
//
//
// FORMAT: error: lrnn-cost-report: unknown format 'xml' (expected text or json)
// FORMAT-NOT: lrnn cost report
//
// MISSING: error: activation-stats: {{.*}}missing.json: cannot open: No such file or directory
// MISSING-NOT: lrnn cost report
//
// MALFORMED: error: activation-stats: {{.*}}truncated.json: malformed JSON: {{.*}}
//
// NOT-STATS: error: activation-stats: {{.*}}other.json: format: must be "lrnn-activation-stats/1" (not an lrnn-run --stats file?)
//
// Statistics of this model, then altered copies of them.
// GOOD: lrnn cost report: @model: 2 -> 2, 0 recurrences, 0 complex states, activation statistics of 2 steps
//
// FRACTION: error: activation-stats: {{.*}}fraction.json: ops[1].operands[0].nonzero_fraction[1]: not a number in [0, 1]
//
// OP-NAME: error: activation-stats: {{.*}}renamed.json: statistics do not match model @model: op 0 is 'lrnn.sigmoid' there, 'lrnn.relu' in the model
//
// SIZE: error: activation-stats: {{.*}}size.json: statistics do not match model @model: operand 0 of op 1 ('lrnn.project') has 3 elements there, 2 in the model
//
// MODEL-NAME: error: activation-stats: {{.*}}name.json: statistics are for model @denoiser, which is not in the module
//
// Statistics of another model (of the same name): the bundled k = 0.25 one.
// OTHER-MODEL: error: activation-stats: {{.*}}k025.json: statistics do not match model @model: they have 43 ops, the model body 3
//
// An output file that cannot be created.
// OUTPUT: error: lrnn-cost-report: {{.*}}report.txt: cannot open for writing: No such file or directory

lrnn.model @model(%u: tensor<2xf32>) -> tensor<2xf32> {
  %r = lrnn.relu %u : tensor<2xf32>
  %y = lrnn.project %r weight(dense<[[1.0, 0.0], [0.0, 2.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
