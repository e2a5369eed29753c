// expected-error @+1 {{'lrnn.model' op region #0 ('body') failed to verify constraint: region with 1 blocks}}
"lrnn.model"() <{function_type = (tensor<2xf32>) -> tensor<2xf32>, sym_name = "no_body"}> ({
}) : () -> ()
