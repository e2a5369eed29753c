#loc = loc("/tmp/tmpd6oxpsl1/m2.safetensors":0:0)
#loc1 = loc("model"(#loc))
module {
  lrnn.model @model(%arg0: tensor<1x!lrnn.fixed<16, 14>> loc("model"(#loc))) -> tensor<2x!lrnn.fixed<16, 16>> attributes {accumulator_bits = 32 : i32} {
    %0 = lrnn.qproject %arg0 weight(#lrnn.sparse<[1, 1], nnz = 0, density = 0.0000, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xi8>> exp 6) bias(dense<-19752> : tensor<1xi16> exp 15) : tensor<1x!lrnn.fixed<16, 14>> -> tensor<1x!lrnn.fixed<16, 15>> loc(#loc2)
    %real, %imag = lrnn.qcomplex_project %0 re(#lrnn.sparse<[1, 1], nnz = 0, density = 0.0000, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xi8>> exp 6) im(dense<-88> : tensor<1x1xi8> exp 9) bias_im(dense<17449> : tensor<1xi16> exp 16) : tensor<1x!lrnn.fixed<16, 15>> -> tensor<1x!lrnn.fixed<16, 16>> loc(#loc3)
    %state_re, %state_im = lrnn.qdiag_recurrence %real, %imag lambda(dense<-14859> : tensor<1xi16>, dense<17453> : tensor<1xi16> exp 16) : tensor<1x!lrnn.fixed<16, 16>> -> tensor<1x!lrnn.fixed<16, 16>> loc(#loc4)
    %result_re, %result_im = lrnn.qcrelu %state_re, %state_im : tensor<1x!lrnn.fixed<16, 16>> loc(#loc5)
    %1 = lrnn.qcomplex_readout %result_re, %result_im re(dense<-38> : tensor<1x1xi8>) im(dense<-102> : tensor<1x1xi8>) exp 7 : tensor<1x!lrnn.fixed<16, 16>> -> tensor<1x!lrnn.fixed<16, 16>> loc(#loc6)
    %2 = lrnn.qscale %0 factor(dense<-86> : tensor<1xi8> exp 7) : tensor<1x!lrnn.fixed<16, 15>> -> tensor<1x!lrnn.fixed<16, 16>> loc(#loc7)
    %3 = lrnn.qadd %1, %2 : tensor<1x!lrnn.fixed<16, 16>>, tensor<1x!lrnn.fixed<16, 16>> -> tensor<1x!lrnn.fixed<16, 15>> loc(#loc5)
    %4 = lrnn.qlut %3 gelu_erf nodes(dense_resource<q7.nodes> : tensor<65xi16>) range_log2 2 segment_log2 3 node_exp 12 : tensor<1x!lrnn.fixed<16, 15>> -> tensor<1x!lrnn.fixed<16, 15>> loc(#loc8)
    %5 = lrnn.qadd %4, %0 : tensor<1x!lrnn.fixed<16, 15>>, tensor<1x!lrnn.fixed<16, 15>> -> tensor<1x!lrnn.fixed<16, 16>> loc(#loc9)
    %6 = lrnn.qscale %5 factor(dense<-101> : tensor<1xi8> exp 6) bias(dense<29242> : tensor<1xi16> exp 15) : tensor<1x!lrnn.fixed<16, 16>> -> tensor<1x!lrnn.fixed<16, 14>> loc(#loc10)
    %7 = lrnn.qrelu %6 : tensor<1x!lrnn.fixed<16, 14>> loc(#loc9)
    %8 = lrnn.qproject %7 weight(#lrnn.sparse<[2, 1], nnz = 1, density = 0.5000, indices = dense<0> : tensor<1x2xi32>, values = dense<-127> : tensor<1xi8>> exp 10) bias(dense<[31231, -4221]> : tensor<2xi16> exp 16) : tensor<1x!lrnn.fixed<16, 14>> -> tensor<2x!lrnn.fixed<16, 16>> loc(#loc11)
    lrnn.output %8 : tensor<2x!lrnn.fixed<16, 16>> loc(#loc11)
  } loc(#loc1)
} loc(#loc)
#loc2 = loc("encoder"(#loc))
#loc3 = loc("layers.0.ssm.B"(#loc))
#loc4 = loc("layers.0.ssm.lambda"(#loc))
#loc5 = loc("layers.0.ssm"(#loc))
#loc6 = loc("layers.0.ssm.C"(#loc))
#loc7 = loc("layers.0.ssm.D"(#loc))
#loc8 = loc("layers.0.activation"(#loc))
#loc9 = loc("layers.0.residual"(#loc))
#loc10 = loc("layers.0.norm"(#loc))
#loc11 = loc("decoder"(#loc))

{-#
  dialect_resources: {
    builtin: {
      q7.nodes: "0x02000000FFFFFFFFFFFFFEFFFDFFFBFFF8FFF5FFEFFFE8FFDEFFD1FFC0FFABFF8FFF6EFF46FF17FFE1FEA5FE66FE24FEE3FDA8FD76FD54FD48FD57FD88FDE1FD65FE19FF000019016502E103880557074809540B760DA80FE31124146616A518E11A171D461F6E218F23AB25C027D129DE2BE82DEF2FF531F833FB35FD37FE39FF3BFF3DFF3F"
    }
  }
#-}
