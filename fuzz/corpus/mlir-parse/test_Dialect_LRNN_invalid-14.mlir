// expected-error @+1 {{'lrnn.model' op body must take exactly one argument of type 'tensor<2xf32>'}}
"lrnn.model"() <{function_type = (tensor<2xf32>) -> tensor<2xf32>, sym_name = "wrong_argument"}> ({
^bb0(%a: tensor<3xf32>):
  %y = "lrnn.relu"(%a) : (tensor<3xf32>) -> tensor<3xf32>
  "lrnn.output"(%a) : (tensor<3xf32>) -> ()
}) : () -> ()
