//===----------------------------------------------------------------------===//
// lrnn.elementwise and lrnn.yield
//===----------------------------------------------------------------------===//

lrnn.model @elementwise_no_result(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.elementwise' op must have at least one result}}
  "lrnn.elementwise"(%u) ({
  ^bb0(%x: f32):
    "lrnn.yield"() : () -> ()
  }) : (tensor<2xf32>) -> ()
  lrnn.output %u : tensor<2xf32>
}
