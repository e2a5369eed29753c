// expected-error @+1 {{'lrnn.model' op must take one input vector and return one output vector, got '() -> ()'}}
"lrnn.model"() <{function_type = () -> (), sym_name = "no_input"}> ({
^bb0(%a: tensor<2xf32>):
  "lrnn.output"(%a) : (tensor<2xf32>) -> ()
}) : () -> ()
