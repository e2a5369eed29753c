// The cost report of small models whose every number can be counted by hand
// (the rules are in docs/cost-model.md).
//
// RUN: lrnn-opt %s --lrnn-cost-report -o /dev/null | FileCheck %s
// RUN: lrnn-opt %s --lrnn-cost-report=format=text -o /dev/null | FileCheck %s
//
// An analysis: the IR is unchanged.
// RUN: lrnn-opt %s -o %t.before.mlir
// RUN: lrnn-opt %s --lrnn-cost-report=output=%t.txt -o %t.after.mlir
// RUN: diff %t.before.mlir %t.after.mlir
// RUN: FileCheck %s < %t.txt
//
// The JSON form: every key and value of one op, the totals and the weights.
// RUN: lrnn-opt %s '--lrnn-cost-report=format=json output=%t.json' -o /dev/null
// RUN: %python -c "import json, sys; r = json.load(open(sys.argv[1])); \
// RUN:   assert r['format'] == 'lrnn-cost-report/1' and r['activation_stats'] is None, r; \
// RUN:   m = r['models'][0]; \
// RUN:   assert (m['name'], m['input_size'], m['output_size'], m['recurrences'], m['states']) == ('tiny', 3, 2, 1, 2), m; \
// RUN:   assert [o['index'] for o in m['ops']] == list(range(13)); \
// RUN:   p = m['ops'][0]; \
// RUN:   assert p == {'index': 0, 'op': 'lrnn.project', 'loc': 'encoder', 'result_shapes': [[4]], 'params': 16, 'nnz': 7, 'dense_macs': 12, 'effective_macs': 5, 'adds': 0, 'other_ops': 0, 'nonlinear_ops': 0, 'bytes_dense_f32': 64, 'bytes_sparse': 64, 'state_bytes': 0, 'weights': [{'name': 'weight', 'shape': [4, 3], 'nnz': 5, 'bytes_dense_f32': 48, 'bytes_sparse': 48, 'sparse_format': 'dense'}]}, p; \
// RUN:   c = m['ops'][3]; \
// RUN:   assert c['op'] == 'lrnn.complex_project' and c['loc'] == 'layers.0.ssm.B' and c['result_shapes'] == [[2], [2]], c; \
// RUN:   assert [(w['name'], w['nnz'], w['bytes_sparse'], w['sparse_format']) for w in c['weights']] == [('weight_re', 2, 24, 'csr'), ('weight_im', 3, 30, 'csr')], c; \
// RUN:   d = m['ops'][4]; \
// RUN:   assert (d['op'], d['params'], d['nnz'], d['dense_macs'], d['effective_macs'], d['state_bytes']) == ('lrnn.diag_recurrence', 4, 3, 8, 6, 16), d; \
// RUN:   assert sum('effective_macs_with_activations' in o for o in m['ops']) == 0; \
// RUN:   t = m['totals']; \
// RUN:   assert t == {'params': 80, 'nnz': 32, 'dense_macs': 72, 'effective_macs': 32, 'adds': 4, 'other_ops': 6, 'nonlinear_ops': 8, 'bytes_dense_f32': 320, 'bytes_sparse': 290, 'state_bytes': 16, 'footprint_dense_f32': 336, 'footprint_sparse': 306}, t; \
// RUN:   f = r['models'][1]; \
// RUN:   assert [(o['op'], o['dense_macs'], o['effective_macs'], o['adds'], o['other_ops'], o['nonlinear_ops']) for o in f['ops']] == [('lrnn.fused_project', 8, 3, 0, 0, 0), ('lrnn.elementwise', 6, 4, 2, 6, 6)], f; \
// RUN:   assert f['ops'][0]['result_shapes'] == [[2], [2]] and f['ops'][0]['params'] == 12, f; \
// RUN:   print('json ok')" %t.json | FileCheck %s --check-prefix=JSON
// JSON: json ok

