"""The converters against independent numpy implementations of the source
models: a PyTorch-style S5 read from its state dict, and the Flax model of
the SparseRNNs training code (QStackedEncoderModel + decoder) read from its
parameter tree, written here from that code's semantics."""

import math
import types

import numpy as np
import pytest

import lrnn
from lrnn import convert
from reference import discretize, gelu_tanh, rel_error, sigmoid


def _bn(x, mean, var, scale, bias, eps):
    return (x - mean) / np.sqrt(var + eps) * scale + bias


def _scan(lam_bar, bu):
    x = np.zeros(lam_bar.shape, np.complex128)
    xs = np.empty_like(bu)
    for t in range(len(bu)):
        x = lam_bar * x + bu[t]
        xs[t] = x
    return xs


# --------------------------------------------------------------------------- Flax

def flax_variables(d_in, h, p, d_out, n_layers, glu, seed, use_scale=True,
                   positive_lambda=False):
    """Random variables with the layout of the SparseRNNs Flax model."""
    rng = np.random.default_rng(seed)
    f32 = lambda a: np.asarray(a, np.float32)  # noqa: E731

    def dense(n_in, n_out):
        return {"kernel": f32(rng.standard_normal((n_in, n_out)) / math.sqrt(n_in)),
                "bias": f32(0.1 * rng.standard_normal(n_out))}

    stack = {"encoder": dense(d_in, h)}
    stats = {}
    for i in range(n_layers):
        lam_re = -rng.uniform(0.1, 1.0, p)
        if positive_lambda:
            lam_re[::3] = 0.3
        layer = {"mixer": {
            "Lambda_re": f32(lam_re),
            "Lambda_im": f32(rng.uniform(-3, 3, p)),
            "B": f32(rng.standard_normal((p, h, 2)) / math.sqrt(2 * h)),
            "C": f32(rng.standard_normal((h, p, 2)) / math.sqrt(4 * p)),
            "D": f32(rng.standard_normal(h)),
            "log_step": f32(rng.uniform(math.log(1e-2), math.log(0.5), (p, 1))),
        }}
        layer["norm"] = ({"scale": f32(rng.uniform(0.5, 1.5, h)),
                          "bias": f32(0.1 * rng.standard_normal(h))} if use_scale else {})
        if glu in ("half1", "full"):
            layer["out2"] = dense(h, h)
        if glu == "full":
            layer["out1"] = dense(h, h)
        stack[f"layers_{i}"] = layer
        stats[f"layers_{i}"] = {"norm": {"mean": f32(0.2 * rng.standard_normal(h)),
                                         "var": f32(rng.uniform(0.5, 2.0, h))}}
    return {"params": {"encoder": stack, "decoder": dense(h, d_out)},
            "batch_stats": {"encoder": stats}}


