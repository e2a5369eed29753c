// RUN: lrnn-opt %s --split-input-file --verify-diagnostics

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

// -----

// expected-error @+1 {{'lrnn.model' op must take one input vector and return one output vector, got '(tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>)'}}
"lrnn.model"() <{function_type = (tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>), sym_name = "two_outputs"}> ({
^bb0(%a: tensor<2xf32>):
  "lrnn.output"(%a) : (tensor<2xf32>) -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'lrnn.model' op must take one input vector and return one output vector, got '() -> ()'}}
"lrnn.model"() <{function_type = () -> (), sym_name = "no_input"}> ({
^bb0(%a: tensor<2xf32>):
  "lrnn.output"(%a) : (tensor<2xf32>) -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(tensor<2xf64>) -> tensor<2xf32>'}}
lrnn.model @f64_input(%u: tensor<2xf64>) -> tensor<2xf32> {
  lrnn.output %u : tensor<2xf64>
}

// -----

// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(tensor<2xi32>) -> tensor<2xf32>'}}
lrnn.model @i32_input(%u: tensor<2xi32>) -> tensor<2xf32> {
  lrnn.output %u : tensor<2xi32>
}

// -----

// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(tensor<?xf32>) -> tensor<2xf32>'}}
lrnn.model @dynamic_input(%u: tensor<?xf32>) -> tensor<2xf32> {
  lrnn.output %u : tensor<?xf32>
}

// -----

// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(tensor<2x2xf32>) -> tensor<2xf32>'}}
lrnn.model @matrix_input(%u: tensor<2x2xf32>) -> tensor<2xf32> {
  lrnn.output %u : tensor<2x2xf32>
}

// -----

// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(tensor<0xf32>) -> tensor<2xf32>'}}
lrnn.model @empty_input(%u: tensor<0xf32>) -> tensor<2xf32> {
  lrnn.output %u : tensor<0xf32>
}

// -----

// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(f32) -> tensor<2xf32>'}}
lrnn.model @scalar_input(%u: f32) -> tensor<2xf32> {
  "lrnn.output"(%u) : (f32) -> ()
}

// -----

// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(tensor<2xf32>) -> tensor<2xf64>'}}
lrnn.model @f64_output(%u: tensor<2xf32>) -> tensor<2xf64> {
  lrnn.output %u : tensor<2xf32>
}

// -----

// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(tensor<2xf32>) -> tensor<?xf32>'}}
lrnn.model @dynamic_output(%u: tensor<2xf32>) -> tensor<?xf32> {
  lrnn.output %u : tensor<2xf32>
}

// -----

// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(tensor<2xf32>) -> tensor<1x2xf32>'}}
lrnn.model @matrix_output(%u: tensor<2xf32>) -> tensor<1x2xf32> {
  lrnn.output %u : tensor<2xf32>
}

// -----

// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(tensor<2xf32>) -> tensor<0xf32>'}}
lrnn.model @empty_output(%u: tensor<2xf32>) -> tensor<0xf32> {
  lrnn.output %u : tensor<2xf32>
}

// -----

// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(tensor<2xf32>) -> i32'}}
lrnn.model @scalar_output(%u: tensor<2xf32>) -> i32 {
  lrnn.output %u : tensor<2xf32>
}

// -----

// expected-error @+1 {{'lrnn.model' op body must take exactly one argument of type 'tensor<2xf32>'}}
"lrnn.model"() <{function_type = (tensor<2xf32>) -> tensor<2xf32>, sym_name = "wrong_argument"}> ({
^bb0(%a: tensor<3xf32>):
  %y = "lrnn.relu"(%a) : (tensor<3xf32>) -> tensor<3xf32>
  "lrnn.output"(%a) : (tensor<3xf32>) -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'lrnn.model' op body must take exactly one argument of type 'tensor<2xf32>'}}
"lrnn.model"() <{function_type = (tensor<2xf32>) -> tensor<2xf32>, sym_name = "two_arguments"}> ({
^bb0(%a: tensor<2xf32>, %b: tensor<2xf32>):
  "lrnn.output"(%a) : (tensor<2xf32>) -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'lrnn.model' op region #0 ('body') failed to verify constraint: region with 1 blocks}}
"lrnn.model"() <{function_type = (tensor<2xf32>) -> tensor<2xf32>, sym_name = "no_body"}> ({
}) : () -> ()

// -----

// llvm.unreachable is a terminator without a parent constraint.
// expected-error @+1 {{'lrnn.model' op body must end with lrnn.output}}
lrnn.model @no_output(%u: tensor<2xf32>) -> tensor<2xf32> {
  llvm.unreachable
}

// -----

// expected-error @+1 {{'lrnn.model' op body must end with lrnn.output}}
lrnn.model @yield_terminator(%u: tensor<2xf32>) -> tensor<2xf32> {
  %c = arith.constant 1.0 : f32
  lrnn.yield %c : f32
}

// -----

//===----------------------------------------------------------------------===//
// lrnn.output
//===----------------------------------------------------------------------===//

lrnn.model @output_size(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.output' op output of type 'tensor<3xf32>' does not match the model's output type 'tensor<2xf32>'}}
  lrnn.output %u : tensor<3xf32>
}

// -----

func.func @output_outside_model(%a: tensor<2xf32>) {
  // expected-error @+1 {{'lrnn.output' op expects parent op 'lrnn.model'}}
  lrnn.output %a : tensor<2xf32>
}

// -----

lrnn.model @output_not_vector(%u: tensor<2xf32>) -> tensor<2xf32> {
  %d = arith.extf %u : tensor<2xf32> to tensor<2xf64>
  // expected-error @+1 {{'lrnn.output' op operand #0 must be non-empty 1-D static tensor of f32 or !lrnn.fixed, but got 'tensor<2xf64>'}}
  lrnn.output %d : tensor<2xf64>
}

// -----

//===----------------------------------------------------------------------===//
// lrnn.project: weight shape, element type and values
//===----------------------------------------------------------------------===//

lrnn.model @weight_rows(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected a 2x3 weight, got 4x3}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<4x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @weight_cols(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected a 2x3 weight, got 2x2}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @weight_transposed(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected a 2x3 weight, got 3x2}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<3x2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_weight_shape(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected a 2x3 weight, got 3x3}}
  %y = lrnn.project %u weight(#lrnn.sparse<[3, 3], nnz = 1, density = 0.1111, indices = dense<[[0, 0]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @weight_rank1(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected a 2-D weight, got dense<1.000000e+00> : tensor<4xf32>}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<4xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @weight_rank3(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected a 2-D weight, got dense<1.000000e+00> : tensor<1x2x2xf32>}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<1x2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @weight_not_elements(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op attribute 'weight' failed to satisfy constraint: dense f32 matrix or #lrnn.sparse matrix}}
  %y = lrnn.project %u weight(1.0 : f32) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @weight_f64(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected f32 elements, got 'f64'}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x2xf64>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @weight_f16(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected f32 elements, got 'f16'}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x2xf16>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @weight_i32(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected f32 elements, got 'i32'}}
  %y = lrnn.project %u weight(dense<1> : tensor<2x2xi32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @weight_nan(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: non-finite value nan at (0, 0)}}
  %y = lrnn.project %u weight(dense<0x7FC00000> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @weight_inf(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: non-finite value inf at (1, 2)}}
  %y = lrnn.project %u weight(dense<[[1.0, 0.0, 2.0], [0.0, 3.0, 0x7F800000]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @weight_minus_inf(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: non-finite value -inf at (0, 1)}}
  %y = lrnn.project %u weight(dense<[[1.0, 0xFF800000, 2.0], [0.0, 3.0, 4.0]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @weight_elided(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: resource '__elided__' has no data (elided or missing)}}
  %y = lrnn.project %u weight(dense_resource<__elided__> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @weight_missing_resource(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: resource 'no_such_blob' has no data (elided or missing)}}
  %y = lrnn.project %u weight(dense_resource<no_such_blob> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @weight_short_resource(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: resource 'short' holds 8 bytes but its type needs 16}}
  %y = lrnn.project %u weight(dense_resource<short> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      short: "0x040000000000803F000000C0"
    }
  }
#-}

// -----

// The builtin sparse elements attribute is an ElementsAttr but not a storage
// the lrnn readers accept.
lrnn.model @weight_builtin_sparse_elements(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: data is unavailable}}
  %y = lrnn.project %u weight(sparse<[[0, 0]], [1.0]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// lrnn.project: bias
//===----------------------------------------------------------------------===//

lrnn.model @bias_size(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op bias: expected 2 elements, got 3}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) bias(dense<0.5> : tensor<3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @bias_rank2(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op bias: expected a 1-D f32 tensor, got 'tensor<1x2xf32>'}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) bias(dense<0.5> : tensor<1x2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @bias_f64(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op bias: expected a 1-D f32 tensor, got 'tensor<2xf64>'}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) bias(dense<0.5> : tensor<2xf64>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @bias_nan(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op bias: non-finite value nan at index 1}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) bias(dense<[0.5, 0x7FC00000]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @bias_inf(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op bias: non-finite value inf at index 0}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) bias(dense<[0x7F800000, 1.0]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @bias_elided(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op bias: resource '__elided__' has no data (elided or missing)}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) bias(dense_resource<__elided__> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @project_input_type(%u: tensor<2xf32>) -> tensor<2xf32> {
  %d = arith.extf %u : tensor<2xf32> to tensor<2xf64>
  // expected-error @+1 {{'lrnn.project' op operand #0 must be non-empty 1-D static tensor of f32, but got 'tensor<2xf64>'}}
  %y = lrnn.project %d weight(dense<1.0> : tensor<2x2xf32>) : tensor<2xf64> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// #lrnn.sparse positions and values (checked by the op that uses it)
//===----------------------------------------------------------------------===//

lrnn.model @sparse_row_out_of_range(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: sparse position (2, 0) is out of range for a 2x3 matrix}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 2, density = 0.3333, indices = dense<[[0, 1], [2, 0]]> : tensor<2x2xi32>, values = dense<[1.0, 2.0]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_col_out_of_range(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: sparse position (0, 3) is out of range for a 2x3 matrix}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 2, density = 0.3333, indices = dense<[[0, 3], [1, 0]]> : tensor<2x2xi32>, values = dense<[1.0, 2.0]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_negative_row(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: sparse position (-1, 0) is out of range for a 2x3 matrix}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense<[[-1, 0]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_negative_col(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: sparse position (1, -2) is out of range for a 2x3 matrix}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense<[[1, -2]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_duplicate(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: duplicate sparse position (1, 2)}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 3, density = 0.5, indices = dense<[[0, 0], [1, 2], [1, 2]]> : tensor<3x2xi32>, values = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_unsorted_cols(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: sparse position (0, 1) at entry 1 is not in row-major order}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 2, density = 0.3333, indices = dense<[[0, 2], [0, 1]]> : tensor<2x2xi32>, values = dense<[1.0, 2.0]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_unsorted_rows(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: sparse position (0, 2) at entry 2 is not in row-major order}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 3, density = 0.5, indices = dense<[[0, 0], [1, 0], [0, 2]]> : tensor<3x2xi32>, values = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_nan(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: non-finite value nan at (1, 1)}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 2, density = 0.3333, indices = dense<[[0, 2], [1, 1]]> : tensor<2x2xi32>, values = dense<[1.0, 0x7FC00000]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_inf(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: non-finite value inf at (0, 2)}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 2, density = 0.3333, indices = dense<[[0, 2], [1, 1]]> : tensor<2x2xi32>, values = dense<[0x7F800000, 1.0]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_minus_inf(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: non-finite value -inf at (1, 1)}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 2, density = 0.3333, indices = dense<[[0, 2], [1, 1]]> : tensor<2x2xi32>, values = dense<[1.0, 0xFF800000]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_stored_zero(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: sparse matrix stores a zero at (1, 0)}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 2, density = 0.3333, indices = dense<[[0, 2], [1, 0]]> : tensor<2x2xi32>, values = dense<[1.0, 0.0]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_stored_negative_zero(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: sparse matrix stores a zero at (0, 2)}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[-0.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_elided_values(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: values: resource '__elided__' has no data (elided or missing)}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense_resource<__elided__> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_elided_indices(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: indices: resource '__elided__' has no data (elided or missing)}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense_resource<__elided__> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_short_indices(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: indices: resource 'idx' holds 12 bytes but its type needs 16}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 2], nnz = 2, density = 0.5, indices = dense_resource<idx> : tensor<2x2xi32>, values = dense_resource<val> : tensor<2xf32>>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      idx: "0x04000000000000000000000001000000",
      val: "0x040000000000803F000000C0"
    }
  }
#-}

// -----

lrnn.model @sparse_long_values(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: values: resource 'val' holds 12 bytes but its type needs 8}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 2], nnz = 2, density = 0.5, indices = dense_resource<idx> : tensor<2x2xi32>, values = dense_resource<val> : tensor<2xf32>>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      idx: "0x0400000000000000000000000100000001000000",
      val: "0x040000000000803F000000C00000803F"
    }
  }
