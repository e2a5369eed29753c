module {
  loihi2.program @model attributes {mode = "pipelined", system = "oheo-gulch", target = "{\0A  \22format\22: \22lrnn-loihi2-target/1\22,\0A  \22cores_per_chip\22: {\22value\22: 128, \22unit\22: \22cores\22, \22source\22: \22Intel Loihi 2 technology brief (2021); WikiChip intel/loihi_2: 128 neuromorphic cores per chip. Hala Point's 140,544 cores over 1,152 chips (Intel newsroom, 2024) is 122 per chip, so a few cores per chip may not be usable there; override with 122 to model that.\22},\0A  \22mesh\22: {\22value\22: [8, 16], \22unit\22: \22cores (x, y)\22, \22source\22: \22Intel Loihi 2 technology brief; WikiChip intel/loihi_2: the 128 cores form an 8 x 16 mesh. Mesh hops are counted as the Manhattan distance between core positions on this grid.\22},\0A  \22neurons_per_core\22: {\22value\22: 8192, \22unit\22: \22neurons\22, \22source\22: \22Intel Loihi 2 technology brief: up to 1,048,576 neurons per chip, divided by 128 cores = 8,192 neurons (compartments) per core.\22},\0A  \22x86_cores_per_chip\22: {\22value\22: 6, \22unit\22: \22cores\22, \22source\22: \22Intel Loihi 2 technology brief: 6 embedded x86 (Lakemont) cores per chip for I/O and management. They run no neurons; the host input/output ports of a program are served by them.\22},\0A  \22memory_bytes_per_core\22: {\22value\22: 131072, \22unit\22: \22bytes\22, \22source\22: \22Estimate: Intel describes each Loihi 2 core's synaptic and neuron state memory as flexibly partitioned but publishes no size; 128 KiB matches Loihi 1's 128 KB of synaptic state per core (Davies et al., IEEE Micro 2018, p. 89). Some secondary sources give 192 KiB; override if that is the case.\22},\0A  \22dense_synapse_bytes\22: {\22value\22: 1, \22unit\22: \22bytes per synapse\22, \22source\22: \22Estimate: a dense synapse block stores only the weight (weight_bits = 8 bits = 1 byte); the target neuron follows from the entry's position, so no index is stored. Loihi 2's synapse encodings are not published.\22},\0A  \22sparse_synapse_bytes\22: {\22value\22: 3, \22unit\22: \22bytes per synapse\22, \22source\22: \22Estimate: a sparse synapse entry stores its weight and the index of its target neuron: weight_bits (8) + synapse_index_bits (16) = 24 bits = 3 bytes, rounded up to whole bytes. Loihi 1 charged 64-bit words per synapse list with compression (Davies et al. 2018, p. 89); Loihi 2's encodings are not published.\22},\0A  \22synapse_index_bits\22: {\22value\22: 16, \22unit\22: \22bits\22, \22source\22: \22Estimate: the index of a sparse synapse's target neuron within its core; 13 bits address neurons_per_core = 8,192, rounded up to a 16-bit field.\22},\0A  \22input_axon_bytes\22: {\22value\22: 4, \22unit\22: \22bytes per input axon\22, \22source\22: \22Estimate: each input of a synapse block that receives messages on a core needs one routing entry locating its synapse list (offset and length, taken as one 32-bit word). Loihi 1 kept 20 kB of routing tables per core beside the synaptic memory (Davies et al., Proc. IEEE 2021, p. 913); Loihi 2 partitions one memory flexibly, so it is charged here.\22},\0A  \22neuron_state_bytes\22: {\22value\22: 3, \22unit\22: \22bytes per state variable\22, \22source\22: \22Estimate: one 24-bit neuron state register (neuron_register_bits, Lava's bit-accurate models) stored in 3 bytes, charged per neuron and per state variable.\22},\0A  \22microcode_instruction_bytes\22: {\22value\22: 4, \22unit\22: \22bytes per instruction\22, \22source\22: \22Estimate: Loihi 2 neuron programs are microcode (Intel technology brief) whose encoding is not published; taken as one 32-bit word per instruction, charged once per neuron group on each core that holds part of the group.\22},\0A  \22weight_bits\22: {\22value\22: 8, \22unit\22: \22bits\22, \22source\22: \22Lava bit-accurate Dense (lava.proc.dense, lava.utils.weightutils): weights of at most 8 bits with a sign mode (mixed, excitatory, inhibitory); fewer bits drop low bits.\22},\0A  \22weight_exponent\22: {\22value\22: [-8, 7], \22unit\22: \22power-of-two exponent (min, max)\22, \22source\22: \22Estimate: one shared power-of-two weight exponent per synapse block (Lava's Dense weight_exp, chosen by lava.utils.weightutils), range taken from Loihi 1's 4-bit signed weight exponent (NxSDK); Lava documents no Loihi 2 range.\22},\0A  \22message_payload_bits\22: {\22value\22: 24, \22unit\22: \22bits\22, \22source\22: \22Lava's Loihi 2 process models carry 24-bit graded spike payloads; Intel's Loihi 2 brief says graded spikes of up to 32 bits.\22},\0A  \22neuron_register_bits\22: {\22value\22: 24, \22unit\22: \22bits\22, \22source\22: \22Lava's bit-accurate LIF and resonate-and-fire models: 24-bit signed neuron state that saturates at +-(2^23 - 1) rather than wrapping.\22},\0A  \22neuron_alu_bits\22: {\22value\22: 48, \22unit\22: \22bits\22, \22source\22: \22Estimate: Lava's bit-accurate neuron models keep 24-bit state but form products such as decay (12 bit) x state (24 bit) and the resonate-and-fire rotation at full width before shifting back and saturating, so a neuron's arithmetic is wider than its registers; 48 bits holds the exact product of two 24-bit registers. Every intermediate of a neuron program is computed exactly and saturates at this width; only state variables, parameters and message payloads are limited to 24 bits.\22},\0A  \22max_fan_in_per_neuron\22: {\22value\22: 4096, \22unit\22: \22synapses\22, \22source\22: \22Estimate: Loihi 2 publishes no per-neuron fan-in limit. A neuron only receives inputs routed to its core, and Loihi 1 allowed 4,096 input axons per core (Davies et al. 2018, p. 89, constraint 4), so 4,096 is taken as the largest fan-in of one neuron.\22},\0A  \22input_axons_per_core\22: {\22value\22: 4096, \22unit\22: \22axons\22, \22source\22: \22Estimate: Loihi 1's limit of 4,096 input axons (distribution lists) per core (Davies et al. 2018, p. 89, constraint 4); Loihi 2's routing table sizes are not published.\22},\0A  \22output_axons_per_core\22: {\22value\22: 4096, \22unit\22: \22axons\22, \22source\22: \22Estimate: Loihi 1's limit of 4,096 core-to-core fan-out edges per core (Davies et al. 2018, p. 89, constraint 3); Loihi 2's routing table sizes are not published.\22},\0A  \22connection_delay_steps\22: {\22value\22: 1, \22unit\22: \22steps\22, \22source\22: \22Lava: every connection delivers its messages one time step after they are sent (outputs of a step are seen by the next step), under a global barrier synchronisation per step.\22},\0A  \22systems\22: {\22value\22: [\0A    {\22name\22: \22oheo-gulch\22, \22chips\22: 1, \22mesh\22: [1, 1]},\0A    {\22name\22: \22kapoho-point\22, \22chips\22: 8, \22mesh\22: [2, 4]},\0A    {\22name\22: \22hala-point\22, \22chips\22: 1152, \22mesh\22: [32, 36]}\0A  ], \22unit\22: \22chips (name, chips, chip mesh x, y)\22, \22source\22: \22Intel newsroom: Oheo Gulch is a single-chip Loihi 2 board; Kapoho Point a board of 8 chips (Lava's docstring says 4); Hala Point 1,152 chips with 140,544 cores, 1.15 billion neurons, 128 billion synapses, at most 2,600 W (2024). Chip mesh layouts are estimates: none is published, so each is the most nearly square grid that holds the chips (2 x 4, 32 x 36).\22},\0A  \22energy_per_synaptic_op\22: {\22value\22: 23.6, \22unit\22: \22pJ\22, \22source\22: \22Estimate from Loihi 1: 'energy per synaptic spike op (min)' 23.6 pJ (Davies et al., IEEE Micro 2018, table 2, 14 nm). No Loihi 2 figure is published; Hala Point's 380 T synaptic ops/s and 240 T neuron ops/s at <= 2,600 W bound Loihi 2's average to about 4 pJ per op, so this overstates absolute energy but keeps the paper's ratios.\22},\0A  \22energy_per_neuron_instruction\22: {\22value\22: 8.1, \22unit\22: \22pJ\22, \22source\22: \22Estimate from Loihi 1: an active neuron update costs 81 pJ (inactive 52 pJ; Davies et al. 2018, table 2) for a CUBA LIF update, counted as about 10 microcode instructions (two decays of multiply and shift, two adds, threshold compare, select, state reads and writes): 81 / 10 = 8.1 pJ per instruction.\22},\0A  \22energy_per_spike\22: {\22value\22: 1.7, \22unit\22: \22pJ\22, \22source\22: \22Estimate from Loihi 1: 'within-tile spike energy' 1.7 pJ (Davies et al. 2018, table 2), charged once per message sent.\22},\0A  \22energy_per_mesh_hop\22: {\22value\22: 3.5, \22unit\22: \22pJ\22, \22source\22: \22Estimate from Loihi 1: 'energy per tile hop' 3.0 pJ east-west and 4.0 pJ north-south (Davies et al. 2018, table 2); their mean, per message per hop.\22},\0A  \22energy_per_chip_crossing\22: {\22value\22: 100.0, \22unit\22: \22pJ\22, \22source\22: \22Estimate: no chip-to-chip energy is published for Loihi 1 or 2. Off-chip links cost roughly 1 to 10 pJ per bit against about 0.1 pJ per bit on chip; a 32-bit message (Davies et al., Proc. IEEE 2021) at about 3 pJ per bit is about 100 pJ per message per chip boundary crossed.\22},\0A  \22static_power_per_chip\22: {\22value\22: 2.26, \22unit\22: \22W\22, \22source\22: \22Estimate: Hala Point's maximum 2,600 W over its 1,152 chips (Intel newsroom, 2024) = 2.26 W per chip. That figure includes dynamic power, the x86 cores and system overhead, so it is an upper bound on static power.\22},\0A  \22latency_per_synaptic_op\22: {\22value\22: 3.5, \22unit\22: \22ns\22, \22source\22: \22Estimate from Loihi 1: 'time per synaptic spike op (max)' 3.5 ns (Davies et al. 2018, table 2); synaptic ops of one core are serial.\22},\0A  \22latency_per_neuron_instruction\22: {\22value\22: 0.84, \22unit\22: \22ns\22, \22source\22: \22Estimate from Loihi 1: an active neuron update takes 8.4 ns (inactive 5.3 ns; Davies et al. 2018, table 2), over the same 10 instructions as energy_per_neuron_instruction: 0.84 ns per instruction; a core's neurons are updated serially.\22},\0A  \22latency_per_spike\22: {\22value\22: 2.1, \22unit\22: \22ns\22, \22source\22: \22Estimate from Loihi 1: 'within-tile spike latency' 2.1 ns (Davies et al. 2018, table 2).\22},\0A  \22latency_per_mesh_hop\22: {\22value\22: 5.3, \22unit\22: \22ns\22, \22source\22: \22Estimate from Loihi 1: 'latency per tile hop' 4.1 ns east-west and 6.5 ns north-south (Davies et al. 2018, table 2); their mean.\22},\0A  \22latency_per_chip_crossing\22: {\22value\22: 100.0, \22unit\22: \22ns\22, \22source\22: \22Estimate: Pohoiki Springs (768 Loihi 1 chips as a 12 x 64 mesh) synchronises all chips in 16.2 us (Frady et al. 2020); a barrier crosses the chip mesh about twice (gather and release), 2 x 76 = 152 crossings, so about 100 ns per chip crossing.\22},\0A  \22barrier_time_per_step\22: {\22value\22: 465.0, \22unit\22: \22ns\22, \22source\22: \22Estimate from Loihi 1: 'mesh-wide barrier sync time' 113 to 465 ns for 1 to 32 tiles, i.e. a whole 128-core chip (Davies et al. 2018, table 2); the upper end is taken for one chip. Multi-chip systems add 2 x (chip mesh width + height - 2) x latency_per_chip_crossing.\22}\0A}\0A"} {
    loihi2.input @input {exp = 14 : i64, size = 3 : i64, width = 16 : i64}
    loihi2.neuron_group @encoder attributes {outputs = 2 : i64, params = [{name = "bias", values = dense<[22295, -4475]> : tensor<2xi16>}, {name = "factor", values = dense<[77, -23]> : tensor<2xi8>}], placement = [{chip = 0 : i64, core = 0 : i64, count = 2 : i64, first = 0 : i64}], size = 2 : i64, start = 1 : i64, state = []} {
      %0 = loihi2.mc.read_port 0
      %1 = loihi2.mc.read_param "bias"
      %2 = loihi2.mc.shl %1, 5
      %3 = loihi2.mc.add %0, %2
      %4 = loihi2.mc.shr_round %3, 6
      %5 = loihi2.mc.sat %4, 16
      %6 = loihi2.mc.read_param "factor"
      %7 = loihi2.mc.mul %6, %5
      %8 = loihi2.mc.shr_round %7, 7
      %9 = loihi2.mc.sat %8, 16
      loihi2.mc.send %5
      loihi2.mc.send %9 output 1
      loihi2.mc.yield
    }
    loihi2.synapse_block @encoder.w {delay = 0 : i64, port = 0 : i64, source = @input, target = @encoder, weight_exp = 0 : i64, weights = #lrnn.sparse<[2, 3], nnz = 3, density = 0.5000, indices = dense<[[0, 2], [1, 0], [1, 2]]> : tensor<3x2xi32>, values = dense<[78, -33, -34]> : tensor<3xi8>>}
    loihi2.neuron_group @layers.0.ssm.B attributes {outputs = 2 : i64, params = [{name = "lambda_re", values = dense<32085> : tensor<1xi16>}, {name = "lambda_im", values = dense<-156> : tensor<1xi16>}], placement = [{chip = 0 : i64, core = 0 : i64, count = 1 : i64, first = 0 : i64}], ports = 2 : i64, size = 1 : i64, start = 2 : i64, state = [{name = "x_re", width = 16 : i64}, {name = "x_im", width = 16 : i64}]} {
      %0 = loihi2.mc.read_port 0
      %1 = loihi2.mc.shr_round %0, 14
      %2 = loihi2.mc.sat %1, 16
      %3 = loihi2.mc.read_port 1
      %4 = loihi2.mc.shr_round %3, 6
      %5 = loihi2.mc.sat %4, 16
      %6 = loihi2.mc.read_param "lambda_re"
      %7 = loihi2.mc.read_param "lambda_im"
      %8 = loihi2.mc.read_state "x_re"
      %9 = loihi2.mc.read_state "x_im"
      %10 = loihi2.mc.shr_round %2, 1
      %11 = loihi2.mc.shr_round %5, 1
      %12 = loihi2.mc.mul %7, %9
      %13 = loihi2.mc.shr_round %12, 15
      %14 = loihi2.mc.mul %6, %8
      %15 = loihi2.mc.shr_round %14, 15
      %16 = loihi2.mc.sub %15, %13
      %17 = loihi2.mc.add %16, %10
      %18 = loihi2.mc.mul %7, %8
      %19 = loihi2.mc.shr_round %18, 15
      %20 = loihi2.mc.mul %6, %9
      %21 = loihi2.mc.shr_round %20, 15
      %22 = loihi2.mc.add %21, %19
      %23 = loihi2.mc.add %22, %11
      %24 = loihi2.mc.sat %17, 16
      %25 = loihi2.mc.sat %23, 16
      loihi2.mc.write_state "x_re", %24
      loihi2.mc.write_state "x_im", %25
      loihi2.mc.send %24
      loihi2.mc.send %25 output 1
      loihi2.mc.yield
    }
    loihi2.synapse_block @layers.0.ssm.B.re {delay = 0 : i64, port = 0 : i64, source = @encoder, target = @layers.0.ssm.B, weight_exp = 0 : i64, weights = #lrnn.sparse<[1, 2], nnz = 1, density = 0.5000, indices = dense<[[0, 1]]> : tensor<1x2xi32>, values = dense<-65> : tensor<1xi8>>}
    loihi2.synapse_block @layers.0.ssm.B.im {delay = 0 : i64, port = 1 : i64, source = @encoder, target = @layers.0.ssm.B, weight_exp = 0 : i64, weights = #lrnn.sparse<[1, 2], nnz = 1, density = 0.5000, indices = dense<[[0, 1]]> : tensor<1x2xi32>, values = dense<-106> : tensor<1xi8>>}
    loihi2.neuron_group @layers.0.ssm.C attributes {placement = [{chip = 0 : i64, core = 0 : i64, count = 2 : i64, first = 0 : i64}], ports = 2 : i64, size = 2 : i64, start = 3 : i64, state = []} {
      %0 = loihi2.mc.read_port 0
      %1 = loihi2.mc.shr_round %0, 6
      %2 = loihi2.mc.sat %1, 16
      %3 = loihi2.mc.read_port 1
      %4 = loihi2.mc.sat %3, 16
      %5 = loihi2.mc.shl %4, 8
      %6 = loihi2.mc.add %2, %5
      %7 = loihi2.mc.shr_round %6, 8
      %8 = loihi2.mc.sat %7, 16
      %9 = loihi2.mc.lut "gelu_tanh" %8 nodes [0, -1, -1, -2, -3, -4, -6, -10, -15, -22, -32, -45, -62, -84, -111, -145, -186, -233, -288, -347, -411, -477, -542, -601, -650, -684, -696, -681, -632, -544, -411, -231, 0, 281, 613, 992, 1416, 1879, 2376, 2900, 3446, 4007, 4578, 5155, 5733, 6309, 6880, 7447, 8006, 8559, 9105, 9644, 10178, 10707, 11232, 11754, 12273, 12790, 13306, 13820, 14333, 14846, 15359, 15871, 16384] range_log2 2 segment_log2 3 node_exp 12 in_exp 16 out_exp 17 width 16 acc_bits 32 above_identity
      loihi2.mc.send %9
      loihi2.mc.yield
    }
    loihi2.synapse_block @layers.0.ssm.C.re {delay = 0 : i64, port = 0 : i64, source = @layers.0.ssm.B, target = @layers.0.ssm.C, weight_exp = 0 : i64, weights = #lrnn.sparse<[2, 1], nnz = 1, density = 0.5000, indices = dense<0> : tensor<1x2xi32>, values = dense<68> : tensor<1xi8>>}
    loihi2.synapse_block @layers.0.ssm.C.im {delay = 0 : i64, port = 0 : i64, source = @layers.0.ssm.B, source_output = 1 : i64, target = @layers.0.ssm.C, weight_exp = 0 : i64, weights = dense<[[32], [2]]> : tensor<2x1xi8>}
    loihi2.synapse_block @layers.0.ssm.C.route1 {delay = 1 : i64, port = 1 : i64, source = @encoder, source_output = 1 : i64, target = @layers.0.ssm.C, weight_exp = 0 : i64, weights = #lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense<[[0, 0], [1, 1]]> : tensor<2x2xi32>, values = dense<1> : tensor<2xi8>>}
    loihi2.neuron_group @layers.0.glu attributes {params = [{name = "bias", values = dense<[20598, -20672]> : tensor<2xi16>}], placement = [{chip = 0 : i64, core = 0 : i64, count = 2 : i64, first = 0 : i64}], size = 2 : i64, start = 4 : i64, state = []} {
      %0 = loihi2.mc.read_port 0
      %1 = loihi2.mc.read_param "bias"
      %2 = loihi2.mc.shl %1, 9
      %3 = loihi2.mc.add %0, %2
      %4 = loihi2.mc.shr_round %3, 9
      %5 = loihi2.mc.sat %4, 16
      %6 = loihi2.mc.lut "sigmoid" %5 nodes [11, 14, 18, 23, 30, 38, 49, 63, 81, 104, 133, 171, 219, 281, 360, 461, 589, 753, 961, 1223, 1554, 1969, 2486, 3124, 3906, 4851, 5978, 7297, 8813, 10513, 12371, 14347, 16384, 18421, 20397, 22255, 23955, 25471, 26790, 27917, 28862, 29644, 30282, 30799, 31214, 31545, 31807, 32015, 32179, 32307, 32408, 32487, 32549, 32597, 32635, 32664, 32687, 32705, 32719, 32730, 32738, 32745, 32750, 32754, 32757] range_log2 3 segment_log2 2 node_exp 15 in_exp 15 out_exp 15 width 16 acc_bits 32
      loihi2.mc.send %6
      loihi2.mc.yield
    }
    loihi2.synapse_block @layers.0.glu.w {delay = 0 : i64, port = 0 : i64, source = @layers.0.ssm.C, target = @layers.0.glu, weight_exp = 0 : i64, weights = #lrnn.sparse<[2, 2], nnz = 1, density = 0.2500, indices = dense<1> : tensor<1x2xi32>, values = dense<-101> : tensor<1xi8>>}
    loihi2.neuron_group @layers.0.glu.1 attributes {outputs = 2 : i64, params = [{name = "bias", values = dense<[-29133, -9420]> : tensor<2xi16>}, {name = "factor", values = dense<[14, 69]> : tensor<2xi8>}], placement = [{chip = 0 : i64, core = 0 : i64, count = 2 : i64, first = 0 : i64}], ports = 3 : i64, size = 2 : i64, start = 5 : i64, state = []} {
      %0 = loihi2.mc.read_port 0
      %1 = loihi2.mc.read_param "bias"
      %2 = loihi2.mc.shl %1, 11
      %3 = loihi2.mc.add %0, %2
      %4 = loihi2.mc.shr_round %3, 11
      %5 = loihi2.mc.sat %4, 16
      %6 = loihi2.mc.read_port 1
      %7 = loihi2.mc.sat %6, 16
      %8 = loihi2.mc.mul %5, %7
      %9 = loihi2.mc.shr_round %8, 15
      %10 = loihi2.mc.sat %9, 16
      %11 = loihi2.mc.read_port 2
      %12 = loihi2.mc.sat %11, 16
      %13 = loihi2.mc.add %10, %12
      %14 = loihi2.mc.sat %13, 16
      %15 = loihi2.mc.read_param "factor"
      %16 = loihi2.mc.mul %15, %14
      %17 = loihi2.mc.shr_round %16, 5
      %18 = loihi2.mc.sat %17, 16
      loihi2.mc.send %14
      loihi2.mc.send %18 output 1
      loihi2.mc.yield
    }
    loihi2.synapse_block @layers.0.glu.1.w {delay = 1 : i64, port = 0 : i64, source = @layers.0.ssm.C, target = @layers.0.glu.1, weight_exp = 0 : i64, weights = #lrnn.sparse<[2, 2], nnz = 1, density = 0.2500, indices = dense<1> : tensor<1x2xi32>, values = dense<-77> : tensor<1xi8>>}
    loihi2.synapse_block @layers.0.glu.1.route1 {delay = 0 : i64, port = 1 : i64, source = @layers.0.glu, target = @layers.0.glu.1, weight_exp = 0 : i64, weights = #lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense<[[0, 0], [1, 1]]> : tensor<2x2xi32>, values = dense<1> : tensor<2xi8>>}
    loihi2.synapse_block @layers.0.glu.1.route2 {delay = 3 : i64, port = 2 : i64, source = @encoder, target = @layers.0.glu.1, weight_exp = 0 : i64, weights = #lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense<[[0, 0], [1, 1]]> : tensor<2x2xi32>, values = dense<1> : tensor<2xi8>>}
    loihi2.neuron_group @layers.1.ssm.B attributes {outputs = 2 : i64, params = [{name = "lambda_re", values = dense<[30976, 30142, 31138]> : tensor<3xi16>}, {name = "lambda_im", values = dense<[-1414, 421, -43]> : tensor<3xi16>}], placement = [{chip = 0 : i64, core = 0 : i64, count = 3 : i64, first = 0 : i64}], ports = 2 : i64, size = 3 : i64, start = 6 : i64, state = [{name = "x_re4", width = 16 : i64}, {name = "x_im4", width = 16 : i64}]} {
      %0 = loihi2.mc.read_port 0
      %1 = loihi2.mc.shr_round %0, 6
      %2 = loihi2.mc.sat %1, 16
      %3 = loihi2.mc.read_port 1
      %4 = loihi2.mc.shr_round %3, 6
      %5 = loihi2.mc.sat %4, 16
      %6 = loihi2.mc.read_param "lambda_re"
      %7 = loihi2.mc.read_param "lambda_im"
      %8 = loihi2.mc.read_state "x_re4"
      %9 = loihi2.mc.read_state "x_im4"
      %10 = loihi2.mc.shr_round %2, 2
      %11 = loihi2.mc.shr_round %5, 2
      %12 = loihi2.mc.mul %7, %9
      %13 = loihi2.mc.shr_round %12, 15
      %14 = loihi2.mc.mul %6, %8
      %15 = loihi2.mc.shr_round %14, 15
      %16 = loihi2.mc.sub %15, %13
      %17 = loihi2.mc.add %16, %10
      %18 = loihi2.mc.mul %7, %8
      %19 = loihi2.mc.shr_round %18, 15
      %20 = loihi2.mc.mul %6, %9
      %21 = loihi2.mc.shr_round %20, 15
      %22 = loihi2.mc.add %21, %19
      %23 = loihi2.mc.add %22, %11
      %24 = loihi2.mc.sat %17, 16
      %25 = loihi2.mc.sat %23, 16
      loihi2.mc.write_state "x_re4", %24
      loihi2.mc.write_state "x_im4", %25
      loihi2.mc.send %24
      loihi2.mc.send %25 output 1
      loihi2.mc.yield
    }
    loihi2.synapse_block @layers.1.ssm.B.re {delay = 0 : i64, port = 0 : i64, source = @layers.0.glu.1, target = @layers.1.ssm.B, weight_exp = 0 : i64, weights = #lrnn.sparse<[3, 2], nnz = 3, density = 0.5000, indices = dense<[[0, 1], [2, 0], [2, 1]]> : tensor<3x2xi32>, values = dense<[-2, -40, 99]> : tensor<3xi8>>}
    loihi2.synapse_block @layers.1.ssm.B.im {delay = 0 : i64, port = 1 : i64, source = @layers.0.glu.1, target = @layers.1.ssm.B, weight_exp = 0 : i64, weights = #lrnn.sparse<[3, 2], nnz = 3, density = 0.5000, indices = dense<[[0, 1], [1, 0], [2, 0]]> : tensor<3x2xi32>, values = dense<[-88, 61, -67]> : tensor<3xi8>>}
    loihi2.neuron_group @layers.1.ssm.C attributes {placement = [{chip = 0 : i64, core = 0 : i64, count = 2 : i64, first = 0 : i64}], ports = 2 : i64, size = 2 : i64, start = 7 : i64, state = []} {
      %0 = loihi2.mc.read_port 0
      %1 = loihi2.mc.shr_round %0, 7
      %2 = loihi2.mc.sat %1, 16
      %3 = loihi2.mc.read_port 1
      %4 = loihi2.mc.sat %3, 16
      %5 = loihi2.mc.add %2, %4
      %6 = loihi2.mc.sat %5, 16
      %7 = loihi2.mc.lut "gelu_tanh" %6 nodes [0, -1, -1, -2, -3, -4, -6, -10, -15, -22, -32, -45, -62, -84, -111, -145, -186, -233, -288, -347, -411, -477, -542, -601, -650, -684, -696, -681, -632, -544, -411, -231, 0, 281, 613, 992, 1416, 1879, 2376, 2900, 3446, 4007, 4578, 5155, 5733, 6309, 6880, 7447, 8006, 8559, 9105, 9644, 10178, 10707, 11232, 11754, 12273, 12790, 13306, 13820, 14333, 14846, 15359, 15871, 16384] range_log2 2 segment_log2 3 node_exp 12 in_exp 17 out_exp 18 width 16 acc_bits 32 above_identity
      loihi2.mc.send %7
      loihi2.mc.yield
    }
    loihi2.synapse_block @layers.1.ssm.C.re {delay = 0 : i64, port = 0 : i64, source = @layers.1.ssm.B, target = @layers.1.ssm.C, weight_exp = 0 : i64, weights = dense<[[1, 59, -27], [21, 0, -93]]> : tensor<2x3xi8>}
    loihi2.synapse_block @layers.1.ssm.C.im {delay = 0 : i64, port = 0 : i64, source = @layers.1.ssm.B, source_output = 1 : i64, target = @layers.1.ssm.C, weight_exp = 0 : i64, weights = #lrnn.sparse<[2, 3], nnz = 3, density = 0.5000, indices = dense<[[0, 0], [0, 1], [1, 0]]> : tensor<3x2xi32>, values = dense<[-65, 7, 47]> : tensor<3xi8>>}
    loihi2.synapse_block @layers.1.ssm.C.route1 {delay = 1 : i64, port = 1 : i64, source = @layers.0.glu.1, source_output = 1 : i64, target = @layers.1.ssm.C, weight_exp = 0 : i64, weights = #lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense<[[0, 0], [1, 1]]> : tensor<2x2xi32>, values = dense<1> : tensor<2xi8>>}
    loihi2.neuron_group @layers.1.glu attributes {params = [{name = "bias", values = dense<[25249, 30026]> : tensor<2xi16>}], placement = [{chip = 0 : i64, core = 0 : i64, count = 2 : i64, first = 0 : i64}], size = 2 : i64, start = 8 : i64, state = []} {
      %0 = loihi2.mc.read_port 0
      %1 = loihi2.mc.read_param "bias"
      %2 = loihi2.mc.shl %1, 9
      %3 = loihi2.mc.add %0, %2
      %4 = loihi2.mc.shr_round %3, 10
      %5 = loihi2.mc.sat %4, 16
      %6 = loihi2.mc.lut "sigmoid" %5 nodes [11, 14, 18, 23, 30, 38, 49, 63, 81, 104, 133, 171, 219, 281, 360, 461, 589, 753, 961, 1223, 1554, 1969, 2486, 3124, 3906, 4851, 5978, 7297, 8813, 10513, 12371, 14347, 16384, 18421, 20397, 22255, 23955, 25471, 26790, 27917, 28862, 29644, 30282, 30799, 31214, 31545, 31807, 32015, 32179, 32307, 32408, 32487, 32549, 32597, 32635, 32664, 32687, 32705, 32719, 32730, 32738, 32745, 32750, 32754, 32757] range_log2 3 segment_log2 2 node_exp 15 in_exp 16 out_exp 15 width 16 acc_bits 32
      loihi2.mc.send %6
      loihi2.mc.yield
    }
    loihi2.synapse_block @layers.1.glu.w {delay = 0 : i64, port = 0 : i64, source = @layers.1.ssm.C, target = @layers.1.glu, weight_exp = 0 : i64, weights = #lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense<[[0, 0], [1, 0]]> : tensor<2x2xi32>, values = dense<[74, -93]> : tensor<2xi8>>}
    loihi2.neuron_group @layers.1.glu.1 attributes {params = [{name = "bias", values = dense<[8263, -30641]> : tensor<2xi16>}], placement = [{chip = 0 : i64, core = 0 : i64, count = 2 : i64, first = 0 : i64}], ports = 3 : i64, size = 2 : i64, start = 9 : i64, state = []} {
      %0 = loihi2.mc.read_port 0
      %1 = loihi2.mc.read_param "bias"
      %2 = loihi2.mc.shl %1, 9
      %3 = loihi2.mc.add %0, %2
      %4 = loihi2.mc.shr_round %3, 9
      %5 = loihi2.mc.sat %4, 16
      %6 = loihi2.mc.read_port 1
      %7 = loihi2.mc.sat %6, 16
      %8 = loihi2.mc.mul %5, %7
      %9 = loihi2.mc.shr_round %8, 15
      %10 = loihi2.mc.sat %9, 16
      %11 = loihi2.mc.read_port 2
      %12 = loihi2.mc.sat %11, 16
      %13 = loihi2.mc.shl %12, 2
      %14 = loihi2.mc.add %10, %13
      %15 = loihi2.mc.shr_round %14, 2
      %16 = loihi2.mc.sat %15, 16
      loihi2.mc.send %16
      loihi2.mc.yield
    }
    loihi2.synapse_block @layers.1.glu.1.w {delay = 1 : i64, port = 0 : i64, source = @layers.1.ssm.C, target = @layers.1.glu.1, weight_exp = 0 : i64, weights = #lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense<[[0, 0], [1, 1]]> : tensor<2x2xi32>, values = dense<[72, 22]> : tensor<2xi8>>}
    loihi2.synapse_block @layers.1.glu.1.route1 {delay = 0 : i64, port = 1 : i64, source = @layers.1.glu, target = @layers.1.glu.1, weight_exp = 0 : i64, weights = #lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense<[[0, 0], [1, 1]]> : tensor<2x2xi32>, values = dense<1> : tensor<2xi8>>}
    loihi2.synapse_block @layers.1.glu.1.route2 {delay = 3 : i64, port = 2 : i64, source = @layers.0.glu.1, target = @layers.1.glu.1, weight_exp = 0 : i64, weights = #lrnn.sparse<[2, 2], nnz = 2, density = 0.5000, indices = dense<[[0, 0], [1, 1]]> : tensor<2x2xi32>, values = dense<1> : tensor<2xi8>>}
    loihi2.neuron_group @decoder attributes {params = [{name = "bias", values = dense<24365> : tensor<1xi16>}], placement = [{chip = 0 : i64, core = 0 : i64, count = 1 : i64, first = 0 : i64}], size = 1 : i64, start = 10 : i64, state = []} {
      %0 = loihi2.mc.read_port 0
      %1 = loihi2.mc.read_param "bias"
      %2 = loihi2.mc.shl %1, 4
      %3 = loihi2.mc.add %0, %2
      %4 = loihi2.mc.shr_round %3, 7
      %5 = loihi2.mc.sat %4, 16
      loihi2.mc.send %5
      loihi2.mc.yield
    }
    loihi2.synapse_block @decoder.w {delay = 0 : i64, port = 0 : i64, source = @layers.1.glu.1, target = @decoder, weight_exp = 0 : i64, weights = dense<[[79, 105]]> : tensor<1x2xi8>}
    loihi2.output @output {exp = 16 : i64, latency = 10 : i64, size = 1 : i64, source = @decoder}
  }
}