def flax_forward(variables, u, *, prenorm, relufication, clip_eigs, conj_sym=True,
                 discretization="zoh", step_rescale=1.0, bn_eps=1e-5):
    """QRegressionModel.__call__ (inference, no dropout) in float64 numpy."""
    params, stats = variables["params"], variables["batch_stats"]
    f = lambda a: np.asarray(a, np.float64)  # noqa: E731
    dense = lambda d, x: x @ f(d["kernel"]) + f(d["bias"])  # noqa: E731
    x = dense(params["encoder"]["encoder"], f(u))
    if relufication:
        x = np.maximum(x, 0)
    i = 0
    while f"layers_{i}" in params["encoder"]:
        layer = params["encoder"][f"layers_{i}"]
        st = stats["encoder"][f"layers_{i}"]["norm"]
        h = x.shape[1]
        norm = lambda v: _bn(v, f(st["mean"]), f(st["var"]),  # noqa: E731
                             f(layer["norm"].get("scale", np.ones(h))),
                             f(layer["norm"].get("bias", np.zeros(h))), bn_eps)
        skip = x
        if prenorm:
            x = norm(x)
        m = layer["mixer"]
        lam_re = f(m["Lambda_re"])
        if clip_eigs:
            lam_re = np.clip(lam_re, None, -1e-4)
        lam = lam_re + 1j * f(m["Lambda_im"])
        b_tilde = f(m["B"])[..., 0] + 1j * f(m["B"])[..., 1]
        c_tilde = f(m["C"])[..., 0] + 1j * f(m["C"])[..., 1]
        step = step_rescale * np.exp(f(m["log_step"])[:, 0])
        lam_bar, b_bar = discretize(discretization, lam, b_tilde, step)
        xs = _scan(lam_bar, x @ b_bar.T)
        if relufication:
            xs = np.maximum(xs, 0)  # jax.nn.relu on complex values
        ys = (2 if conj_sym else 1) * (xs @ c_tilde.T).real + f(m["D"]) * x
        x1 = np.maximum(ys, 0) if relufication else gelu_tanh(ys)
        if "out1" in layer:
            x = dense(layer["out1"], x1) * sigmoid(dense(layer["out2"], x1))
        elif "out2" in layer:
            x = x1 * sigmoid(dense(layer["out2"], x1))
        else:
            x = x1
        x = x + skip
        if not prenorm:
            x = norm(x)
        if relufication:
            x = np.maximum(x, 0)
        i += 1
    return dense(params["decoder"], x)


FLAX_CASES = [
    dict(tree=dict(glu="half1", positive_lambda=True),
         options=dict(prenorm=True, relufication=True, clip_eigs=True)),
    dict(tree=dict(glu="full", use_scale=False),
         options=dict(prenorm=False, relufication=False, clip_eigs=False, conj_sym=False,
                      discretization="bilinear", step_rescale=0.5, bn_eps=1e-3)),
    dict(tree=dict(glu="none", n_layers=1),
         options=dict(prenorm=True, relufication=False, clip_eigs=True)),
]


@pytest.mark.parametrize("case", FLAX_CASES, ids=["relufied", "full-postnorm", "no-glu"])
def test_flax_converter(case, rng):
    tree = dict(d_in=5, h=8, p=6, d_out=3, n_layers=2, seed=11)
    tree.update(case["tree"])
    variables = flax_variables(**tree)
    config, tensors = convert.from_flax(variables, **case["options"])
    assert config["n_layers"] == tree["n_layers"] and config["d_state"] == tree["p"]
    u = rng.standard_normal((64, tree["d_in"]))
    ref = flax_forward(variables, u, **case["options"])
    assert rel_error(lrnn.from_arrays(config, tensors).interpret(u), ref) < 1e-5


def test_flax_clip_eigs_matters(rng):
    variables = flax_variables(5, 8, 6, 3, 2, "half1", seed=2, positive_lambda=True)
    u = rng.standard_normal((64, 5))
    ref = flax_forward(variables, u, prenorm=True, relufication=True, clip_eigs=True)
    unclipped = convert.from_flax(variables, prenorm=True, relufication=True, clip_eigs=False)
    assert rel_error(lrnn.from_arrays(*unclipped).interpret(u), ref) > 0.1


def test_flax_input_forms(rng):
    variables = flax_variables(5, 8, 6, 3, 2, "half1", seed=4)
    options = dict(prenorm=True, relufication=True, clip_eigs=False)
    expected = convert.from_flax(variables, **options)
    state = types.SimpleNamespace(params=variables["params"],
                                  batch_stats=variables["batch_stats"], step=3)
    frozen = types.MappingProxyType({"params": types.MappingProxyType(variables["params"]),
                                     "batch_stats": variables["batch_stats"]})
    with_unused_out = {"params": {"encoder": dict(variables["params"]["encoder"]),
                                  "decoder": variables["params"]["decoder"]},
                       "batch_stats": variables["batch_stats"]}
    with_unused_out["params"]["encoder"]["layers_0"] = {
        **variables["params"]["encoder"]["layers_0"],
        "out": variables["params"]["encoder"]["layers_0"]["out2"]}
    for form in (convert.from_flax(state, **options),
                 convert.from_flax(frozen, **options),
                 convert.from_flax(variables["params"], batch_stats=variables["batch_stats"],
                                   **options),
                 convert.from_flax(with_unused_out, **options)):
        assert form[0] == expected[0]
        for name, value in expected[1].items():
            np.testing.assert_array_equal(form[1][name], value)


