// expected-error @+1 {{'lrnn.model' op body must take exactly one argument of type 'tensor<2xf32>'}}
"lrnn.model"() <{function_type = (tensor<2xf32>) -> tensor<2xf32>, sym_name = "two_arguments"}> ({
^bb0(%a: tensor<2xf32>, %b: tensor<2xf32>):
  "lrnn.output"(%a) : (tensor<2xf32>) -> ()
}) : () -> ()