#-}

// -----

//===----------------------------------------------------------------------===//
// #lrnn.sparse: SparseMatrixAttr::verify and ::parse
//===----------------------------------------------------------------------===//

lrnn.model @sparse_rank1(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: shape must have 2 dimensions, got 1}}
  %y = lrnn.project %u weight(#lrnn.sparse<[6], nnz = 1, density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_rank3(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: shape must have 2 dimensions, got 3}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3, 1], nnz = 1, density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_rank0(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: shape must have 2 dimensions, got 0}}
  %y = lrnn.project %u weight(#lrnn.sparse<[], nnz = 1, density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_zero_rows(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: dimensions must be positive, got [0, 3]}}
  %y = lrnn.project %u weight(#lrnn.sparse<[0, 3], nnz = 0, density = 0.0, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_negative_cols(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: dimensions must be positive, got [2, -3]}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, -3], nnz = 0, density = 0.0, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_huge_dims(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: dimensions must fit in 32 bits}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 4294967296], nnz = 0, density = 0.0, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_values_f64(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: values must be a 1-D tensor of f32 or of signless integers, got 'tensor<1xf64>'}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf64>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_values_rank2(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: values must be a 1-D tensor of f32 or of signless integers, got 'tensor<1x1xf32>'}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[[1.0]]> : tensor<1x1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_indices_i64(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: indices must be a tensor<nnz x 2 x i32>, got 'tensor<1x2xi64>'}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi64>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_indices_f32(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: indices must be a tensor<nnz x 2 x i32>, got 'tensor<1x2xf32>'}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense<[[0.0, 2.0]]> : tensor<1x2xf32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_indices_three_columns(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: indices must be a tensor<nnz x 2 x i32>, got 'tensor<1x3xi32>'}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense<[[0, 2, 0]]> : tensor<1x3xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_indices_rank1(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: indices must be a tensor<nnz x 2 x i32>, got 'tensor<2xi32>'}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense<[0, 2]> : tensor<2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_count_mismatch(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: 2 positions but 1 values}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense<[[0, 2], [1, 1]]> : tensor<2x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_nnz_too_large(%u: tensor<2xf32>) -> tensor<1xf32> {
  // expected-error @+1 {{#lrnn.sparse: 3 entries exceed the 2 of a 1x2 matrix}}
  %y = lrnn.project %u weight(#lrnn.sparse<[1, 2], nnz = 3, density = 1.5, indices = dense<[[0, 0], [0, 1], [0, 1]]> : tensor<3x2xi32>, values = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>>) : tensor<2xf32> -> tensor<1xf32>
  lrnn.output %y : tensor<1xf32>
}

// -----

lrnn.model @sparse_nnz_keyword(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: nnz = 2 but 1 values are stored}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 2, density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_density_keyword(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: density = 5.000000e-01 disagrees with nnz / (rows * cols) = 1.666667e-01}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.5, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

// Printed densities have four decimals: 0.1666 is off by more than half a unit
// of the last place from 1/6.
lrnn.model @sparse_density_rounding(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: density = 1.666000e-01 disagrees with nnz / (rows * cols) = 1.666667e-01}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1666, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

lrnn.model @sparse_missing_nnz(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{expected 'nnz'}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// lrnn.complex_project
//===----------------------------------------------------------------------===//

lrnn.model @complex_project_weight_re(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op weight_re: expected a 2x3 weight, got 3x2}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<3x2xf32>) im(dense<1.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %vr : tensor<2xf32>
}

// -----

lrnn.model @complex_project_weight_im(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op weight_im: expected a 2x3 weight, got 2x4}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x3xf32>) im(#lrnn.sparse<[2, 4], nnz = 1, density = 0.125, indices = dense<[[0, 3]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %vr : tensor<2xf32>
}

// -----

lrnn.model @complex_project_weight_im_nan(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op weight_im: non-finite value nan at (1, 0)}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x3xf32>) im(dense<[[1.0, 2.0, 3.0], [0x7FC00000, 0.0, 0.0]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %vr : tensor<2xf32>
}

// -----

lrnn.model @complex_project_weight_re_f64(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op weight_re: expected f32 elements, got 'f64'}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x3xf64>) im(dense<1.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %vr : tensor<2xf32>
}

// -----

lrnn.model @complex_project_result_types(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op failed to verify that all of {real, imag} have same type}}
  %vr, %vi = "lrnn.complex_project"(%u) <{weight_re = dense<1.0> : tensor<2x3xf32>, weight_im = dense<1.0> : tensor<4x3xf32>}> : (tensor<3xf32>) -> (tensor<2xf32>, tensor<4xf32>)
  lrnn.output %vr : tensor<2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// lrnn.complex_readout
