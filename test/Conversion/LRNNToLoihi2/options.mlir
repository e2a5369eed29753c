// RUN: not lrnn-opt %s --lrnn-to-loihi2=mode=sideways 2>&1 | FileCheck %s
// RUN: not lrnn-opt %s --lrnn-to-loihi2=system=pohoiki 2>&1 | FileCheck %s --check-prefix=SYSTEM
// RUN: not lrnn-opt %s --lrnn-to-loihi2=target-config=%t.missing 2>&1 | FileCheck %s --check-prefix=CONFIG
// CHECK: error: --lrnn-to-loihi2: mode must be fall-through or pipelined, got 'sideways'
// SYSTEM: error: unknown system 'pohoiki'; known systems: oheo-gulch, kapoho-point, hala-point
// CONFIG: error: {{.*}}.missing: cannot open
lrnn.model @id(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  %y = lrnn.qrelu %u : tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}
