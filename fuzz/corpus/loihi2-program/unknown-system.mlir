// Parses but does not verify: the system is not in the target description.
loihi2.program @p attributes {system = "nowhere", mode = "pipelined"} {
}