//===----------------------------------------------------------------------===//

lrnn.model @readout_kappa_nan(%u: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'lrnn.complex_readout' op kappa must be finite}}
  %y = lrnn.complex_readout %u, %u re(dense<1.0> : tensor<3x2xf32>) im(dense<1.0> : tensor<3x2xf32>) kappa(0x7FC00000) : tensor<2xf32> -> tensor<3xf32>
  lrnn.output %y : tensor<3xf32>
}

// -----

lrnn.model @readout_kappa_inf(%u: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'lrnn.complex_readout' op kappa must be finite}}
  %y = lrnn.complex_readout %u, %u re(dense<1.0> : tensor<3x2xf32>) im(dense<1.0> : tensor<3x2xf32>) kappa(0x7F800000) : tensor<2xf32> -> tensor<3xf32>
  lrnn.output %y : tensor<3xf32>
}

// -----

lrnn.model @readout_weight_re(%u: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'lrnn.complex_readout' op weight_re: expected a 3x2 weight, got 2x3}}
  %y = lrnn.complex_readout %u, %u re(dense<1.0> : tensor<2x3xf32>) im(dense<1.0> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  lrnn.output %y : tensor<3xf32>
}

// -----

lrnn.model @readout_weight_im(%u: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'lrnn.complex_readout' op weight_im: expected a 3x2 weight, got 3x1}}
  %y = lrnn.complex_readout %u, %u re(dense<1.0> : tensor<3x2xf32>) im(dense<1.0> : tensor<3x1xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  lrnn.output %y : tensor<3xf32>
}

