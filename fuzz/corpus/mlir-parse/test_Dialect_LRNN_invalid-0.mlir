// Every diagnostic of the lrnn verifiers and of the #lrnn.sparse parser, one
// case per check.

//===----------------------------------------------------------------------===//
// lrnn.model
//===----------------------------------------------------------------------===//

// expected-error @+1 {{'lrnn.model' op must take one input vector and return one output vector, got '(tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>'}}
"lrnn.model"() <{function_type = (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>, sym_name = "two_inputs"}> ({
^bb0(%a: tensor<2xf32>, %b: tensor<2xf32>):
  "lrnn.output"(%a) : (tensor<2xf32>) -> ()
}) : () -> ()
