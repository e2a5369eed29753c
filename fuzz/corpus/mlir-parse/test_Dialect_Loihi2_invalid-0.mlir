// Every verifier rejection of the loihi2 dialect (default target description).

// expected-error @+1 {{unknown system 'loihi3'; known systems: oheo-gulch, kapoho-point, hala-point}}
loihi2.program @p attributes {system = "loihi3", mode = "fall-through"} {
}