// -----

lrnn.model @readout_weight_re_inf(%u: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'lrnn.complex_readout' op weight_re: non-finite value inf at (2, 1)}}
  %y = lrnn.complex_readout %u, %u re(#lrnn.sparse<[3, 2], nnz = 1, density = 0.1667, indices = dense<[[2, 1]]> : tensor<1x2xi32>, values = dense<[0x7F800000]> : tensor<1xf32>>) im(dense<1.0> : tensor<3x2xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  lrnn.output %y : tensor<3xf32>
}

// -----

lrnn.model @readout_operand_types(%u: tensor<2xf32>) -> tensor<3xf32> {
  %h = lrnn.project %u weight(dense<1.0> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  // expected-error @+1 {{'lrnn.complex_readout' op failed to verify that all of {real, imag} have same type}}
  %y = "lrnn.complex_readout"(%u, %h) <{weight_re = dense<1.0> : tensor<3x2xf32>, weight_im = dense<1.0> : tensor<3x2xf32>, kappa = 2.0 : f32}> : (tensor<2xf32>, tensor<3xf32>) -> tensor<3xf32>
  lrnn.output %y : tensor<3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// lrnn.diag_recurrence
//===----------------------------------------------------------------------===//

lrnn.model @lambda_re_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.diag_recurrence' op lambda_re: expected 2 elements, got 3}}
  %xr, %xi = lrnn.diag_recurrence %u, %u lambda(dense<0.5> : tensor<3xf32>, dense<0.5> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %xr : tensor<2xf32>
}

// -----

lrnn.model @lambda_im_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.diag_recurrence' op lambda_im: expected 2 elements, got 1}}
  %xr, %xi = lrnn.diag_recurrence %u, %u lambda(dense<0.5> : tensor<2xf32>, dense<0.5> : tensor<1xf32>) : tensor<2xf32>
  lrnn.output %xr : tensor<2xf32>
}

// -----

lrnn.model @lambda_re_nan(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.diag_recurrence' op lambda_re: non-finite value nan at index 1}}
  %xr, %xi = lrnn.diag_recurrence %u, %u lambda(dense<[0.5, 0x7FC00000]> : tensor<2xf32>, dense<0.5> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %xr : tensor<2xf32>
}

// -----

lrnn.model @lambda_im_minus_inf(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.diag_recurrence' op lambda_im: non-finite value -inf at index 0}}
  %xr, %xi = lrnn.diag_recurrence %u, %u lambda(dense<0.5> : tensor<2xf32>, dense<[0xFF800000, 0.1]> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %xr : tensor<2xf32>
}

// -----

lrnn.model @lambda_f64(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.diag_recurrence' op lambda_re: expected a 1-D f32 tensor, got 'tensor<2xf64>'}}
  %xr, %xi = lrnn.diag_recurrence %u, %u lambda(dense<0.5> : tensor<2xf64>, dense<0.5> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %xr : tensor<2xf32>
}

// -----

lrnn.model @lambda_elided(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.diag_recurrence' op lambda_im: resource '__elided__' has no data (elided or missing)}}
  %xr, %xi = lrnn.diag_recurrence %u, %u lambda(dense<0.5> : tensor<2xf32>, dense_resource<__elided__> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %xr : tensor<2xf32>
}

// -----

lrnn.model @recurrence_types(%u: tensor<2xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<1.0> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  // expected-error @+1 {{'lrnn.diag_recurrence' op requires the same type for all operands and results}}
  %xr, %xi = "lrnn.diag_recurrence"(%u, %h) <{lambda_re = dense<0.5> : tensor<2xf32>, lambda_im = dense<0.5> : tensor<2xf32>}> : (tensor<2xf32>, tensor<3xf32>) -> (tensor<2xf32>, tensor<2xf32>)
  lrnn.output %xr : tensor<2xf32>
}

// -----

func.func @recurrence_outside_model(%a: tensor<2xf32>) {
  // expected-error @+1 {{'lrnn.diag_recurrence' op expects parent op 'lrnn.model'}}
  %xr, %xi = lrnn.diag_recurrence %a, %a lambda(dense<0.5> : tensor<2xf32>, dense<0.5> : tensor<2xf32>) : tensor<2xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// lrnn.crelu
//===----------------------------------------------------------------------===//

lrnn.model @crelu_types(%u: tensor<2xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<1.0> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  // expected-error @+1 {{'lrnn.crelu' op requires the same type for all operands and results}}
  %cr, %ci = "lrnn.crelu"(%u, %h) : (tensor<2xf32>, tensor<3xf32>) -> (tensor<2xf32>, tensor<2xf32>)
  lrnn.output %cr : tensor<2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Element-wise ops
//===----------------------------------------------------------------------===//

lrnn.model @gelu_keyword(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{expected 'tanh' or 'erf', got 'fast'}}
  %g = lrnn.gelu %u approximation(fast) : tensor<2xf32>
  lrnn.output %g : tensor<2xf32>
}

// -----

lrnn.model @gelu_generic_keyword(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+2 {{expected ::lrnn::GeluApproximation to be one of: tanh, erf}}
  // expected-error @+1 {{failed to parse LRNN_GeluApproximationAttr parameter 'value'}}
  %g = "lrnn.gelu"(%u) <{approximation = #lrnn.gelu_approximation<fast>}> : (tensor<2xf32>) -> tensor<2xf32>
  lrnn.output %g : tensor<2xf32>
}

// -----

lrnn.model @add_types(%u: tensor<2xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<1.0> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  // expected-error @+1 {{'lrnn.add' op requires the same type for all operands and results}}
  %s = "lrnn.add"(%u, %h) : (tensor<2xf32>, tensor<3xf32>) -> tensor<2xf32>
  lrnn.output %s : tensor<2xf32>
}

// -----

lrnn.model @scale_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.scale' op factor: expected 2 elements, got 4}}
  %d = lrnn.scale %u by(dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>) : tensor<2xf32>
  lrnn.output %d : tensor<2xf32>
}

// -----

lrnn.model @scale_inf(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.scale' op factor: non-finite value inf at index 1}}
  %d = lrnn.scale %u by(dense<[1.0, 0x7F800000]> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %d : tensor<2xf32>
}

// -----

lrnn.model @scale_rank2(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.scale' op factor: expected a 1-D f32 tensor, got 'tensor<2x1xf32>'}}
  %d = lrnn.scale %u by(dense<1.0> : tensor<2x1xf32>) : tensor<2xf32>
  lrnn.output %d : tensor<2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// lrnn.batchnorm
//===----------------------------------------------------------------------===//

lrnn.model @batchnorm_scale_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op scale: expected 2 elements, got 3}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<3xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_bias_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op bias: expected 2 elements, got 1}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<1xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_mean_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op mean: expected 2 elements, got 4}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<4xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_var_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op var: expected 2 elements, got 3}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<3xf32>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_scale_nan(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op scale: non-finite value nan at index 0}}
  %n = lrnn.batchnorm %u scale(dense<[0x7FC00000, 1.0]> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_bias_inf(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op bias: non-finite value inf at index 1}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<[0.0, 0x7F800000]> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_mean_minus_inf(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op mean: non-finite value -inf at index 0}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0xFF800000> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_var_inf(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op var: non-finite value inf at index 1}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<[1.0, 0x7F800000]> : tensor<2xf32>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_var_f64(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op var: expected a 1-D f32 tensor, got 'tensor<2xf64>'}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf64>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_mean_elided(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op mean: resource '__elided__' has no data (elided or missing)}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense_resource<__elided__> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_epsilon_nan(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op epsilon must be finite and non-negative, got nan}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(0x7FC00000) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_epsilon_inf(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op epsilon must be finite and non-negative, got INF}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(0x7F800000) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_epsilon_negative(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op epsilon must be finite and non-negative, got -1.000000e-05}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(-1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_negative_variance(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op var: negative variance -2.000000e+00 at index 1}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<[1.0, -2.0]> : tensor<2xf32>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_zero_variance_zero_epsilon(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op var: variance plus epsilon is zero at index 0}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<[0.0, 1.0]> : tensor<2xf32>) epsilon(0.0) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

lrnn.model @batchnorm_zero_variance_negative_zero_epsilon(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op var: variance plus epsilon is zero at index 1}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<[1.0, 0.0]> : tensor<2xf32>) epsilon(-0.0) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Constant terms: complex_project bias_re/bias_im, scale bias
//===----------------------------------------------------------------------===//

lrnn.model @complex_project_bias_re_size(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op bias_re: expected 2 elements, got 3}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x3xf32>) im(dense<1.0> : tensor<2x3xf32>) bias_re(dense<1.0> : tensor<3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %vr : tensor<2xf32>
}

// -----

lrnn.model @complex_project_bias_im_nan(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op bias_im: non-finite value nan at index 1}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x3xf32>) im(dense<1.0> : tensor<2x3xf32>) bias_re(dense<1.0> : tensor<2xf32>) bias_im(dense<[1.0, 0x7FC00000]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %vr : tensor<2xf32>
}

// -----

lrnn.model @complex_project_bias_im_f64(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op bias_im: expected a 1-D f32 tensor, got 'tensor<2xf64>'}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x3xf32>) im(dense<1.0> : tensor<2x3xf32>) bias_im(dense<1.0> : tensor<2xf64>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %vr : tensor<2xf32>
}

