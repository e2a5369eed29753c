loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{is not allowed in a loihi2.program}}
  func.func @f() {
    return
  }
}
