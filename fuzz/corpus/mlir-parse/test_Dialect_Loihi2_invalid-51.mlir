// expected-error @+1 {{'loihi2.mc.const' op expects parent op 'loihi2.neuron_group'}}
%x = loihi2.mc.const 1
