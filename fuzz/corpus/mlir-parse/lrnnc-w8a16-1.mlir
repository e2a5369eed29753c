#loc = loc("/tmp/tmpd6oxpsl1/m1.safetensors":0:0)
#loc1 = loc("model"(#loc))
module {
  lrnn.model @model(%arg0: tensor<3x!lrnn.fixed<16, 14>> loc("model"(#loc))) -> tensor<1x!lrnn.fixed<16, 16>> attributes {accumulator_bits = 32 : i32} {
    %0 = lrnn.qproject %arg0 weight(#lrnn.sparse<[2, 3], nnz = 3, density = 0.5000, indices = dense<[[0, 2], [1, 0], [1, 2]]> : tensor<3x2xi32>, values = dense<[78, -33, -34]> : tensor<3xi8>> exp 7) bias(dense<[22295, -4475]> : tensor<2xi16> exp 16) : tensor<3x!lrnn.fixed<16, 14>> -> tensor<2x!lrnn.fixed<16, 15>> loc(#loc2)
    %real, %imag = lrnn.qcomplex_project %0 re(#lrnn.sparse<[1, 2], nnz = 1, density = 0.5000, indices = dense<[[0, 1]]> : tensor<1x2xi32>, values = dense<-65> : tensor<1xi8>> exp 22) im(#lrnn.sparse<[1, 2], nnz = 1, density = 0.5000, indices = dense<[[0, 1]]> : tensor<1x2xi32>, values = dense<-106> : tensor<1xi8>> exp 14) : tensor<2x!lrnn.fixed<16, 15>> -> tensor<1x!lrnn.fixed<16, 23>> loc(#loc3)
    %state_re, %state_im = lrnn.qdiag_recurrence %real, %imag lambda(dense<32085> : tensor<1xi16>, dense<-156> : tensor<1xi16> exp 15) : tensor<1x!lrnn.fixed<16, 23>> -> tensor<1x!lrnn.fixed<16, 22>> loc(#loc4)
    %1 = lrnn.qcomplex_readout %state_re, %state_im re(#lrnn.sparse<[2, 1], nnz = 1, density = 0.5000, indices = dense<0> : tensor<1x2xi32>, values = dense<68> : tensor<1xi8>>) im(dense<[[-32], [-2]]> : tensor<2x1xi8>) exp 8 : tensor<1x!lrnn.fixed<16, 22>> -> tensor<2x!lrnn.fixed<16, 24>> loc(#loc5)
    %2 = lrnn.qscale %0 factor(dense<[77, -23]> : tensor<2xi8> exp 8) : tensor<2x!lrnn.fixed<16, 15>> -> tensor<2x!lrnn.fixed<16, 16>> loc(#loc6)
    %3 = lrnn.qadd %1, %2 : tensor<2x!lrnn.fixed<16, 24>>, tensor<2x!lrnn.fixed<16, 16>> -> tensor<2x!lrnn.fixed<16, 16>> loc(#loc7)
    %4 = lrnn.qlut %3 gelu_tanh nodes(dense_resource<q6.nodes> : tensor<65xi16>) range_log2 2 segment_log2 3 node_exp 12 : tensor<2x!lrnn.fixed<16, 16>> -> tensor<2x!lrnn.fixed<16, 17>> loc(#loc8)
    %5 = lrnn.qproject %4 weight(#lrnn.sparse<[2, 2], nnz = 1, density = 0.2500, indices = dense<1> : tensor<1x2xi32>, values = dense<-101> : tensor<1xi8>> exp 7) bias(dense<[20598, -20672]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 17>> -> tensor<2x!lrnn.fixed<16, 15>> loc(#loc9)
    %6 = lrnn.qlut %5 sigmoid nodes(dense_resource<q8.nodes> : tensor<65xi16>) range_log2 3 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 15>> -> tensor<2x!lrnn.fixed<16, 15>> loc(#loc9)
    %7 = lrnn.qproject %4 weight(#lrnn.sparse<[2, 2], nnz = 1, density = 0.2500, indices = dense<1> : tensor<1x2xi32>, values = dense<-77> : tensor<1xi8>> exp 9) bias(dense<[-29133, -9420]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 17>> -> tensor<2x!lrnn.fixed<16, 15>> loc(#loc9)
    %8 = lrnn.qmul %7, %6 : tensor<2x!lrnn.fixed<16, 15>>, tensor<2x!lrnn.fixed<16, 15>> -> tensor<2x!lrnn.fixed<16, 15>> loc(#loc9)
    %9 = lrnn.qadd %8, %0 : tensor<2x!lrnn.fixed<16, 15>>, tensor<2x!lrnn.fixed<16, 15>> -> tensor<2x!lrnn.fixed<16, 15>> loc(#loc10)
    %real_0, %imag_1 = lrnn.qcomplex_project %9 re(#lrnn.sparse<[3, 2], nnz = 3, density = 0.5000, indices = dense<[[0, 1], [2, 0], [2, 1]]> : tensor<3x2xi32>, values = dense<[-2, -40, 99]> : tensor<3xi8>> exp 10) im(#lrnn.sparse<[3, 2], nnz = 3, density = 0.5000, indices = dense<[[0, 1], [1, 0], [2, 0]]> : tensor<3x2xi32>, values = dense<[-88, 61, -67]> : tensor<3xi8>> exp 10) : tensor<2x!lrnn.fixed<16, 15>> -> tensor<3x!lrnn.fixed<16, 19>> loc(#loc11)
    %state_re_2, %state_im_3 = lrnn.qdiag_recurrence %real_0, %imag_1 lambda(dense<[30976, 30142, 31138]> : tensor<3xi16>, dense<[-1414, 421, -43]> : tensor<3xi16> exp 15) : tensor<3x!lrnn.fixed<16, 19>> -> tensor<3x!lrnn.fixed<16, 17>> loc(#loc12)
    %10 = lrnn.qcomplex_readout %state_re_2, %state_im_3 re(dense<[[1, 59, -27], [21, 0, -93]]> : tensor<2x3xi8>) im(#lrnn.sparse<[2, 3], nnz = 3, density = 0.5000, indices = dense<[[0, 0], [0, 1], [1, 0]]> : tensor<3x2xi32>, values = dense<[65, -7, -47]> : tensor<3xi8>>) exp 7 : tensor<3x!lrnn.fixed<16, 17>> -> tensor<2x!lrnn.fixed<16, 17>> loc(#loc13)
    %11 = lrnn.qscale %9 factor(dense<[14, 69]> : tensor<2xi8> exp 7) : tensor<2x!lrnn.fixed<16, 15>> -> tensor<2x!lrnn.fixed<16, 17>> loc(#loc14)
    %12 = lrnn.qadd %10, %11 : tensor<2x!lrnn.fixed<16, 17>>, tensor<2x!lrnn.fixed<16, 17>> -> tensor<2x!lrnn.fixed<16, 17>> loc(#loc15)
    %13 = lrnn.qlut %12 gelu_tanh nodes(dense_resource<q17.nodes> : tensor<65xi16>) range_log2 2 segment_log2 3 node_exp 12 : tensor<2x!lrnn.fixed<16, 17>> -> tensor<2x!lrnn.fixed<16, 18>> loc(#loc16)
    %14 = lrnn.qproject %13 weight(#lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense<[[0, 0], [1, 0]]> : tensor<2x2xi32>, values = dense<[74, -93]> : tensor<2xi8>> exp 8) bias(dense<[25249, 30026]> : tensor<2xi16> exp 17) : tensor<2x!lrnn.fixed<16, 18>> -> tensor<2x!lrnn.fixed<16, 16>> loc(#loc17)
    %15 = lrnn.qlut %14 sigmoid nodes(dense_resource<q19.nodes> : tensor<65xi16>) range_log2 3 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 16>> -> tensor<2x!lrnn.fixed<16, 15>> loc(#loc17)
    %16 = lrnn.qproject %13 weight(#lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense<[[0, 0], [1, 1]]> : tensor<2x2xi32>, values = dense<[72, 22]> : tensor<2xi8>> exp 8) bias(dense<[8263, -30641]> : tensor<2xi16> exp 17) : tensor<2x!lrnn.fixed<16, 18>> -> tensor<2x!lrnn.fixed<16, 17>> loc(#loc17)
    %17 = lrnn.qmul %16, %15 : tensor<2x!lrnn.fixed<16, 17>>, tensor<2x!lrnn.fixed<16, 15>> -> tensor<2x!lrnn.fixed<16, 17>> loc(#loc17)
    %18 = lrnn.qadd %17, %9 : tensor<2x!lrnn.fixed<16, 17>>, tensor<2x!lrnn.fixed<16, 15>> -> tensor<2x!lrnn.fixed<16, 15>> loc(#loc18)
    %19 = lrnn.qproject %18 weight(dense<[[79, 105]]> : tensor<1x2xi8> exp 8) bias(dense<24365> : tensor<1xi16> exp 19) : tensor<2x!lrnn.fixed<16, 15>> -> tensor<1x!lrnn.fixed<16, 16>> loc(#loc19)
    lrnn.output %19 : tensor<1x!lrnn.fixed<16, 16>> loc(#loc19)
  } loc(#loc1)
} loc(#loc)
#loc2 = loc("encoder"(#loc))
#loc3 = loc("layers.0.ssm.B"(#loc))
#loc4 = loc("layers.0.ssm.lambda"(#loc))
#loc5 = loc("layers.0.ssm.C"(#loc))
#loc6 = loc("layers.0.ssm.D"(#loc))
#loc7 = loc("layers.0.ssm"(#loc))
#loc8 = loc("layers.0.activation"(#loc))
#loc9 = loc("layers.0.glu"(#loc))
#loc10 = loc("layers.0.residual"(#loc))
#loc11 = loc("layers.1.ssm.B"(#loc))
#loc12 = loc("layers.1.ssm.lambda"(#loc))
#loc13 = loc("layers.1.ssm.C"(#loc))
#loc14 = loc("layers.1.ssm.D"(#loc))
#loc15 = loc("layers.1.ssm"(#loc))
#loc16 = loc("layers.1.activation"(#loc))
#loc17 = loc("layers.1.glu"(#loc))
#loc18 = loc("layers.1.residual"(#loc))
#loc19 = loc("decoder"(#loc))

{-#
  dialect_resources: {
    builtin: {
      q6.nodes: "0x020000000000FFFFFFFFFEFFFDFFFCFFFAFFF6FFF1FFEAFFE0FFD3FFC2FFACFF91FF6FFF46FF17FFE0FEA5FE65FE23FEE2FDA7FD76FD54FD48FD57FD88FDE0FD65FE19FF000019016502E003880557074809540B760DA70FE21123146516A518E01A171D461F6F219123AC25C227D329E02BEA2DF12FF631FA33FC35FD37FE39FF3BFF3D0040",
      q8.nodes: "0x020000000B000E00120017001E00260031003F00510068008500AB00DB0019016801CD014D02F102C103C7041206B107B609340C420FF3125A17811C6D22112953300B380040F547AD4FEF56935D7F63A6680D6DBE70CC734A764F78EE79397B3F7C0F7DB37D337E987EE77E257F557F7B7F987FAF7FC17FCF7FDA7FE27FE97FEE7FF27FF57F",
      q17.nodes: "0x020000000000FFFFFFFFFEFFFDFFFCFFFAFFF6FFF1FFEAFFE0FFD3FFC2FFACFF91FF6FFF46FF17FFE0FEA5FE65FE23FEE2FDA7FD76FD54FD48FD57FD88FDE0FD65FE19FF000019016502E003880557074809540B760DA70FE21123146516A518E01A171D461F6F219123AC25C227D329E02BEA2DF12FF631FA33FC35FD37FE39FF3BFF3D0040",
      q19.nodes: "0x020000000B000E00120017001E00260031003F00510068008500AB00DB0019016801CD014D02F102C103C7041206B107B609340C420FF3125A17811C6D22112953300B380040F547AD4FEF56935D7F63A6680D6DBE70CC734A764F78EE79397B3F7C0F7DB37D337E987EE77E257F557F7B7F987FAF7FC17FCF7FDA7FE27FE97FEE7FF27FF57F"
    }
  }
#-}
