// expected-error @+1 {{has an invalid target description: target: weight_bits.value: 17 is out of range 1..16}}
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined", target = "{\"format\": \"lrnn-loihi2-target/1\", \"weight_bits\": {\"value\": 17}}"} {
}
