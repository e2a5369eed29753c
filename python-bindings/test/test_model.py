"""Building, loading, printing and parsing models; bad configurations,
tensors and inputs."""

import sys
import warnings

import numpy as np
import pytest

import lrnn
import reference as R

CONFIG_VARIANTS = [
    {},
    dict(glu="full", activation="gelu", norm_position="post", conj_sym=False),
    dict(discretization="bilinear", glu="none", activation="gelu_erf", state_activation="none",
         encoder_activation="none", residual_activation="none", step_rescale=0.5),
    dict(discretization="none", norm="none", n_layers=1),
    dict(n_layers=3, d_model=12, d_state=6, bn_eps=0.0),
]


def test_package_exports():
    assert issubclass(lrnn.Error, RuntimeError)
    assert issubclass(lrnn.CompilerWarning, UserWarning)
    for name in lrnn.__all__:
        assert getattr(lrnn, name).__doc__


@pytest.mark.parametrize("options", CONFIG_VARIANTS)
def test_numpy_model_matches_spec(options, rng):
    config = R.random_config(**options)
    tensors = R.random_tensors(config, seed=3, density=0.6)
    model = lrnn.from_arrays(config, tensors)
    assert (model.input_size, model.output_size) == (config["d_input"], config["d_output"])
    assert not model.quantized
    x = rng.standard_normal((96, config["d_input"]))
    out = model.interpret(x)
    assert out.dtype == np.float64 and out.shape == (96, config["d_output"])
    assert R.rel_error(out, R.run(R.from_arrays(config, tensors), x)) < 1e-5


def test_float64_tensors_and_json_config(small, inputs):
    config, tensors = small
    import json
    wide = {k: v.astype(np.float64) for k, v in tensors.items()}
    a = lrnn.from_arrays(json.dumps(config), wide, name="wide")
    assert a.name == "wide"
    assert R.rel_error(a.interpret(inputs), lrnn.from_arrays(config, tensors).interpret(inputs)) < 1e-12


def test_text_and_bytecode_round_trip(small_model, tmp_path):
    text = small_model.mlir()
    assert text == str(small_model) and "lrnn.model @model" in text
    again = lrnn.parse(text)
    assert again.mlir() == text
    with_locs = small_model.mlir(debug_info=True)
    assert 'loc("encoder"' in with_locs or "#loc" in with_locs
    assert lrnn.parse(with_locs).mlir(debug_info=True) == with_locs
    assert lrnn.parse(small_model.bytecode()).mlir() == text
    for name, bytecode in (("m.mlir", False), ("m.mlirbc", True)):
        small_model.save(str(tmp_path / name), bytecode=bytecode)
        assert lrnn.load(str(tmp_path / name)).mlir() == text


def test_numpy_model_equals_interchange_file(source_dir, tmp_path, rng):
    """The same model built from arrays and imported from its file."""
    sys.path.insert(0, str(source_dir / "scripts"))
    import lrnn_format
    path = source_dir / "examples" / "s5-k0.25-d0.1.safetensors"
    config, tensors = lrnn_format.read_model(path)
    from_file = lrnn.load(str(path))
    from_numpy = lrnn.from_arrays(config, tensors)
    assert from_numpy.mlir() == from_file.mlir()
    x = rng.standard_normal((16, config["d_input"]))
    np.testing.assert_array_equal(from_numpy.interpret(x), from_file.interpret(x))
    # And back to a file: lrnn.write_interchange writes what lrnn_format reads.
    out = tmp_path / "copy.safetensors"
    lrnn.write_interchange(str(out), config, tensors)
    config2, tensors2 = lrnn_format.read_model(out)
    assert config2 == lrnn_format.normalize_config(config)
    assert sorted(tensors2) == sorted(tensors)
    for name in tensors:
        np.testing.assert_array_equal(tensors2[name], tensors[name])
    assert lrnn.load(str(out)).mlir() == from_file.mlir()


def test_max_sparse_density(small):
    dense = lrnn.from_arrays(*small, max_sparse_density=-1)
    sparse = lrnn.from_arrays(*small, max_sparse_density=1)
    assert "#lrnn.sparse" not in dense.mlir() and "#lrnn.sparse" in sparse.mlir()
    assert sparse.select_weight_format(max_sparse_density=-1).mlir() == dense.mlir()