// -----

lrnn.model @scale_bias_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.scale' op bias: expected 2 elements, got 1}}
  %d = lrnn.scale %u by(dense<2.0> : tensor<2xf32>) bias(dense<0.5> : tensor<1xf32>) : tensor<2xf32>
  lrnn.output %d : tensor<2xf32>
}

// -----

lrnn.model @scale_bias_minus_inf(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.scale' op bias: non-finite value -inf at index 0}}
  %d = lrnn.scale %u by(dense<2.0> : tensor<2xf32>) bias(dense<[0xFF800000, 0.5]> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %d : tensor<2xf32>
}

// -----

lrnn.model @scale_bias_elided(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.scale' op bias: resource '__elided__' has no data (elided or missing)}}
  %d = lrnn.scale %u by(dense<2.0> : tensor<2xf32>) bias(dense_resource<__elided__> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %d : tensor<2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// lrnn.fused_project
//===----------------------------------------------------------------------===//

lrnn.model @fused_sizes_count(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.fused_project' op has 2 results but 3 sizes}}
  %a, %b = lrnn.fused_project %u weight(dense<1.0> : tensor<5x2xf32>) sizes [2, 2, 1] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  lrnn.output %a : tensor<2xf32>
}

// -----

lrnn.model @fused_no_result(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.fused_project' op must have at least one result}}
  "lrnn.fused_project"(%u) <{weight = dense<1.0> : tensor<2x2xf32>, sizes = array<i64>}> : (tensor<2xf32>) -> ()
  lrnn.output %u : tensor<2xf32>
}

// -----

lrnn.model @fused_piece_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.fused_project' op size 3 of piece 1 does not match result type 'tensor<2xf32>'}}
  %a, %b = lrnn.fused_project %u weight(dense<1.0> : tensor<5x2xf32>) sizes [2, 3] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  lrnn.output %a : tensor<2xf32>
}

// -----

lrnn.model @fused_weight_rows(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.fused_project' op weight: expected a 5x2 weight, got 4x2}}
  %a, %b = lrnn.fused_project %u weight(dense<1.0> : tensor<4x2xf32>) sizes [2, 3] : tensor<2xf32> -> tensor<2xf32>, tensor<3xf32>
  lrnn.output %a : tensor<2xf32>
}

// -----

lrnn.model @fused_weight_sparse_position(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.fused_project' op weight: sparse position (4, 1) is out of range for a 4x2 matrix}}
  %a, %b = lrnn.fused_project %u weight(#lrnn.sparse<[4, 2], nnz = 1, density = 0.125, indices = dense<[[4, 1]]> : tensor<1x2xi32>, values = dense<1.0> : tensor<1xf32>>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  lrnn.output %a : tensor<2xf32>
}

// -----

lrnn.model @fused_bias_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.fused_project' op bias: expected 4 elements, got 2}}
  %a, %b = lrnn.fused_project %u weight(dense<1.0> : tensor<4x2xf32>) bias(dense<0.0> : tensor<2xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  lrnn.output %a : tensor<2xf32>
}

// -----

lrnn.model @fused_bias_nan(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.fused_project' op bias: non-finite value nan at index 3}}
  %a, %b = lrnn.fused_project %u weight(dense<1.0> : tensor<4x2xf32>) bias(dense<[0.0, 1.0, 2.0, 0x7FC00000]> : tensor<4xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  lrnn.output %a : tensor<2xf32>
}

// -----

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

// -----

lrnn.model @elementwise_sizes(%u: tensor<2xf32>) -> tensor<2xf32> {
  %h = lrnn.project %u weight(dense<1.0> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  // expected-error @+1 {{'lrnn.elementwise' op inputs and results must all have 2 elements, got 'tensor<3xf32>'}}
  %e = lrnn.elementwise (%u, %h) : tensor<2xf32>, tensor<3xf32> -> tensor<2xf32> {
  ^bb0(%x: f32, %y: f32):
    lrnn.yield %x : f32
  }
  lrnn.output %e : tensor<2xf32>
}

// -----

lrnn.model @elementwise_result_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.elementwise' op inputs and results must all have 2 elements, got 'tensor<4xf32>'}}
  %e, %f = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32>, tensor<4xf32> {
  ^bb0(%x: f32):
    lrnn.yield %x, %x : f32, f32
  }
  lrnn.output %e : tensor<2xf32>
}

// -----

lrnn.model @elementwise_argument_count(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.elementwise' op body must take one argument per input (2), got 1}}
  %e = lrnn.elementwise (%u, %u) : tensor<2xf32>, tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    lrnn.yield %x : f32
  }
  lrnn.output %e : tensor<2xf32>
}

// -----

lrnn.model @elementwise_argument_type(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.elementwise' op body arguments must be f32, got 'f64'}}
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f64):
    %y = arith.truncf %x : f64 to f32
    lrnn.yield %y : f32
  }
  lrnn.output %e : tensor<2xf32>
}

// -----

lrnn.model @elementwise_op_not_allowed(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'math.log' op is not allowed in an lrnn.elementwise body}}
    %y = math.log %x : f32
    lrnn.yield %y : f32
  }
  lrnn.output %e : tensor<2xf32>
}

