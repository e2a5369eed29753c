// A group of element-wise ops whose results nothing outside the group reads
// (a dead tail, left for --lrnn-eliminate-dead) must not become an
// lrnn.elementwise without results, which is invalid IR. Run without
// --lrnn-eliminate-dead first, the output must still verify.
// RUN: lrnn-opt %s --split-input-file --lrnn-fuse 2>/dev/null | FileCheck %s
// RUN: lrnn-opt %s --split-input-file --lrnn-fuse --verify-diagnostics > /dev/null
// The output parses and verifies again.
// RUN: lrnn-opt %s --split-input-file --lrnn-fuse 2>/dev/null | lrnn-opt --split-input-file --verify-each > /dev/null

// The whole chain is dead: left as it is.
// CHECK-LABEL: lrnn.model @dead_chain
lrnn.model @dead_chain(%u: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK-NEXT: %[[P:.*]] = lrnn.project
  // CHECK-NEXT: %[[R:.*]] = lrnn.relu %[[P]]
  // CHECK-NEXT: %[[S:.*]] = lrnn.sigmoid %[[R]]
  // CHECK-NEXT: lrnn.mul %[[S]], %[[R]]
  // CHECK-NEXT: lrnn.output %[[P]]
  // CHECK-NOT: lrnn.elementwise
  %p = lrnn.project %u weight(dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  %r = lrnn.relu %p : tensor<2xf32>
  %s = lrnn.sigmoid %r : tensor<2xf32>
  %m = lrnn.mul %s, %r : tensor<2xf32>
  lrnn.output %p : tensor<2xf32>
}

// -----

// A dead chain next to a live one: only the live one is fused.
// CHECK-LABEL: lrnn.model @dead_and_live
lrnn.model @dead_and_live(%u: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK: lrnn.gelu
  // CHECK-NEXT: lrnn.add
  // CHECK-NEXT: %[[E:.*]] = lrnn.elementwise(%arg0) : tensor<2xf32> -> tensor<2xf32>
  // CHECK: lrnn.output %[[E]]
  %g = lrnn.gelu %u approximation(erf) : tensor<2xf32>
  %d = lrnn.add %g, %g : tensor<2xf32>
  // expected-remark @+1 {{fused 2 element-wise ops}}
  %r = lrnn.relu %u : tensor<2xf32>
  %s = lrnn.sigmoid %r : tensor<2xf32>
  lrnn.output %s : tensor<2xf32>
}
