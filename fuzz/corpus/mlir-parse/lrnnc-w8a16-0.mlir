#loc = loc("/tmp/tmpd6oxpsl1/m0.safetensors":0:0)
#loc1 = loc("model"(#loc))
module {
  lrnn.model @model(%arg0: tensor<2x!lrnn.fixed<16, 14>> loc("model"(#loc))) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
    %0 = lrnn.qproject %arg0 weight(dense<[[-71, -46], [0, 17], [-16, 0]]> : tensor<3x2xi8> exp 7) bias(dense<[-11267, -1684, -31859]> : tensor<3xi16> exp 16) : tensor<2x!lrnn.fixed<16, 14>> -> tensor<3x!lrnn.fixed<16, 15>> loc(#loc2)
    %1 = lrnn.qrelu %0 : tensor<3x!lrnn.fixed<16, 15>> loc(#loc2)
    %real, %imag = lrnn.qcomplex_project %1 re(#lrnn.sparse<[2, 3], nnz = 3, density = 0.5000, indices = dense<[[0, 0], [0, 2], [1, 2]]> : tensor<3x2xi32>, values = dense<[7, -1, -71]> : tensor<3xi8>> exp 10) im(dense<[[-22, 0, 30], [0, -1, 80]]> : tensor<2x3xi8> exp 9) bias_re(dense<[17855, 7745]> : tensor<2xi16> exp 22) bias_im(dense<[-27938, -7191]> : tensor<2xi16> exp 20) : tensor<3x!lrnn.fixed<16, 15>> -> tensor<2x!lrnn.fixed<16, 19>> loc(#loc3)
    %state_re, %state_im = lrnn.qdiag_recurrence %real, %imag lambda(dense<[31711, 30027]> : tensor<2xi16>, dense<[537, -527]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 19>> -> tensor<2x!lrnn.fixed<16, 16>> loc(#loc4)
    %result_re, %result_im = lrnn.qcrelu %state_re, %state_im : tensor<2x!lrnn.fixed<16, 16>> loc(#loc5)
    %2 = lrnn.qcomplex_readout %result_re, %result_im re(#lrnn.sparse<[3, 2], nnz = 3, density = 0.5000, indices = dense<[[0, 1], [1, 1], [2, 0]]> : tensor<3x2xi32>, values = dense<[16, -64, -67]> : tensor<3xi8>>) im(#lrnn.sparse<[3, 2], nnz = 2, density = 0.3333, indices = dense<[[0, 1], [2, 1]]> : tensor<2x2xi32>, values = dense<[51, -27]> : tensor<2xi8>>) exp 6 : tensor<2x!lrnn.fixed<16, 16>> -> tensor<3x!lrnn.fixed<16, 17>> loc(#loc6)
    %3 = lrnn.qscale %1 factor(dense<[-46, -1, 67]> : tensor<3xi8> exp 7) bias(dense<[-29472, -2209, -1855]> : tensor<3xi16> exp 17) : tensor<3x!lrnn.fixed<16, 15>> -> tensor<3x!lrnn.fixed<16, 16>> loc(#loc7)
    %4 = lrnn.qadd %2, %3 : tensor<3x!lrnn.fixed<16, 17>>, tensor<3x!lrnn.fixed<16, 16>> -> tensor<3x!lrnn.fixed<16, 16>> loc(#loc5)
    %5 = lrnn.qrelu %4 : tensor<3x!lrnn.fixed<16, 16>> loc(#loc8)
    %6 = lrnn.qproject %5 weight(#lrnn.sparse<[3, 3], nnz = 3, density = 0.3333, indices = dense<[[0, 0], [1, 1], [2, 2]]> : tensor<3x2xi32>, values = dense<[-64, -67, 52]> : tensor<3xi8>> exp 7) bias(dense<[1919, -24271, -1747]> : tensor<3xi16> exp 15) : tensor<3x!lrnn.fixed<16, 16>> -> tensor<3x!lrnn.fixed<16, 15>> loc(#loc9)
    %7 = lrnn.qlut %6 sigmoid nodes(dense_resource<q10.nodes> : tensor<65xi16>) range_log2 3 segment_log2 2 node_exp 15 : tensor<3x!lrnn.fixed<16, 15>> -> tensor<3x!lrnn.fixed<16, 15>> loc(#loc9)
    %8 = lrnn.qmul %5, %7 : tensor<3x!lrnn.fixed<16, 16>>, tensor<3x!lrnn.fixed<16, 15>> -> tensor<3x!lrnn.fixed<16, 14>> loc(#loc9)
    %9 = lrnn.qadd %8, %1 : tensor<3x!lrnn.fixed<16, 14>>, tensor<3x!lrnn.fixed<16, 15>> -> tensor<3x!lrnn.fixed<16, 15>> loc(#loc10)
    %10 = lrnn.qrelu %9 : tensor<3x!lrnn.fixed<16, 15>> loc(#loc10)
    %11 = lrnn.qproject %10 weight(#lrnn.sparse<[2, 3], nnz = 3, density = 0.5000, indices = dense<[[0, 1], [0, 2], [1, 2]]> : tensor<3x2xi32>, values = dense<[-38, 60, -76]> : tensor<3xi8>> exp 7) bias(dense<[-11663, 27067]> : tensor<2xi16> exp 15) : tensor<3x!lrnn.fixed<16, 15>> -> tensor<2x!lrnn.fixed<16, 15>> loc(#loc11)
    lrnn.output %11 : tensor<2x!lrnn.fixed<16, 15>> loc(#loc11)
  } loc(#loc1)
} loc(#loc)
#loc2 = loc("encoder"(#loc))
#loc3 = loc("layers.0.ssm.B"(#loc))
#loc4 = loc("layers.0.ssm.lambda"(#loc))
#loc5 = loc("layers.0.ssm"(#loc))
#loc6 = loc("layers.0.ssm.C"(#loc))
#loc7 = loc("layers.0.ssm.D"(#loc))
#loc8 = loc("layers.0.activation"(#loc))
#loc9 = loc("layers.0.glu"(#loc))
#loc10 = loc("layers.0.residual"(#loc))
#loc11 = loc("decoder"(#loc))

{-#
  dialect_resources: {
    builtin: {
      q10.nodes: "0x020000000B000E00120017001E00260031003F00510068008500AB00DB0019016801CD014D02F102C103C7041206B107B609340C420FF3125A17811C6D22112953300B380040F547AD4FEF56935D7F63A6680D6DBE70CC734A764F78EE79397B3F7C0F7DB37D337E987EE77E257F557F7B7F987FAF7FC17FCF7FDA7FE27FE97FEE7FF27FF57F"
    }
  }
#-}
