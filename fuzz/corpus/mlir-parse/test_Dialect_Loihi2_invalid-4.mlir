loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{width 25 is outside 1..24 (message_payload_bits)}}
  loihi2.input @u {size = 2, width = 25}
}
