// Does not parse: a comma is missing between the attributes.
loihi2.program @p attributes {system = "oheo-gulch" mode = "pipelined"} {
}
