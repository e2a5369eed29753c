// expected-error @+1 {{mode must be 'fall-through' or 'pipelined', got 'fast'}}
loihi2.program @p attributes {system = "oheo-gulch", mode = "fast"} {
}