def test_parse_config_applies_defaults(small):
    config = {k: v for k, v in small[0].items()
              if k not in ("step_rescale", "norm_position", "bn_eps")}
    parsed = lrnn.parse_config(config)
    assert parsed["step_rescale"] == 1.0 and parsed["norm_position"] == "pre"
    assert parsed["bn_eps"] == 1e-5 and parsed["d_model"] == 8


def _replace(tensors, name, value):
    out = dict(tensors)
    if value is None:
        del out[name]
    else:
        out[name] = value
    return out


def _with_value(array, index, value):
    array = array.copy()
    array.flat[index] = value
    return array


BAD_TENSORS = [
    ("wrong shape", lambda t: _replace(t, "encoder.weight", t["encoder.weight"].T),
     "tensor 'encoder.weight' has shape [6, 8], the configuration requires [8, 6]"),
    ("integer dtype", lambda t: _replace(t, "encoder.bias", np.arange(8)),
     "tensor 'encoder.bias': expected float32 or float64 values, got dtype int64"),
    ("complex dtype", lambda t: _replace(t, "layers.0.ssm.D", t["layers.0.ssm.D"] + 0j),
     "tensor 'layers.0.ssm.D': expected float32 or float64 values, got dtype complex"),
    ("float16 dtype", lambda t: _replace(t, "decoder.bias", t["decoder.bias"].astype(np.float16)),
     "got dtype float16"),
    ("nan", lambda t: _replace(t, "layers.1.ssm.B_re", _with_value(t["layers.1.ssm.B_re"], 3, np.nan)),
     "tensor 'layers.1.ssm.B_re' has a non-finite value (nan) at index 3"),
    ("-inf", lambda t: _replace(t, "decoder.weight", _with_value(t["decoder.weight"], 0, -np.inf)),
     "tensor 'decoder.weight' has a non-finite value (-inf) at index 0"),
    ("missing", lambda t: _replace(t, "layers.0.glu.bias", None), "missing tensor 'layers.0.glu.bias'"),
    ("extra", lambda t: {**t, "layers.0.glu.value_bias": np.zeros(8, np.float32)},
     "unexpected tensor 'layers.0.glu.value_bias'"),
    ("negative variance", lambda t: _replace(t, "layers.0.norm.var",
                                             _with_value(t["layers.0.norm.var"], 2, -1.0)),
     "tensor 'layers.0.norm.var' has a negative variance"),
    ("not an array", lambda t: _replace(t, "encoder.bias", "abc"), "dtype <U3"),
    ("unstable", lambda t: _replace(t, "layers.0.ssm.lambda_re", np.full(4, 800.0, np.float32)),
     "is not finite (Λ = 800.00"),
]


@pytest.mark.parametrize("case", BAD_TENSORS, ids=[c[0] for c in BAD_TENSORS])
def test_bad_tensors(small, case):
    _, corrupt, message = case
    with pytest.raises(lrnn.Error) as info:
        lrnn.from_arrays(small[0], corrupt(small[1]))
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    with pytest.raises(lrnn.Error):
        lrnn.write_interchange("/nonexistent-dir/never.safetensors", small[0], corrupt(small[1]))


BAD_CONFIGS = [
    (lambda c: {**c, "glu": "half3"}, "key 'glu' must be one of half1, full, none, got 'half3'"),
    (lambda c: {**c, "d_model": 0}, "key 'd_model' must be in [1,"),
    (lambda c: {**c, "colour": "red"}, "unknown key 'colour'"),
    (lambda c: {k: v for k, v in c.items() if k != "conj_sym"}, "missing key 'conj_sym'"),
    (lambda c: {**c, "format": "lrnn-s4/9"}, "key 'format' must be one of lrnn-s5/1"),
    (lambda c: {**c, "d_model": np.int64(8)}, "config: not representable as JSON"),
    (lambda c: {**c, "bn_eps": float("nan")}, "config: not representable as JSON"),
    (lambda c: [1, 2], "config: expected a dict"),
    (lambda c: "{not json", "lrnn.config: malformed JSON"),
]


@pytest.mark.parametrize("case", BAD_CONFIGS)
def test_bad_configs(small, case):
    corrupt, message = case
    with pytest.raises(lrnn.Error, match=".*") as info:
        lrnn.from_arrays(corrupt(dict(small[0])), small[1])
    assert message in str(info.value)
    with pytest.raises(lrnn.Error):
        lrnn.parse_config(corrupt(dict(small[0])))


