"""Every backend against the reference interpreter: the CPU backend (float
and fixed point, several streams) and the Loihi 2 simulator; the GIL is
released during long runs."""

import threading
import time
import warnings

import numpy as np
import pytest

import lrnn
import reference as R


@pytest.fixture(scope="module")
def fixed_model(small_model, inputs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", lrnn.CompilerWarning)
        return small_model.optimize(fuse=False).quantize(inputs)


@pytest.fixture(scope="module")
def long_inputs():
    return np.random.default_rng(5).standard_normal((400, 6)).astype(np.float32)


# --------------------------------------------------------------------------- interpreter

def test_interpreter_step_run_reset(small_model, inputs):
    interp = small_model.interpreter()
    assert (interp.input_size, interp.output_size, interp.quantized) == (6, 5, False)
    whole = interp.run(inputs)
    interp.reset()
    stepped = np.stack([interp.step(frame) for frame in inputs])
    np.testing.assert_array_equal(stepped, whole)
    # run continues from the current state; reset goes back to zero.
    interp.reset()
    first = interp.run(inputs[:20])
    rest = interp.run(inputs[20:])
    np.testing.assert_array_equal(np.concatenate([first, rest]), whole)
    np.testing.assert_array_equal(small_model.interpret(inputs), whole)
    with pytest.raises(lrnn.Error, match=r"frame: expected shape \[6\]"):
        interp.step(inputs[:2])
    with pytest.raises(lrnn.Error, match="only quantised models saturate"):
        interp.saturations()
    with pytest.raises(lrnn.Error, match="raw=True needs a quantised model"):
        small_model.interpreter(raw=True)


def test_fixed_interpreter(fixed_model, inputs):
    interp = fixed_model.interpreter()
    assert interp.quantized
    out = interp.run(inputs)
    assert out.dtype == np.float32
    codes = fixed_model.interpret(inputs, raw=True)
    assert codes.dtype == np.int64
    # Dequantised outputs are the codes times a power of two.
    scale = out[codes != 0] / codes[codes != 0]
    assert np.all(scale == scale[0]) and np.log2(scale[0]) == np.round(np.log2(scale[0]))
    interp.reset()
    np.testing.assert_array_equal(np.stack([interp.step(f) for f in inputs]), out)
    counts = interp.saturations()
    assert counts["steps"] == 2 * len(inputs) and counts["total"] == 0


# --------------------------------------------------------------------------- CPU

def test_cpu_float_matches_interpreter(small_model, inputs):
    cpu = small_model.compile("cpu")
    assert (cpu.input_size, cpu.output_size, cpu.streams, cpu.quantized) == (6, 5, 1, False)
    assert cpu.state_bytes == 8 * 8  # 8 complex states, two float32 parts each
    out = cpu.run(inputs)
    assert out.dtype == np.float32
    assert R.rel_error(out, small_model.interpret(inputs)) < 1e-5


@pytest.mark.parametrize("variant", [
    dict(glu="full", activation="gelu", norm_position="post", conj_sym=False),
    dict(discretization="bilinear", glu="none", activation="gelu_erf", state_activation="none"),
])
def test_cpu_float_variants(variant, inputs):
    config = R.random_config(**variant)
    model = lrnn.from_arrays(config, R.random_tensors(config, seed=2, density=0.3))
    for m in (model, model.optimize()):
        assert R.rel_error(m.compile("cpu").run(inputs), model.interpret(inputs)) < 1e-5


def test_cpu_streams_are_independent(small_model, inputs, rng):
    other = rng.standard_normal(inputs.shape).astype(np.float32)
    expected = [small_model.interpret(inputs), small_model.interpret(other)]
    cpu = small_model.compile("cpu", streams=3)
    # Interleaved single steps of two streams; stream 2 stays untouched.
    outs = [[], []]
    for t in range(len(inputs)):
        outs[0].append(cpu.step(inputs[t], stream=0))
        outs[1].append(cpu.step(other[t], stream=1))
    for s in range(2):
        assert R.rel_error(np.stack(outs[s]), expected[s]) < 1e-5
    np.testing.assert_array_equal(cpu.run(inputs[:5], stream=2),
                                  small_model.compile("cpu").run(inputs[:5]))
    # Resetting one stream restarts it alone.
    cpu.reset(stream=1)
    np.testing.assert_array_equal(cpu.run(other, stream=1), np.stack(outs[1]))
    cpu.reset()
    batch = np.stack([inputs, other, inputs])
    together = cpu.run_batch(batch)
    assert together.shape == (3, len(inputs), 5)
    np.testing.assert_array_equal(together[0], np.stack(outs[0]))
    np.testing.assert_array_equal(together[1], np.stack(outs[1]))
    np.testing.assert_array_equal(together[2], together[0])
    cpu.reset()
    stepped = np.stack([cpu.step_batch(batch[:, t]) for t in range(len(inputs))], axis=1)
    np.testing.assert_array_equal(stepped, together)


@pytest.mark.parametrize("call, message", [
    (lambda c, x: c.step(x[0], stream=2), "stream 2 is out of range: this model has 2 streams"),
    (lambda c, x: c.step(x[0], stream=-1), "stream -1 is out of range"),
    (lambda c, x: c.reset(stream=5), "stream 5 is out of range"),
    (lambda c, x: c.step(x[0, :4]), r"frame: expected shape [6] (one frame of this model), got [4]"),
    (lambda c, x: c.step(x[0].astype(np.float16)), "frame: expected float32 or float64 values"),
    (lambda c, x: c.step_batch(x[:3]), "frames: expected shape [2, 6] (one frame per stream)"),
    (lambda c, x: c.run(x[:, :5]), "inputs: expected shape [T, 6]"),
    (lambda c, x: c.run_batch(x), "inputs: expected shape [2, T, 6]"),
    (lambda c, x: c.run(np.where(np.arange(6) == 3, np.nan, x)), "inputs: non-finite value (nan) at [0, 3]"),
])
def test_cpu_errors(small_model, inputs, call, message):
    cpu = small_model.compile("cpu", streams=2)
    with pytest.raises(lrnn.Error) as info:
        call(cpu, inputs)
    assert message in str(info.value)


def test_compile_errors(small_model, fixed_model):
    with pytest.raises(lrnn.Error, match="unknown target 'gpu'"):
        small_model.compile("gpu")
    with pytest.raises(lrnn.Error, match="streams must be within 1..1048576, got 0"):
        small_model.compile("cpu", streams=0)
    with pytest.raises(lrnn.Error, match="loihi2: needs a quantised model"):
        small_model.compile("loihi2")
    with pytest.raises(lrnn.Error, match="unknown system 'tiny'"):
        fixed_model.compile("loihi2", system="tiny")
    with pytest.raises(lrnn.Error, match="mode must be fall-through or pipelined"):
        fixed_model.compile("loihi2", mode="fast")
    with pytest.raises(lrnn.Error, match="max_neurons_per_core must be within 0.."):
        fixed_model.compile("loihi2", max_neurons_per_core=-2)
    with pytest.raises(lrnn.Error, match="cannot open"):
        fixed_model.compile("loihi2", target_config="/nonexistent.json")
    with pytest.raises(TypeError):
        small_model.compile("cpu", stream=2)


def test_cpu_fixed_is_bit_exact(fixed_model, inputs, rng):
    cpu = fixed_model.compile("cpu", streams=2)
    assert cpu.quantized
    np.testing.assert_array_equal(cpu.run(inputs), fixed_model.interpret(inputs))
    loud = 20 * rng.standard_normal(inputs.shape)  # saturating inputs too
    np.testing.assert_array_equal(cpu.run(loud, stream=1), fixed_model.interpret(loud))


# --------------------------------------------------------------------------- Loihi 2

@pytest.mark.parametrize("mode", ["fall-through", "pipelined"])
def test_loihi2_simulation_is_bit_exact(fixed_model, inputs, mode):
    program = fixed_model.compile("loihi2", mode=mode)
    assert isinstance(program, lrnn.Loihi2Program)
    assert (program.input_size, program.output_size, program.mode) == (6, 5, mode)
    assert program.system == "oheo-gulch" and program.chips_used == 1
    assert (program.latency > 0) == (mode == "pipelined")
    outputs, report = program.simulate(inputs)
    np.testing.assert_array_equal(outputs, fixed_model.interpret(inputs))
    codes, _ = program.simulate(inputs, raw=True)
    np.testing.assert_array_equal(codes, fixed_model.interpret(inputs, raw=True))
    assert report["format"] == "lrnn-loihi2-sim/1" and report["mode"] == mode
    assert report["tokens"] == len(inputs)
    assert report["time_steps"] == len(inputs) + program.latency
    assert report["totals"]["synaptic_ops"] > 0 and report["per_core"]
    assert report["estimates"]["label"] == "estimate"
    # A second simulation starts from the zero state again.
    again, _ = program.simulate(inputs)
    np.testing.assert_array_equal(again, outputs)


def test_loihi2_program_files_and_text(fixed_model, inputs, tmp_path):
    program = fixed_model.compile("loihi2", system="kapoho-point", max_neurons_per_core=4)
    assert "cores used" in program.resource_report()
    path = tmp_path / "model.l2"
    program.save(str(path))
    loaded = lrnn.load(str(path))
    assert isinstance(loaded, lrnn.Loihi2Program) and loaded.system == "kapoho-point"
    reparsed = lrnn.parse(program.mlir())
    assert isinstance(reparsed, lrnn.Loihi2Program)
    expected = fixed_model.interpret(inputs)
    for p in (loaded, reparsed):
        np.testing.assert_array_equal(p.simulate(inputs)[0], expected)
    corrupt = tmp_path / "corrupt.l2"
    corrupt.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(lrnn.Error, match="corrupt.l2"):
        lrnn.load(str(corrupt))
    with pytest.raises(lrnn.Error, match="non-finite value"):
        program.simulate(np.full((2, 6), np.inf))
    with pytest.raises(lrnn.Error, match="cannot create|No such file"):
        program.save(str(tmp_path / "missing" / "x.l2"))


def test_pipeline_to_loihi2(fixed_model, inputs):
    program = fixed_model.run_pipeline("lrnn-to-loihi2,loihi2-place")
    assert isinstance(program, lrnn.Loihi2Program)
    np.testing.assert_array_equal(program.simulate(inputs)[0], fixed_model.interpret(inputs))


# --------------------------------------------------------------------------- threads

def _max_main_thread_gap(work):
    """Runs `work` in a thread and returns (its seconds, the longest pause
    of a Python loop in this thread meanwhile)."""
    done = threading.Event()
    times = {}

    def target():
        start = time.perf_counter()
        work()
        times["work"] = time.perf_counter() - start
        done.set()

    thread = threading.Thread(target=target)
    last = time.perf_counter()
    gap = 0.0
    thread.start()
    while not done.is_set():
        now = time.perf_counter()
        gap = max(gap, now - last)
        last = now
    thread.join()
    return times["work"], gap


@pytest.mark.parametrize("backend", ["interpreter", "cpu", "loihi2"])
def test_long_runs_release_the_gil(fixed_model, long_inputs, backend):
    if backend == "interpreter":
        runner = fixed_model.interpreter().run
    elif backend == "cpu":
        runner = fixed_model.compile("cpu").run
    else:
        program = fixed_model.compile("loihi2")
        runner = program.simulate
    # About 0.2 s of work, whatever the machine's speed.
    start = time.perf_counter()
    runner(long_inputs)
    repeats = max(1, int(0.2 / max(time.perf_counter() - start, 1e-6)))
    work_inputs = np.tile(long_inputs, (repeats, 1))
    # Held, the GIL would stall this thread for the whole run, every time;
    # a busy machine may pause it for a while once.
    for attempt in range(3):
        seconds, gap = _max_main_thread_gap(lambda: runner(work_inputs))
        assert seconds > 0.05, "the run is too short to tell"
        if gap < seconds / 2:
            return
    pytest.fail(f"the main thread stalled {gap:.3f} s of a {seconds:.3f} s run")


def test_concurrent_runs_agree(small_model, fixed_model, inputs):
    jobs = [(small_model.compile("cpu"), small_model.interpret(inputs)),
            (fixed_model.interpreter(), fixed_model.interpret(inputs)),
            (fixed_model.compile("cpu"), fixed_model.interpret(inputs))]
    results = [None] * len(jobs)

    def run(i):
        results[i] = jobs[i][0].run(inputs)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for (_, expected), out in zip(jobs, results):
        assert R.rel_error(out, expected) < 1e-5
