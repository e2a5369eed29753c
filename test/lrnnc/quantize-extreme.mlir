// A model with extreme weights (3e38, from a fuzzing finding) whose
// calibrated exponents would let a recurrence exceed the 48-bit accumulator:
// the quantiser verifies every integer op before committing and refuses the
// model with one line, instead of producing IR its verifiers reject (which
// the integer interpreter then ran into a signed overflow).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/calib.npy', (np.sin(0.7 * np.arange(48) + 0.3) * 2).astype(np.float32).reshape(8, 6))"
// RUN: not lrnnc %s --quantize=w8a24 --calibrate=%t/calib.npy -o %t/q.mlir 2> %t/err
// RUN: FileCheck %s < %t/err
// RUN: grep error: %t/err | count 1
// RUN: not test -e %t/q.mlir
// CHECK: lrnnc: error: {{.*}}'lrnn.qdiag_recurrence' op the recurrence may exceed the 48-bit accumulator
module {
  lrnn.model @model(%arg0: tensor<6xf32>) -> tensor<2xf32> {
    %0 = lrnn.project %arg0 weight(dense<[[3.750000e-01, 0.000000e+00, 9.062500e-01, 6.250000e-01, 0.000000e+00, 0.000000e+00], [-6.250000e-02, -3.125000e-02, 0.000000e+00, 0.000000e+00, 0.000000e+00, -1.125000e+00], [1.250000e-01, 8.750000e-01, 0.000000e+00, 0.000000e+00, -7.187500e-01, 1.187500e+00], [-1.093750e+00, 0.000000e+00, 0.000000e+00, -1.031250e+00, 6.250000e-02, 6.250000e-02]]> : tensor<4x6xf32>) bias(dense<[6.250000e-02, 6.250000e-02, 6.250000e-02, 0.000000e+00]> : tensor<4xf32>) : tensor<6xf32> -> tensor<4xf32>
    %real, %imag = lrnn.complex_project %0 re(dense<[[0.000000e+00, -1.250000e-01, 0.000000e+00, 0.000000e+00], [2.812500e-01, -3.437500e-01, -1.156250e+00, 3.125000e-02]]> : tensor<2x4xf32>) im(dense<[[-9.687500e-01, 3.000000e+38, 9.99999935E-39, 1.562500e-01], [3.000000e+38, 9.99999935E-39, 1.562500e-01, 3.000000e+38]]> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
    %state_re, %state_im = lrnn.diag_recurrence %real, %imag lambda(dense<0.000000e+00> : tensor<2xf32>, dense<[0.000000e+00, -1.750000e+00]> : tensor<2xf32>) : tensor<2xf32>
    %result_re, %result_im = lrnn.crelu %state_re, %state_im : tensor<2xf32>
    %1 = lrnn.complex_readout %result_re, %result_im re(dense<[[9.99999935E-39, 1.562500e-01], [3.000000e+38, 3.718750e+00], [-2.968750e+00, 7.812500e-01], [-3.531250e+00, -2.812500e-01]]> : tensor<4x2xf32>) im(dense<[[3.843750e+00, 0.000000e+00], [0.000000e+00, 9.99999935E-39], [1.562500e-01, 3.000000e+38], [9.99999935E-39, 1.562500e-01]]> : tensor<4x2xf32>) kappa(2.000000e+00) : tensor<2xf32> -> tensor<4xf32>
    %2 = lrnn.scale %0 by(dense<[3.000000e+38, 9.99999935E-39, 1.562500e-01, 3.000000e+38]> : tensor<4xf32>) : tensor<4xf32>
    %3 = lrnn.add %1, %2 : tensor<4xf32>
    %4 = lrnn.relu %3 : tensor<4xf32>
    %5 = lrnn.project %4 weight(dense<[[9.99999935E-39, 1.562500e-01, 3.000000e+38, 9.99999935E-39], [1.562500e-01, 3.000000e+38, 9.99999935E-39, 1.562500e-01], [3.000000e+38, 9.99999935E-39, 1.562500e-01, 3.000000e+38], [9.99999935E-39, 1.562500e-01, 3.000000e+38, 9.99999935E-39]]> : tensor<4x4xf32>) bias(dense<[1.562500e-01, 3.000000e+38, 9.99999935E-39, 1.562500e-01]> : tensor<4xf32>) : tensor<4xf32> -> tensor<4xf32>
    %6 = lrnn.sigmoid %5 : tensor<4xf32>
    %7 = lrnn.project %4 weight(dense<[[3.000000e+38, 9.99999935E-39, 1.562500e-01, 3.000000e+38], [9.99999935E-39, 1.562500e-01, 3.000000e+38, 9.99999935E-39], [1.562500e-01, 3.000000e+38, 9.99999935E-39, 1.562500e-01], [3.000000e+38, 9.99999935E-39, 1.562500e-01, 3.000000e+38]]> : tensor<4x4xf32>) bias(dense<[9.99999935E-39, 1.562500e-01, 3.000000e+38, 9.99999935E-39]> : tensor<4xf32>) : tensor<4xf32> -> tensor<4xf32>
    %8 = lrnn.mul %7, %6 : tensor<4xf32>
    %9 = lrnn.add %8, %0 : tensor<4xf32>
    %10 = lrnn.relu %9 : tensor<4xf32>
    %real_0, %imag_1 = lrnn.complex_project %10 re(dense<[[3.000000e+38, 9.99999935E-39, 1.562500e-01, 3.000000e+38], [9.99999935E-39, 1.562500e-01, 3.000000e+38, 9.99999935E-39]]> : tensor<2x4xf32>) im(dense<[[1.562500e-01, 3.000000e+38, 9.99999935E-39, 1.562500e-01], [3.000000e+38, 9.99999935E-39, 1.562500e-01, 3.000000e+38]]> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
    %state_re_2, %state_im_3 = lrnn.diag_recurrence %real_0, %imag_1 lambda(dense<[7.812500e-02, 3.000000e+38]> : tensor<2xf32>, dense<[9.99999935E-39, 1.562500e-01]> : tensor<2xf32>) : tensor<2xf32>
    %result_re_4, %result_im_5 = lrnn.crelu %state_re_2, %state_im_3 : tensor<2xf32>
    %11 = lrnn.complex_readout %result_re_4, %result_im_5 re(dense<[[9.99999935E-39, 1.562500e-01], [3.000000e+38, 9.99999935E-39], [1.562500e-01, 3.000000e+38], [9.99999935E-39, 1.562500e-01]]> : tensor<4x2xf32>) im(dense<[[3.000000e+38, 9.99999935E-39], [1.562500e-01, 3.000000e+38], [9.99999935E-39, 1.562500e-01], [3.000000e+38, 9.99999935E-39]]> : tensor<4x2xf32>) kappa(2.000000e+00) : tensor<2xf32> -> tensor<4xf32>
    %12 = lrnn.scale %10 by(dense<[1.562500e-01, 3.000000e+38, 9.99999935E-39, 1.562500e-01]> : tensor<4xf32>) : tensor<4xf32>
    %13 = lrnn.add %11, %12 : tensor<4xf32>
    %14 = lrnn.relu %13 : tensor<4xf32>
    %15 = lrnn.project %14 weight(dense<[[3.000000e+38, 9.99999935E-39, 1.562500e-01, 3.000000e+38], [9.99999935E-39, 1.562500e-01, 3.000000e+38, 9.99999935E-39], [1.562500e-01, 3.000000e+38, 9.99999935E-39, 1.562500e-01], [3.000000e+38, 9.99999935E-39, 1.562500e-01, 3.000000e+38]]> : tensor<4x4xf32>) bias(dense<[9.99999935E-39, 1.562500e-01, 3.000000e+38, 9.99999935E-39]> : tensor<4xf32>) : tensor<4xf32> -> tensor<4xf32>
    %16 = lrnn.sigmoid %15 : tensor<4xf32>
    %17 = lrnn.project %14 weight(dense<[[1.562500e-01, 3.000000e+38, 9.99999935E-39, 1.562500e-01], [3.000000e+38, 9.99999935E-39, 1.562500e-01, 3.000000e+38], [9.99999935E-39, 1.562500e-01, 3.000000e+38, 9.99999935E-39], [1.562500e-01, 3.000000e+38, 3.843750e+00, 1.562500e-01]]> : tensor<4x4xf32>) bias(dense<[3.000000e+38, 9.99999935E-39, 1.562500e-01, 3.000000e+38]> : tensor<4xf32>) : tensor<4xf32> -> tensor<4xf32>
    %18 = lrnn.mul %17, %16 : tensor<4xf32>
    %19 = lrnn.add %18, %10 : tensor<4xf32>
    %20 = lrnn.relu %19 : tensor<4xf32>
    %21 = lrnn.project %20 weight(dense<[[9.99999935E-39, 1.562500e-01, 3.000000e+38, 9.99999935E-39], [1.562500e-01, 3.000000e+38, 9.99999935E-39, 1.562500e-01]]> : tensor<2x4xf32>) bias(dense<[3.000000e+38, 9.99999935E-39]> : tensor<2xf32>) : tensor<4xf32> -> tensor<2xf32>
    lrnn.output %21 : tensor<2xf32>
  }
}
