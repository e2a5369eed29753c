// expected-error @+1 {{'lrnn.model' op must take one input vector and return one output vector, got '(tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>)'}}
"lrnn.model"() <{function_type = (tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>), sym_name = "two_outputs"}> ({
^bb0(%a: tensor<2xf32>):
  "lrnn.output"(%a) : (tensor<2xf32>) -> ()
}) : () -> ()