def _without(tree, *path):
    import copy
    tree = copy.deepcopy(tree)
    node = tree
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return tree


def _with(tree, value, *path):
    import copy
    tree = copy.deepcopy(tree)
    node = tree
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return tree


@pytest.mark.parametrize("corrupt, options, message", [
    (lambda v: v, dict(glu_variant="half2"), "glu_variant 'half2'"),
    (lambda v: v, dict(glu_variant="full"), "glu_variant 'full' disagrees with the tree"),
    (lambda v: _without(v, "batch_stats"), {}, "no batch_stats"),
    (lambda v: _without(v, "batch_stats", "encoder", "layers_1"), {},
     "batch_stats/encoder/layers_1/norm has no mean and var"),
    (lambda v: _with(v, np.zeros((8, 6, 2), np.float32), "params", "encoder", "layers_0", "mixer", "C1"),
     {}, "is bidirectional"),
    (lambda v: _with(v, np.zeros(3, np.float32), "params", "encoder", "layers_0", "mixer", "E"),
     {}, "unexpected parameter params/encoder/layers_0/mixer/E"),
    (lambda v: _without(v, "params", "decoder"), {}, "missing params/decoder"),
    (lambda v: _without(v, "params", "encoder", "layers_0", "mixer", "D"), {},
     "missing params/encoder/layers_0/mixer/D"),
    (lambda v: _without(v, "params", "encoder", "layers_1", "out2"), {},
     "different GLU variants"),
    (lambda v: _with(v, np.zeros((6, 8, 3), np.float32), "params", "encoder", "layers_0", "mixer", "B"),
     {}, "must end in a dimension of 2"),
    (lambda v: _with(v, np.zeros(6, np.int32), "params", "encoder", "layers_0", "mixer", "Lambda_im"),
     {}, "expected floating-point values, got dtype int32"),
    (lambda v: _with(v, v["params"]["encoder"]["layers_0"], "params", "encoder", "layers_3"), {},
     "expected layers_0 to layers_2"),
    (lambda v: v, dict(discretization="none"), "discretization must be one of zoh, bilinear"),
])
def test_flax_errors(corrupt, options, message):
    variables = corrupt(flax_variables(5, 8, 6, 3, 2, "half1", seed=5))
    kwargs = dict(prenorm=True, relufication=True, clip_eigs=False)
    kwargs.update(options)
    with pytest.raises(lrnn.Error) as info:
        convert.from_flax(variables, **kwargs)
    assert message in str(info.value)


def test_flax_bad_values_reach_the_importer():
    variables = flax_variables(5, 8, 6, 3, 2, "half1", seed=6)
    variables["params"]["encoder"]["layers_0"]["mixer"]["D"][2] = np.nan
    config, tensors = convert.from_flax(variables, prenorm=True, relufication=True,
                                        clip_eigs=False)
    with pytest.raises(lrnn.Error, match=r"tensor 'layers.0.ssm.D' has a non-finite value \(nan\)"):
        lrnn.from_arrays(config, tensors)


# --------------------------------------------------------------------------- PyTorch

class FakeTensor:
    """What the converter uses of a torch.Tensor."""

    def __init__(self, array):
        self.array = np.asarray(array)
        self.dtype = f"torch.{self.array.dtype}"

    def detach(self):
        return self

    def cpu(self):
        return self

    def numpy(self):
        return self.array