// -----

lrnn.model @elementwise_lrnn_op_not_allowed(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'lrnn.elementwise' op is not allowed in an lrnn.elementwise body}}
    %n = "lrnn.elementwise"() ({
      %c = arith.constant 1.0 : f32
      lrnn.yield %c : f32
    }) : () -> tensor<2xf32>
    lrnn.yield %x : f32
  }
  lrnn.output %e : tensor<2xf32>
}

// -----

// The body sees its arguments only: it is isolated from above.
lrnn.model @elementwise_captures_tensor(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-note @+1 {{required by region isolation constraints}}
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'lrnn.relu' op using value defined outside the region}}
    %r = lrnn.relu %u : tensor<2xf32>
    lrnn.yield %x : f32
  }
  lrnn.output %e : tensor<2xf32>
}

// -----

func.func @elementwise_captures_scalar(%a: tensor<2xf32>, %s: f32) -> tensor<2xf32> {
  // expected-note @+1 {{required by region isolation constraints}}
  %e = lrnn.elementwise (%a) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'arith.mulf' op using value defined outside the region}}
    %y = arith.mulf %x, %s : f32
    lrnn.yield %y : f32
  }
  return %e : tensor<2xf32>
}

// -----

lrnn.model @elementwise_tensor_arith(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'arith.constant' op must compute on f32 scalars in an lrnn.elementwise body, got 'tensor<2xf32>'}}
    %t = arith.constant dense<1.0> : tensor<2xf32>
    lrnn.yield %x : f32
  }
  lrnn.output %e : tensor<2xf32>
}

