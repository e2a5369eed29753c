// A hand-written module in the form --lrnn-lower-to-llvm produces, for
// testing the CPU target without the lowering. Model "tiny": 3 inputs, 2
// outputs, one complex state (8 bytes: two floats s0, s1). Per step:
//   out[j] = tanhf(in[j]) + 0.5 * s[j] + in[2];  s[j] = out[j]   (j = 0, 1)
// tanhf comes from libm, as in lowered models.
module {
  llvm.mlir.global external constant @tiny_state_bytes(8 : i64) : i64
  llvm.mlir.global external constant @tiny_input_size(3 : i64) : i64
  llvm.mlir.global external constant @tiny_output_size(2 : i64) : i64

  llvm.func @tanhf(f32) -> f32

  llvm.func @tiny_reset(%state: !llvm.ptr) {
    %zero = llvm.mlir.constant(0.0 : f32) : f32
    %one = llvm.mlir.constant(1 : i64) : i64
    llvm.store %zero, %state : f32, !llvm.ptr
    %s1 = llvm.getelementptr %state[%one] : (!llvm.ptr, i64) -> !llvm.ptr, f32
    llvm.store %zero, %s1 : f32, !llvm.ptr
    llvm.return
  }

  llvm.func @tiny_step(%state: !llvm.ptr, %in: !llvm.ptr, %out: !llvm.ptr) {
    %c0 = llvm.mlir.constant(0 : i64) : i64
    %c1 = llvm.mlir.constant(1 : i64) : i64
    %c2 = llvm.mlir.constant(2 : i64) : i64
    %half = llvm.mlir.constant(0.5 : f32) : f32
    %pb = llvm.getelementptr %in[%c2] : (!llvm.ptr, i64) -> !llvm.ptr, f32
    %b = llvm.load %pb : !llvm.ptr -> f32
    llvm.br ^loop(%c0 : i64)
  ^loop(%j: i64):
    %done = llvm.icmp "sge" %j, %c2 : i64
    llvm.cond_br %done, ^exit, ^body
  ^body:
    %pin = llvm.getelementptr %in[%j] : (!llvm.ptr, i64) -> !llvm.ptr, f32
    %x = llvm.load %pin : !llvm.ptr -> f32
    %ps = llvm.getelementptr %state[%j] : (!llvm.ptr, i64) -> !llvm.ptr, f32
    %s = llvm.load %ps : !llvm.ptr -> f32
    %t = llvm.call @tanhf(%x) : (f32) -> f32
    %hs = llvm.fmul %half, %s : f32
    %y0 = llvm.fadd %t, %hs : f32
    %y = llvm.fadd %y0, %b : f32
    %pout = llvm.getelementptr %out[%j] : (!llvm.ptr, i64) -> !llvm.ptr, f32
    llvm.store %y, %pout : f32, !llvm.ptr
    llvm.store %y, %ps : f32, !llvm.ptr
    %next = llvm.add %j, %c1 : i64
    llvm.br ^loop(%next : i64)
  ^exit:
    llvm.return
  }

  llvm.func @tiny_step_batch(%states: !llvm.ptr, %in: !llvm.ptr,
                             %out: !llvm.ptr, %n: i64) {
    %c0 = llvm.mlir.constant(0 : i64) : i64
    %c1 = llvm.mlir.constant(1 : i64) : i64
    %c2 = llvm.mlir.constant(2 : i64) : i64
    %c3 = llvm.mlir.constant(3 : i64) : i64
    llvm.br ^loop(%c0 : i64)
  ^loop(%k: i64):
    %done = llvm.icmp "sge" %k, %n : i64
    llvm.cond_br %done, ^exit, ^body
  ^body:
    %soff = llvm.mul %k, %c2 : i64
    %ioff = llvm.mul %k, %c3 : i64
    %ooff = llvm.mul %k, %c2 : i64
    %ps = llvm.getelementptr %states[%soff] : (!llvm.ptr, i64) -> !llvm.ptr, f32
    %pi = llvm.getelementptr %in[%ioff] : (!llvm.ptr, i64) -> !llvm.ptr, f32
    %po = llvm.getelementptr %out[%ooff] : (!llvm.ptr, i64) -> !llvm.ptr, f32
    llvm.call @tiny_step(%ps, %pi, %po) : (!llvm.ptr, !llvm.ptr, !llvm.ptr) -> ()
    %next = llvm.add %k, %c1 : i64
    llvm.br ^loop(%next : i64)
  ^exit:
    llvm.return
  }
}