def torch_state_dict(d_in=5, h=8, n=6, d_out=4, seed=3, glu="full"):
    """A PyTorch S5 state dict, with the complex parameters in each of the
    forms the converter accepts."""
    rng = np.random.default_rng(seed)
    f32 = lambda a: np.asarray(a, np.float32)  # noqa: E731
    sd = {"module.encoder.weight": f32(rng.standard_normal((h, d_in)) / math.sqrt(d_in)),
          "module.encoder.bias": f32(0.1 * rng.standard_normal(h))}
    for i in range(2):
        p = f"module.layers.{i}."
        sd[p + "norm.weight"] = f32(rng.uniform(0.5, 1.5, h))
        sd[p + "norm.bias"] = f32(0.1 * rng.standard_normal(h))
        sd[p + "norm.running_mean"] = f32(0.2 * rng.standard_normal(h))
        sd[p + "norm.running_var"] = f32(rng.uniform(0.5, 2.0, h))
        sd[p + "norm.num_batches_tracked"] = np.asarray(100, np.int64)
        lam = -rng.uniform(0.1, 1.0, n) + 1j * rng.uniform(-3, 3, n)
        b = (rng.standard_normal((n, h)) + 1j * rng.standard_normal((n, h))) / math.sqrt(2 * h)
        c = (rng.standard_normal((h, n)) + 1j * rng.standard_normal((h, n))) / math.sqrt(4 * n)
        if i == 0:
            sd[p + "ssm.Lambda_re"], sd[p + "ssm.Lambda_im"] = f32(lam.real), f32(lam.imag)
            sd[p + "ssm.B"] = f32(np.stack([b.real, b.imag], axis=-1))
            sd[p + "ssm.C"] = FakeTensor(c.astype(np.complex64))
        else:
            sd[p + "ssm.Lambda"] = lam.astype(np.complex64)
            sd[p + "ssm.B"] = b.astype(np.complex64)
            sd[p + "ssm.C_re"], sd[p + "ssm.C_im"] = f32(c.real), FakeTensor(f32(c.imag))
        sd[p + "ssm.log_step"] = f32(rng.uniform(math.log(1e-2), math.log(0.5), (n, 1)))
        sd[p + "ssm.D"] = FakeTensor(f32(rng.standard_normal(h)))
        if glu != "none":
            sd[p + "glu.weight"] = f32(rng.standard_normal((h, h)) / math.sqrt(h))
            sd[p + "glu.bias"] = f32(0.1 * rng.standard_normal(h))
        if glu == "full":
            sd[p + "glu.value_weight"] = f32(rng.standard_normal((h, h)) / math.sqrt(h))
            sd[p + "glu.value_bias"] = f32(0.1 * rng.standard_normal(h))
    sd["module.decoder.weight"] = f32(rng.standard_normal((d_out, h)) / math.sqrt(h))
    sd["module.decoder.bias"] = f32(0.1 * rng.standard_normal(d_out))
    return sd


def torch_forward(sd, u, *, activation, bn_eps=1e-5):
    """The S5 model of the state dict (pre-norm, GELU or ReLU activation,
    conj_sym, zoh) in float64 numpy, straight from the PyTorch names."""
    g = lambda k: np.asarray(sd["module." + k].numpy() if isinstance(  # noqa: E731
        sd["module." + k], FakeTensor) else sd["module." + k])
    f = lambda k: g(k).astype(np.complex128 if np.iscomplexobj(g(k)) else np.float64)  # noqa: E731
    x = np.asarray(u, np.float64) @ f("encoder.weight").T + f("encoder.bias")
    for i in range(2):
        p = f"layers.{i}."
        skip = x
        z = _bn(x, f(p + "norm.running_mean"), f(p + "norm.running_var"),
                f(p + "norm.weight"), f(p + "norm.bias"), bn_eps)
        lam = (f(p + "ssm.Lambda_re") + 1j * f(p + "ssm.Lambda_im") if i == 0
               else f(p + "ssm.Lambda"))
        b = (f(p + "ssm.B")[..., 0] + 1j * f(p + "ssm.B")[..., 1] if i == 0 else f(p + "ssm.B"))
        c = f(p + "ssm.C") if i == 0 else f(p + "ssm.C_re") + 1j * f(p + "ssm.C_im")
        step = np.exp(f(p + "ssm.log_step")[:, 0])
        lam_bar, b_bar = discretize("zoh", lam, b, step)
        xs = _scan(lam_bar, z @ b_bar.T)
        y = 2 * (xs @ c.T).real + f(p + "ssm.D") * z
        a = gelu_tanh(y) if activation == "gelu" else np.maximum(y, 0)
        gate = sigmoid(a @ f(p + "glu.weight").T + f(p + "glu.bias"))
        x = (a @ f(p + "glu.value_weight").T + f(p + "glu.value_bias")) * gate + skip
    return x @ f("decoder.weight").T + f("decoder.bias")


