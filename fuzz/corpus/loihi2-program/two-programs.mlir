// Valid MLIR, but a program file holds exactly one program.
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
}
loihi2.program @q attributes {system = "oheo-gulch", mode = "pipelined"} {
}