// -----

lrnn.model @elementwise_f64_constant(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'arith.constant' op must compute on f32 scalars in an lrnn.elementwise body, got 'f64'}}
    %c = arith.constant 1.0 : f64
    lrnn.yield %x : f32
  }
  lrnn.output %e : tensor<2xf32>
}

// -----

lrnn.model @elementwise_nan_constant(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'arith.constant' op must be a finite f32 constant in an lrnn.elementwise body}}
    %c = arith.constant 0x7FC00000 : f32
    %y = arith.addf %x, %c : f32
    lrnn.yield %y : f32
  }
  lrnn.output %e : tensor<2xf32>
}

// -----

lrnn.model @elementwise_i1_constant(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'arith.constant' op must be a finite f32 constant in an lrnn.elementwise body}}
    %c = arith.constant true
    %y = arith.select %c, %x, %x : f32
    lrnn.yield %y : f32
  }
  lrnn.output %e : tensor<2xf32>
}

// -----

lrnn.model @elementwise_yield_count(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e, %f = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32> {
  ^bb0(%x: f32):
    // expected-error @+1 {{'lrnn.yield' op yields 1 values for 2 results}}
    lrnn.yield %x : f32
  }
  lrnn.output %e : tensor<2xf32>
}

// -----

lrnn.model @elementwise_yield_i1(%u: tensor<2xf32>) -> tensor<2xf32> {
  %e = lrnn.elementwise (%u) : tensor<2xf32> -> tensor<2xf32> {
  ^bb0(%x: f32):
    %c = arith.cmpf ogt, %x, %x : f32
    // expected-error @+1 {{'lrnn.yield' op operand #0 must be variadic of 32-bit float, but got 'i1'}}
    lrnn.yield %c : i1
  }
  lrnn.output %e : tensor<2xf32>
}

// -----

func.func @yield_outside_elementwise(%c: f32) {
  // expected-error @+1 {{'lrnn.yield' op expects parent op 'lrnn.elementwise'}}
  lrnn.yield %c : f32
}