@pytest.mark.parametrize("activation", ["gelu", "relu"])
def test_state_dict_converter(activation, rng):
    sd = torch_state_dict()
    config, tensors = convert.from_state_dict(sd, prefix="module.", activation=activation)
    assert config["glu"] == "full" and config["norm"] == "batchnorm"
    assert config["discretization"] == "zoh" and config["n_layers"] == 2
    u = rng.standard_normal((64, 5))
    out = lrnn.from_arrays(config, tensors).interpret(u)
    assert rel_error(out, torch_forward(sd, u, activation=activation)) < 1e-5


def test_state_dict_inference_of_config():
    sd = {k: v for k, v in torch_state_dict(glu="half1").items()
          if ".norm." not in k and "log_step" not in k}
    config, tensors = convert.from_state_dict(sd, prefix="module.", relufication=True)
    assert config["glu"] == "half1" and config["norm"] == "none"
    assert config["discretization"] == "none" and config["state_activation"] == "relu"
    lrnn.from_arrays(config, tensors)  # a valid model


@pytest.mark.parametrize("corrupt, options, message", [
    (lambda sd: {**sd, "module.layers.0.ssm.E": np.zeros(3)}, {}, "unexpected key 'module.layers.0.ssm.E'"),
    (lambda sd: {k: v for k, v in sd.items() if k != "module.layers.1.ssm.D"}, {},
     "missing module.layers.1.ssm.D"),
    (lambda sd: {k: v for k, v in sd.items() if not k.startswith("module.layers.1.")}, {},
     None),  # one layer fewer is a valid model
    (lambda sd: {k: v for k, v in sd.items() if not k.startswith("module.layers.0.")}, {},
     "missing the parameters of module.layers.0.ssm"),
    (lambda sd: {**sd, "module.layers.0.ssm.B": np.zeros((6, 8), np.float32)}, {},
     "expected complex values or a trailing dimension of 2"),
    (lambda sd: {**sd, "module.layers.1.ssm.B_re": np.zeros((6, 8), np.float32)}, {},
     "gives both B and B_re/B_im"),
    (lambda sd: {**sd, "module.encoder.bias": np.arange(8)}, {}, "expected floating-point values"),
    (lambda sd: {**sd, "other.thing": np.zeros(1)}, {}, "does not start with prefix 'module.'"),
    (lambda sd: sd, dict(discretization="none"), "log_step is present but discretization is 'none'"),
    (lambda sd: sd, dict(discretization="euler"), "discretization must be one of"),
    (lambda sd: {k: v for k, v in sd.items() if k != "module.decoder.bias"}, {},
     "missing module.decoder.bias"),
])
def test_state_dict_errors(corrupt, options, message):
    sd = corrupt(torch_state_dict())
    if message is None:
        lrnn.from_arrays(*convert.from_state_dict(sd, prefix="module.", **options))
        return
    with pytest.raises(lrnn.Error) as info:
        convert.from_state_dict(sd, prefix="module.", **options)
    assert message in str(info.value)


def test_state_dict_shape_errors_reach_the_importer():
    sd = torch_state_dict()
    sd["module.layers.1.glu.weight"] = np.zeros((8, 7), np.float32)
    with pytest.raises(lrnn.Error, match=r"tensor 'layers.1.glu.weight' has shape \[8, 7\]"):
        lrnn.from_arrays(*convert.from_state_dict(sd, prefix="module."))