def test_bad_tensor_dict(small):
    with pytest.raises(lrnn.Error, match="tensors: expected a dict"):
        lrnn.from_arrays(small[0], list(small[1].items()))
    with pytest.raises(lrnn.Error, match="every key must be a tensor name"):
        lrnn.from_arrays(small[0], {**small[1], 3: np.zeros(2)})


@pytest.mark.parametrize("bad, message", [
    (lambda x: x[:, :5], "inputs: expected shape [T, 6] for this model, got [48, 5]"),
    (lambda x: x[0], "inputs: expected shape [T, 6] for this model, got [6]"),
    (lambda x: x.astype(np.int32), "inputs: expected float32 or float64 values, got dtype int32"),
    (lambda x: _with_value(x, 13, np.nan), "inputs: non-finite value (nan) at [2, 1]"),
    (lambda x: _with_value(x, 6, np.inf), "inputs: non-finite value (inf) at [1, 0]"),
    (lambda x: object(), "inputs: expected float32 or float64 values, got dtype object"),
])
def test_bad_inputs(small_model, inputs, bad, message):
    with pytest.raises(lrnn.Error) as info:
        small_model.interpret(bad(inputs))
    assert str(info.value) == message


def test_array_layouts(small_model, inputs):
    """Any float layout is read by value: Fortran order, strides, big-endian,
    nested lists."""
    expected = small_model.interpret(inputs)
    wide = np.repeat(inputs, 2, axis=1)
    for x in (np.asfortranarray(inputs), wide[:, ::2], inputs.astype(">f4"),
              inputs.astype(np.float64), inputs.tolist()):
        np.testing.assert_array_equal(small_model.interpret(x), expected)


def test_names(small):
    assert lrnn.from_arrays(*small, name="denoiser").name == "denoiser"
    with pytest.raises(lrnn.Error, match="<arrays>: the model name must not be empty"):
        lrnn.from_arrays(*small, name="")


def test_save_errors(small_model, tmp_path):
    with pytest.raises(lrnn.Error, match="cannot open for writing"):
        small_model.save(str(tmp_path / "missing" / "model.mlir"))
    assert not (tmp_path / "missing").exists()


def test_empty_sequence(small_model):
    assert small_model.interpret(np.zeros((0, 6))).shape == (0, 5)


def test_diverging_model_is_an_error(small):
    config = R.random_config(discretization="none", norm="none", glu="none", activation="gelu",
                             state_activation="none", residual_activation="none")
    tensors = R.random_tensors(config, seed=1)
    tensors["layers.0.ssm.lambda_re"] = np.full(4, 1.5, np.float32)
    tensors["layers.0.ssm.lambda_im"] = np.zeros(4, np.float32)
    model = lrnn.from_arrays(config, tensors)
    with pytest.raises(lrnn.Error, match="output is not finite at step"):
        model.interpret(np.ones((3000, 6)))


def test_bad_files_and_text(tmp_path):
    with pytest.raises(lrnn.Error, match="/nonexistent.safetensors: cannot open"):
        lrnn.load("/nonexistent.safetensors")
    corrupt = tmp_path / "corrupt.safetensors"
    corrupt.write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{}")
    with pytest.raises(lrnn.Error, match="corrupt.safetensors"):
        lrnn.load(str(corrupt))
    with pytest.raises(lrnn.Error, match=r"^<string>:1:10: custom op 'lrnn.bogus' is unknown"):
        lrnn.parse("module { lrnn.bogus }")
    with pytest.raises(lrnn.Error, match=r"^model.mlir:"):
        lrnn.parse("module { %0 = ", name="model.mlir")
    with pytest.raises(lrnn.Error, match="found 0 lrnn.model and 0 loihi2.program"):
        lrnn.parse("module {}")
    with pytest.raises(lrnn.Error, match="expected MLIR text"):
        lrnn.parse(42)
    with pytest.raises(lrnn.Error, match="cannot open"):
        lrnn.load(str(tmp_path / "missing.l2"))


def test_two_models_in_one_module(small_model):
    text = small_model.mlir()
    body = text[text.index("lrnn.model"):text.rindex("}")]
    twice = "module {\n" + body + body.replace("@model", "@other", 1) + "}\n"
    with pytest.raises(lrnn.Error, match="found 2 lrnn.model"):
        lrnn.parse(twice)


def test_no_warnings_on_plain_use(small_model, inputs):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        small_model.interpret(inputs)
        small_model.optimize()
