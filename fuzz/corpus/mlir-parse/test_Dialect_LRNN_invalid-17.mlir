// llvm.unreachable is a terminator without a parent constraint.
// expected-error @+1 {{'lrnn.model' op body must end with lrnn.output}}
lrnn.model @no_output(%u: tensor<2xf32>) -> tensor<2xf32> {
  llvm.unreachable
}