// CHECK-LABEL: lrnn cost report: @tiny: 3 -> 2, 1 recurrences, 2 complex states
// CHECK-NEXT: {{^ *}}# op location params nnz dense-MACs eff-MACs adds+ops nonlin bytes-f32 bytes-sparse{{$}}
lrnn.model @tiny(%u: tensor<3xf32>) -> tensor<2xf32> {
  // Dense storage with 5 non-zeros of 12 (and 2 in the bias): CSR would take
  // 5 * (4 + 2) + 4 * (4 + 1) = 50 bytes > 48, so it stays dense.
  // CHECK-NEXT: {{^ *}}0 project encoder 16 7 12 5 0 0 64 64{{$}}
  %h = lrnn.project %u weight(dense<[[1.0, 0.0, 2.0], [0.0, 3.0, 4.0], [0.0, 0.0, 0.0], [5.0, 0.0, 0.0]]> : tensor<4x3xf32>) bias(dense<[0.0, 1.0, 0.0, 2.0]> : tensor<4xf32>) : tensor<3xf32> -> tensor<4xf32> loc("encoder")
  // One comparison per element.
  // CHECK-NEXT: {{^ *}}1 relu encoder 0 0 0 0 4 0 0 0{{$}}
  %r = lrnn.relu %h : tensor<4xf32> loc("encoder")
  // Four vectors of 4; one MAC per element, none where scale is 0; the
  // non-zeros are 3 (scale) + 0 (bias) + 1 (mean) + 4 (var).
  // CHECK-NEXT: {{^ *}}2 batchnorm layers.0.norm 16 8 4 3 0 0 64 64{{$}}
  %n = lrnn.batchnorm %r scale(dense<[1.0, 0.0, 2.0, 1.0]> : tensor<4xf32>) bias(dense<0.0> : tensor<4xf32>) mean(dense<[0.0, 1.0, 0.0, 0.0]> : tensor<4xf32>) var(dense<1.0> : tensor<4xf32>) epsilon(1.0e-5) : tensor<4xf32> loc("layers.0.norm")
  // Two 2x4 matrices: re sparse with 2 non-zeros (CSR 2 * 6 + 4 * 3 = 24 <
  // 32), im dense with 3 (CSR 3 * 6 + 12 = 30 < 32).
  // CHECK-NEXT: {{^ *}}3 complex_project layers.0.ssm.B 16 5 16 5 0 0 64 54{{$}}
  %vr, %vi = lrnn.complex_project %n re(#lrnn.sparse<[2, 4], nnz = 2, density = 0.25, indices = dense<[[0, 0], [1, 3]]> : tensor<2x2xi32>, values = dense<[1.0, -1.0]> : tensor<2xf32>>) im(dense<[[0.0, 0.5, 0.0, 0.0], [0.5, 0.0, 0.0, 0.25]]> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32> loc("layers.0.ssm.B")
  // 2 states: 4 MACs each (8); λ_re = 0 for the second state skips 2 of them.
  // CHECK-NEXT: {{^ *}}4 diag_recurrence layers.0.ssm.lambda 4 3 8 6 0 0 16 16{{$}}
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.0]> : tensor<2xf32>, dense<[0.25, 0.5]> : tensor<2xf32>) : tensor<2xf32> loc("layers.0.ssm.lambda")
  // One lexicographic test per complex element.
  // CHECK-NEXT: {{^ *}}5 crelu layers.0.ssm 0 0 0 0 2 0 0 0{{$}}
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<2xf32> loc("layers.0.ssm")
  // Two 4x2 matrices; κ costs nothing. re: 4 non-zeros (CSR 44 > 32, dense);
  // im: 1 (CSR 6 + 20 = 26).
  // CHECK-NEXT: {{^ *}}6 complex_readout layers.0.ssm.C 16 5 16 5 0 0 64 58{{$}}
  %y = lrnn.complex_readout %cr, %ci re(dense<[[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]]> : tensor<4x2xf32>) im(#lrnn.sparse<[4, 2], nnz = 1, density = 0.125, indices = dense<[[2, 1]]> : tensor<1x2xi32>, values = dense<0.5> : tensor<1xf32>>) kappa(2.0) : tensor<2xf32> -> tensor<4xf32> loc("layers.0.ssm.C")
  // CHECK-NEXT: {{^ *}}7 scale layers.0.ssm.D 4 3 4 3 0 0 16 16{{$}}
  %d = lrnn.scale %n by(dense<[1.0, 0.0, 1.0, 1.0]> : tensor<4xf32>) : tensor<4xf32> loc("layers.0.ssm.D")
  // CHECK-NEXT: {{^ *}}8 add layers.0.ssm 0 0 0 0 4 0 0 0{{$}}
  %s = lrnn.add %y, %d : tensor<4xf32> loc("layers.0.ssm")
  // Non-linear functions count apart from MACs.
  // CHECK-NEXT: {{^ *}}9 gelu layers.0.activation 0 0 0 0 0 4 0 0{{$}}
  %g = lrnn.gelu %s approximation(tanh) : tensor<4xf32> loc("layers.0.activation")
  // CHECK-NEXT: {{^ *}}10 sigmoid layers.0.glu 0 0 0 0 0 4 0 0{{$}}
  %sg = lrnn.sigmoid %g : tensor<4xf32> loc("layers.0.glu")
  // A product of two activations: one MAC per element, never skipped.
  // CHECK-NEXT: {{^ *}}11 mul layers.0.glu 0 0 4 4 0 0 0 0{{$}}
  %m = lrnn.mul %g, %sg : tensor<4xf32> loc("layers.0.glu")
  // Sparse 2x4 with 1 non-zero and no bias: CSR 6 + 4 * 3 = 18 bytes.
  // CHECK-NEXT: {{^ *}}12 project decoder 8 1 8 1 0 0 32 18{{$}}
  %o = lrnn.project %m weight(#lrnn.sparse<[2, 4], nnz = 1, density = 0.125, indices = dense<[[1, 2]]> : tensor<1x2xi32>, values = dense<2.0> : tensor<1xf32>>) : tensor<4xf32> -> tensor<2xf32> loc("decoder")
  lrnn.output %o : tensor<2xf32>
}
// CHECK-NEXT: {{^ *}}total 80 32 72 32 10 8 320 290{{$}}
// CHECK-NEXT: parameters: dense f32 320 B (320 B), sparse 290 B (290 B); state 16 B (16 B)
// CHECK-NEXT: footprint (parameters + state): dense f32 336 B (336 B), sparse 306 B (306 B)

// CHECK-LABEL: lrnn cost report: @fused: 2 -> 2, 0 recurrences, 0 complex states
// CHECK-NEXT: #
lrnn.model @fused(%u: tensor<2xf32>) -> tensor<2xf32> {
  // One stacked 4x2 matrix with 3 non-zeros (CSR 3 * 6 + 4 * 5 = 38 > 32)
  // and a bias of 4 with 2 non-zeros.
  // CHECK-NEXT: {{^ *}}0 fused_project layers.0.ssm.B+layers.0.ssm.D 12 5 8 3 0 0 48 48{{$}}
  %a, %b = lrnn.fused_project %u weight(#lrnn.sparse<[4, 2], nnz = 3, density = 0.375, indices = dense<[[0, 0], [1, 1], [3, 0]]> : tensor<3x2xi32>, values = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>>) bias(dense<[0.0, 0.0, 1.0, 1.0]> : tensor<4xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32> loc(fused["layers.0.ssm.B", "layers.0.ssm.D"])
  // Per element: 3 multiplies (max * y of two activations, x * 2 with a
  // constant, y * 0 with a zero constant: skipped), 1 add, 3 other (max,
  // cmpf, select), 3 non-linear (tanh, exp, divf); 2 elements. Constants of
  // the body are not parameters.
  // CHECK-NEXT: {{^ *}}1 elementwise layers.0.glu 0 0 6 4 8 6 0 0{{$}}
  %e = lrnn.elementwise (%a, %b) : tensor<2xf32>, tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32, %y: f32):
    %c0 = arith.constant 0.0 : f32
    %c2 = arith.constant 2.0 : f32
    %max = arith.maximumf %x, %c0 : f32
    %p = arith.mulf %max, %y : f32
    %q = arith.mulf %x, %c2 : f32
    %z = arith.mulf %y, %c0 : f32
    %sum = arith.addf %p, %q : f32
    %t = math.tanh %sum : f32
    %ez = math.exp %z : f32
    %div = arith.divf %t, %ez : f32
    %pos = arith.cmpf ogt, %x, %c0 : f32
    %sel = arith.select %pos, %div, %x : f32
    lrnn.yield %sel : f32
  } loc("layers.0.glu")
  lrnn.output %e : tensor<2xf32>
}
// CHECK-NEXT: {{^ *}}total 12 5 14 7 8 6 48 48{{$}}
// CHECK-NEXT: parameters: dense f32 48 B (48 B), sparse 48 B (48 B); state 0 B (0 B)
