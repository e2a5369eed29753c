"""Passes, pipelines, quantisation and the cost report."""

import warnings

import numpy as np
import pytest

import lrnn
import reference as R


@pytest.fixture(scope="module")
def reference_out(small_model, inputs):
    return small_model.interpret(inputs)


@pytest.mark.parametrize("transform", [
    lambda m: m.fold_norm(),
    lambda m: m.eliminate_dead(),
    lambda m: m.fold_norm().eliminate_dead().fuse(),
    lambda m: m.select_weight_format(max_sparse_density=1.0),
    lambda m: m.optimize(),
    lambda m: m.optimize(fuse=False),
    lambda m: m.run_pipeline("lrnn-fold-norm,lrnn-eliminate-dead,lrnn-fuse"),
    lambda m: m.run_pipeline("builtin.module(lrnn.model(lrnn-fold-norm),cse)"),
], ids=["fold", "eliminate", "fold-eliminate-fuse", "format", "optimize", "optimize-nofuse",
        "pipeline", "pipeline-nested"])
def test_semantics_preserving_passes(small_model, inputs, reference_out, transform):
    before = small_model.mlir()
    out = transform(small_model)
    assert isinstance(out, lrnn.Model) and out is not small_model
    assert small_model.mlir() == before  # models are immutable
    assert R.rel_error(out.interpret(inputs), reference_out) < 1e-6


def test_passes_change_the_ir(small_model):
    folded = small_model.fold_norm()
    assert "lrnn.batchnorm" in small_model.mlir() and "lrnn.batchnorm" not in folded.mlir()
    assert small_model.optimize().mlir() != folded.mlir()


def test_pipeline_equals_methods(small_model):
    assert (small_model.run_pipeline("lrnn-fold-norm,lrnn-eliminate-dead").mlir()
            == small_model.fold_norm().eliminate_dead().mlir())
    assert (small_model.run_pipeline("lrnn-prune{sparsity=0.7 scope=global}").mlir()
            == small_model.prune(0.7, scope="global").mlir())


@pytest.mark.parametrize("scope", ["global", "per-layer", "erk"])
def test_prune(small_model, scope):
    nnz = small_model.cost_report()["models"][0]["totals"]["nnz"]
    pruned = small_model.prune(0.8, scope=scope)
    totals = pruned.cost_report()["models"][0]["totals"]
    assert totals["nnz"] < nnz and totals["effective_macs"] < totals["dense_macs"]
    assert any("sparsity" in remark for remark in pruned.remarks)
    assert small_model.prune(0.0, scope=scope).mlir() == small_model.mlir()


def test_optimize_with_sparsity(small_model, inputs):
    out = small_model.optimize(sparsity=0.6)
    assert out.cost_report()["models"][0]["totals"]["nnz"] < \
        small_model.cost_report()["models"][0]["totals"]["nnz"]
    assert np.isfinite(out.interpret(inputs)).all()


@pytest.mark.parametrize("call, message", [
    (lambda m: m.prune(1.5), "lrnn-prune: sparsity must be in [0, 1), got 1.5"),
    (lambda m: m.prune(0.5, scope="bogus"), "unknown scope 'bogus'"),
    (lambda m: m.run_pipeline("lrnn-bogus"), "'lrnn-bogus' does not refer to a registered pass"),
    (lambda m: m.run_pipeline("lrnn-prune{sparsity=abc}"), "'abc' value invalid"),
    (lambda m: m.run_pipeline("lrnn-prune{sparsity=0.2"), "missing closing '}'"),
    (lambda m: m.run_pipeline("builtin.module(cse"), "unbalanced parentheses"),
    (lambda m: m.run_pipeline("lrnn-lower-to-llvm"), "found 0 lrnn.model and 0 loihi2.program"),
    (lambda m: m.run_pipeline("lrnn-to-loihi2"), "is not quantised"),
    (lambda m: m.run_pipeline("lrnn-prune{sparsity=0.5},lrnn-cost-report"), "did you intend to nest"),
])
def test_pass_errors(small_model, call, message):
    with pytest.raises(lrnn.Error) as info:
        call(small_model)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_cost_report(small_model, inputs):
    report = small_model.cost_report()
    assert report["format"] == "lrnn-cost-report/1" and report["activation_stats"] is None
    model = report["models"][0]
    assert (model["name"], model["input_size"], model["output_size"]) == ("model", 6, 5)
    assert model["recurrences"] == 2 and model["states"] == 8
    totals = model["totals"]
    assert sum(op["params"] for op in model["ops"]) == totals["params"]
    assert totals["nnz"] <= totals["params"] and "effective_macs_with_activations" not in totals
    measured = small_model.cost_report(inputs)
    assert measured["models"][0]["activation_steps"] == len(inputs)
    assert measured["models"][0]["totals"]["effective_macs_with_activations"] <= \
        totals["effective_macs"]
    with pytest.raises(lrnn.Error, match=r"inputs: expected shape \[T, 6\]"):
        small_model.cost_report(inputs[:, :2])
    with pytest.raises(lrnn.Error, match="at least one step"):
        small_model.cost_report(inputs[:0])


def test_quantize(small_model, inputs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", lrnn.CompilerWarning)
        fixed = small_model.optimize(fuse=False).quantize(inputs, scheme="w8a16")
        wide = small_model.optimize(fuse=False).quantize(inputs, scheme="w8a24", headroom=1)
    assert fixed.quantized and not small_model.quantized
    assert "lrnn.qproject" in fixed.mlir() and "!lrnn.fixed" in fixed.mlir()
    reference_out = small_model.interpret(inputs)
    out = fixed.interpret(inputs)
    assert out.dtype == np.float32
    assert R.rel_error(out, reference_out) < 0.05
    assert R.rel_error(wide.interpret(inputs), reference_out) < R.rel_error(out, reference_out)
    assert lrnn.parse(fixed.mlir()).mlir() == fixed.mlir()
    assert fixed.cost_report()["models"][0]["totals"]["params"] > 0


def test_saturation_counts(small_model, inputs):
    """Inputs far beyond the calibrated ranges saturate, counted per op."""
    fixed = small_model.optimize(fuse=False).quantize(inputs[:8] * 0.01)
    interp = fixed.interpreter()
    interp.run(inputs * 100)
    counts = interp.saturations()
    assert counts["steps"] == len(inputs) and counts["input"] > 0
    assert counts["total"] == sum(op["count"] for op in counts["ops"]) > 0


@pytest.mark.parametrize("call, message", [
    (lambda m, x: m.quantize(x, scheme="w4a4"), "unknown scheme 'w4a4' (expected w8a16 or w8a24)"),
    (lambda m, x: m.quantize(x[:, :3]), "calibration: expected shape [T, 6]"),
    (lambda m, x: m.quantize(x[:0]), "calibration: needs at least one step"),
    (lambda m, x: m.quantize(x.astype(np.int64)), "calibration: expected float32 or float64"),
    (lambda m, x: m.quantize(x, headroom=40), "quantize: "),
])
def test_quantize_errors(small_model, inputs, call, message):
    with pytest.raises(lrnn.Error) as info:
        call(small_model, inputs)
    assert message in str(info.value)


def test_quantize_twice_is_an_error(small_model, inputs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", lrnn.CompilerWarning)
        fixed = small_model.quantize(inputs)
    with pytest.raises(lrnn.Error, match="quantised already"):
        fixed.quantize(inputs)
