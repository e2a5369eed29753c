"""Converters from training-framework parameters to the interchange format.

Each converter returns ``(config, tensors)``: an ``lrnn.config`` dict and a
dict of float32/float64 numpy arrays named as the tensors of the interchange
format (``../shared/spec/lrnn-model-format.md``), ready for
:func:`lrnn.from_arrays` or :func:`lrnn.write_interchange`. Continuous
parameters stay continuous: ``Λ``, ``B̃`` and ``log_step`` are passed on with
the configuration's ``discretization``, and lrnn discretises them in double
precision when it builds the model. Every parameter the converter does not
recognise is an error (never silently dropped).

* :func:`from_state_dict`: a flat PyTorch-style state dict (``name -> tensor``,
  ``torch.Tensor`` or numpy), e.g. ``model.state_dict()`` of a PyTorch S5.
* :func:`from_flax`: the Flax variables of the paper's training code
  (github.com/stevenabreu7/SparseRNNs: ``QStackedEncoderModel`` with ``S5``
  mixers inside ``QRegressionModel`` or ``QClassificationModel``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np

from ._lrnn import Error

__all__ = ["from_state_dict", "from_flax"]

#: Activations of a ReLU-fied model (the paper's "relufication").
_RELU = {"encoder_activation": "relu", "activation": "relu",
         "state_activation": "relu", "residual_activation": "relu"}
_NO_RELU = {"encoder_activation": "none", "activation": "gelu",
            "state_activation": "none", "residual_activation": "none"}


def _array(value, name):
    """``value`` (numpy, torch, jax, nested lists) as a float or complex
    numpy array; half precision is widened to float32."""
    if hasattr(value, "detach"):  # torch.Tensor
        value = value.detach()
        if str(getattr(value, "dtype", "")) in ("torch.bfloat16", "torch.float16"):
            value = value.float()
        value = value.cpu().numpy()
    try:
        array = np.asarray(value)
    except Exception as error:  # noqa: BLE001 - any conversion failure
        raise Error(f"{name}: not an array ({error})") from None
    if "bfloat16" in str(array.dtype) or array.dtype == np.float16:
        array = array.astype(np.float32)
    if array.dtype.kind not in "fc":
        raise Error(f"{name}: expected floating-point values, got dtype {array.dtype}")
    return array


def _real(array):
    """float32 stays float32, anything wider becomes float64."""
    return np.ascontiguousarray(array, dtype=np.float32 if array.dtype in
                                (np.float32, np.complex64) else np.float64)


def _complex_parts(value, name, shape_hint):
    """(re, im) of a complex tensor given as complex values or with a
    trailing dimension of 2 (real, imaginary), as S5 code stores them."""
    array = _array(value, name)
    if array.dtype.kind == "c":
        return _real(array.real), _real(array.imag)
    if array.ndim >= 1 and array.shape[-1] == 2:
        return _real(array[..., 0]), _real(array[..., 1])
    raise Error(f"{name}: expected complex values or a trailing dimension of 2 "
                f"(real, imaginary) for a {shape_hint} tensor, got real values of "
                f"shape {list(array.shape)}")


def _check_choice(key, value, allowed):
    if value not in allowed:
        raise Error(f"{key} must be one of {', '.join(allowed)}, got {value!r}")


# --------------------------------------------------------------------------- PyTorch

_LAYER_KEY = re.compile(r"layers\.(\d+)\.(norm|ssm|glu)\.(\w+)$")

#: Per layer part: accepted parameter names -> spec name (None: ignored).
_NORM_NAMES = {"weight": "scale", "scale": "scale", "bias": "bias",
               "running_mean": "mean", "mean": "mean",
               "running_var": "var", "var": "var", "num_batches_tracked": None}
_SSM_NAMES = {"Lambda_re": "lambda_re", "lambda_re": "lambda_re",
              "Lambda_im": "lambda_im", "lambda_im": "lambda_im",
              "Lambda": "lambda", "lambda": "lambda",
              "log_step": "log_step", "B": "B", "B_re": "B_re", "B_im": "B_im",
              "C": "C", "C_re": "C_re", "C_im": "C_im", "D": "D"}
_GLU_NAMES = {"weight": "weight", "bias": "bias",
              "value_weight": "value_weight", "value_bias": "value_bias"}


def from_state_dict(state_dict, *, prefix="", conj_sym=True, discretization=None,
                    step_rescale=1.0, norm_position="pre", bn_eps=1e-5,
                    relufication=None, encoder_activation="none", activation="gelu",
                    state_activation="none", residual_activation="none"):
    """Converts a flat PyTorch-style state dict of an S5 model.

    Expected names (after removing ``prefix``, e.g. ``"module."``), with
    ``i`` from 0 to ``n_layers - 1``:

    * ``encoder.weight`` ``[H, d_input]``, ``encoder.bias`` (``nn.Linear``:
      weights are ``[out, in]``); ``decoder.weight``, ``decoder.bias``;
    * ``layers.i.norm.weight``/``bias``/``running_mean``/``running_var``
      (``nn.BatchNorm1d``; ``num_batches_tracked`` is ignored; the spec
      names ``scale``/``mean``/``var`` are accepted too);
    * ``layers.i.ssm.Lambda_re``/``Lambda_im`` ``[N]`` (or a complex
      ``Lambda``), ``log_step`` ``[N]`` or ``[N, 1]``, ``B`` ``[N, H]``
      complex or ``[N, H, 2]`` (or ``B_re``/``B_im``), ``C`` ``[H, N]``
      complex or ``[H, N, 2]`` (or ``C_re``/``C_im``), ``D`` ``[H]``;
    * ``layers.i.glu.weight``/``bias`` (gate), ``layers.i.glu.value_weight``/
      ``value_bias`` (value, ``glu = "full"``).

    Sizes, ``n_layers``, ``norm`` (batchnorm when norm tensors exist) and
    ``glu`` (``full`` with a value projection, ``half1`` with a gate, else
    ``none``) come from the tensors; ``discretization`` defaults to
    ``"zoh"`` when ``log_step`` is present and ``"none"`` otherwise. The
    other keyword arguments are the configuration keys of the same names;
    ``relufication=True`` sets all four activations to ReLU (the paper's
    ReLU-fied S5), ``False`` to the plain S5's (GELU, no others).
    Returns ``(config, tensors)``.
    """
    if not isinstance(state_dict, Mapping):
        raise Error(f"state_dict: expected a mapping of name to tensor, got {type(state_dict).__name__}")
    top, layers = {}, {}
    for key, value in state_dict.items():
        if not isinstance(key, str):
            raise Error(f"state_dict: every key must be a str, got {key!r}")
        if not key.startswith(prefix):
            raise Error(f"state_dict: key {key!r} does not start with prefix {prefix!r}")
        name = key[len(prefix):]
        if name in ("encoder.weight", "encoder.bias", "decoder.weight", "decoder.bias"):
            top[name] = _array(value, key)
            continue
        match = _LAYER_KEY.match(name)
        table = {"norm": _NORM_NAMES, "ssm": _SSM_NAMES, "glu": _GLU_NAMES}
        if not match or match.group(3) not in table[match.group(2)]:
            raise Error(f"state_dict: unexpected key {key!r} (not a parameter of an S5 "
                        f"model; see lrnn.convert.from_state_dict for the names)")
        layer, part, param = int(match.group(1)), match.group(2), match.group(3)
        spec = table[part][param]
        if spec is None:
            continue
        entry = layers.setdefault(layer, {}).setdefault(part, {})
        if spec in entry:
            raise Error(f"state_dict: {key!r} repeats layers.{layer}.{part}.{spec}")
        entry[spec] = (key, value)
    for name in ("encoder.weight", "encoder.bias", "decoder.weight", "decoder.bias"):
        if name not in top:
            raise Error(f"state_dict: missing {prefix}{name}")
    if not layers:
        raise Error("state_dict: no layers.<i>.* parameters")
    n_layers = max(layers) + 1
    for i in range(n_layers):
        if i not in layers or "ssm" not in layers[i]:
            raise Error(f"state_dict: missing the parameters of {prefix}layers.{i}.ssm")

    tensors = {name: _real(value) for name, value in top.items()}
    has_norm = any("norm" in parts for parts in layers.values())
    has_gate = any("weight" in parts.get("glu", {}) for parts in layers.values())
    has_value = any("value_weight" in parts.get("glu", {}) for parts in layers.values())
    has_step = any("log_step" in parts["ssm"] for parts in layers.values())
    for i in range(n_layers):
        p = f"layers.{i}."
        for spec, (key, value) in layers[i].get("norm", {}).items():
            tensors[p + "norm." + spec] = _real(_array(value, key))
        for spec, (key, value) in layers[i].get("glu", {}).items():
            tensors[p + "glu." + spec] = _real(_array(value, key))
        ssm = layers[i]["ssm"]
        for whole, parts, hint in (("lambda", ("lambda_re", "lambda_im"), "[N]"),
                                   ("B", ("B_re", "B_im"), "[N, H]"),
                                   ("C", ("C_re", "C_im"), "[H, N]")):
            if whole in ssm:
                if any(part in ssm for part in parts):
                    raise Error(f"state_dict: {p}ssm gives both {whole} and {parts[0]}/{parts[1]}")
                key, value = ssm[whole]
                re_, im_ = _complex_parts(value, key, hint)
            elif all(part in ssm for part in parts):
                re_ = _real(_array(ssm[parts[0]][1], ssm[parts[0]][0]))
                im_ = _real(_array(ssm[parts[1]][1], ssm[parts[1]][0]))
            else:
                raise Error(f"state_dict: missing {prefix}{p}ssm.{whole} (complex, "
                            f"or {parts[0]} and {parts[1]})")
            tensors[f"{p}ssm.{parts[0]}"], tensors[f"{p}ssm.{parts[1]}"] = re_, im_
        if "D" not in ssm:
            raise Error(f"state_dict: missing {prefix}{p}ssm.D")
        tensors[p + "ssm.D"] = _real(_array(ssm["D"][1], ssm["D"][0]))
        if "log_step" in ssm:
            key, value = ssm["log_step"]
            step = _real(_array(value, key))
            if step.ndim == 2 and step.shape[1] == 1:
                step = step[:, 0]
            tensors[p + "ssm.log_step"] = np.ascontiguousarray(step)

    if discretization is None:
        discretization = "zoh" if has_step else "none"
    _check_choice("discretization", discretization, ("zoh", "bilinear", "none"))
    if discretization == "none" and has_step:
        raise Error("state_dict: log_step is present but discretization is 'none' "
                    "(already discrete parameters have no step)")
    if relufication is not None:
        activations = _RELU if relufication else _NO_RELU
    else:
        activations = {"encoder_activation": encoder_activation, "activation": activation,
                       "state_activation": state_activation,
                       "residual_activation": residual_activation}
    enc, dec = tensors["encoder.weight"], tensors["decoder.weight"]
    lam = tensors["layers.0.ssm.lambda_re"]
    if enc.ndim != 2 or dec.ndim != 2 or lam.ndim != 1:
        raise Error(f"state_dict: encoder.weight and decoder.weight must be matrices and "
                    f"Lambda a vector, got shapes {list(enc.shape)}, {list(dec.shape)} and "
                    f"{list(lam.shape)}")
    config = {
        "format": "lrnn-s5/1",
        "d_input": int(enc.shape[1]),
        "d_model": int(enc.shape[0]),
        "d_state": int(lam.shape[0]),
        "d_output": int(dec.shape[0]),
        "n_layers": n_layers,
        "conj_sym": bool(conj_sym),
        "discretization": discretization,
        "step_rescale": float(step_rescale),
        "norm": "batchnorm" if has_norm else "none",
        "norm_position": norm_position,
        "bn_eps": float(bn_eps),
        **activations,
        "glu": "full" if has_value else "half1" if has_gate else "none",
    }
    return config, tensors


# --------------------------------------------------------------------------- Flax

def _flax_trees(variables, batch_stats):
    """(params, batch_stats) of variables given as {'params', 'batch_stats'},
    a TrainState-like object, or the params tree itself."""
    if not isinstance(variables, Mapping) and hasattr(variables, "params"):
        params = variables.params
        if batch_stats is None:
            batch_stats = getattr(variables, "batch_stats", None)
    elif isinstance(variables, Mapping) and "params" in variables:
        unknown = sorted(set(variables) - {"params", "batch_stats", "intermediates"})
        if unknown:
            raise Error(f"flax: unexpected variable collection {unknown[0]!r} "
                        f"(expected 'params' and 'batch_stats')")
        params = variables["params"]
        if batch_stats is None:
            batch_stats = variables.get("batch_stats")
    else:
        params = variables
    if not isinstance(params, Mapping):
        raise Error(f"flax: expected the params tree (a mapping), got {type(params).__name__}")
    return params, batch_stats


def _node(tree, key, path):
    value = tree.get(key) if isinstance(tree, Mapping) else None
    if not isinstance(value, Mapping):
        raise Error(f"flax: missing {path}/{key}")
    return value


def _leaf(tree, key, path, ndim=None):
    if not isinstance(tree, Mapping) or key not in tree:
        raise Error(f"flax: missing {path}/{key}")
    array = _array(tree[key], f"{path}/{key}")
    if ndim is not None and array.ndim != ndim:
        raise Error(f"flax: {path}/{key} must have {ndim} dimension(s), got shape "
                    f"{list(array.shape)}")
    return array


def _only(tree, allowed, path):
    for key in tree:
        if key not in allowed:
            raise Error(f"flax: unexpected parameter {path}/{key} (not part of an S5 "
                        f"layer lrnn can convert)")


def _dense(tree, path):
    """(weight [out, in], bias) of an nn.Dense (kernel [in, out])."""
    _only(tree, ("kernel", "bias"), path)
    kernel = _leaf(tree, "kernel", path, 2)
    bias = _leaf(tree, "bias", path, 1)
    return _real(kernel.T), _real(bias)


def from_flax(variables, *, prenorm, relufication, clip_eigs, batch_stats=None,
              conj_sym=True, discretization="zoh", step_rescale=1.0, bn_eps=1e-5,
              glu_variant=None):
    """Converts the Flax variables of the SparseRNNs training code.

    ``variables`` is ``{"params": ..., "batch_stats": ...}`` (what
    ``model.init`` returns, or a checkpoint's), a ``TrainState`` with
    ``params`` and ``batch_stats``, or the params tree alone with
    ``batch_stats`` given separately. Its layout is that of
    ``QRegressionModel``/``QClassificationModel``: ``encoder/encoder``
    (``nn.Dense``, the linear encoder), ``encoder/layers_i`` (one
    ``QSequenceLayer`` each: ``mixer`` = the S5 SSM with ``Lambda_re``,
    ``Lambda_im`` ``[P]``, ``B`` ``[P, H, 2]``, ``C`` ``[H, P, 2]``, ``D``
    ``[H]``, ``log_step`` ``[P, 1]``; ``norm`` = ``nn.BatchNorm`` with
    ``scale``/``bias`` params (optional) and ``mean``/``var`` batch
    statistics; ``out2`` = the GLU gate and ``out1`` = its value
    projection, both ``nn.Dense``) and ``decoder`` (``nn.Dense``). A
    classification model's decoder is applied per step: its mean over time
    is the model's logits before ``log_softmax`` (the decoder is linear).

    What the tree does not record must be given, with the values the model
    was trained with: ``prenorm``, ``relufication`` (ReLU after the encoder,
    on the SSM states, as the activation and after the residual; GELU as
    the activation otherwise), ``clip_eigs`` (``Re Λ`` clipped to at most
    ``-1e-4``, as the SSM does), and, with the code's defaults,
    ``conj_sym``, ``discretization`` (``"zoh"`` or ``"bilinear"``),
    ``step_rescale`` and ``bn_eps`` (Flax's BatchNorm epsilon). The GLU
    variant is read from the tree (``out1`` and ``out2``: ``"full"``,
    ``out2``: ``"half1"``, neither: ``"none"``); ``glu_variant`` checks it.
    Models lrnn cannot represent are errors: ``half2`` GLU, bidirectional
    SSMs, LayerNorm (``batchnorm=False``). Top-k activation sparsity
    (``topk < 1``) is not recorded in the tree and not supported.

    Returns ``(config, tensors)``.
    """
    params, batch_stats = _flax_trees(variables, batch_stats)
    _check_choice("discretization", discretization, ("zoh", "bilinear"))
    if glu_variant is not None:
        _check_choice("glu_variant", glu_variant, ("full", "half1", "half2", "none"))
        if glu_variant == "half2":
            raise Error("flax: glu_variant 'half2' (gate applied to the pre-activation "
                        "SSM output) is not expressible in lrnn-s5/1 (half1, full or none)")
    _only(params, ("encoder", "decoder"), "params")
    stack = _node(params, "encoder", "params")
    layer_keys = sorted((k for k in stack if re.fullmatch(r"layers_\d+", k)),
                        key=lambda k: int(k.split("_")[1]))
    _only(stack, ["encoder"] + layer_keys, "params/encoder")
    if not layer_keys:
        raise Error("flax: params/encoder has no layers_0 (not a stacked S5 encoder)")
    n_layers = len(layer_keys)
    if layer_keys != [f"layers_{i}" for i in range(n_layers)]:
        raise Error(f"flax: params/encoder has layers {layer_keys}, expected layers_0 "
                    f"to layers_{n_layers - 1}")
    if batch_stats is None:
        raise Error("flax: no batch_stats: pass the 'batch_stats' collection (the running "
                    "mean and variance of each layer's BatchNorm)")
    stats_stack = _node(batch_stats, "encoder", "batch_stats")

    tensors = {}
    tensors["encoder.weight"], tensors["encoder.bias"] = _dense(
        _node(stack, "encoder", "params/encoder"), "params/encoder/encoder")
    tensors["decoder.weight"], tensors["decoder.bias"] = _dense(
        _node(params, "decoder", "params"), "params/decoder")
    variants = set()
    for i, key in enumerate(layer_keys):
        path = f"params/encoder/{key}"
        layer = stack[key]
        if not isinstance(layer, Mapping):
            raise Error(f"flax: {path} is not a parameter tree")
        # `out` is created by QSequenceLayer.setup but never called.
        _only(layer, ("mixer", "norm", "out1", "out2", "out"), path)
        p = f"layers.{i}."

        mixer = _node(layer, "mixer", path)
        mpath = path + "/mixer"
        if "C1" in mixer or "C2" in mixer:
            raise Error(f"flax: {mpath} is bidirectional (C1, C2): a streaming model "
                        f"cannot run backwards in time")
        _only(mixer, ("Lambda_re", "Lambda_im", "B", "C", "D", "log_step"), mpath)
        lam_re = _real(_leaf(mixer, "Lambda_re", mpath, 1))
        if clip_eigs:
            lam_re = np.minimum(lam_re, np.asarray(-1e-4, dtype=lam_re.dtype))
        tensors[p + "ssm.lambda_re"] = lam_re
        tensors[p + "ssm.lambda_im"] = _real(_leaf(mixer, "Lambda_im", mpath, 1))
        b = _leaf(mixer, "B", mpath, 3)
        c = _leaf(mixer, "C", mpath, 3)
        for name, array in (("B", b), ("C", c)):
            if array.shape[-1] != 2:
                raise Error(f"flax: {mpath}/{name} must end in a dimension of 2 (real, "
                            f"imaginary), got shape {list(array.shape)}")
        tensors[p + "ssm.B_re"], tensors[p + "ssm.B_im"] = _real(b[..., 0]), _real(b[..., 1])
        tensors[p + "ssm.C_re"], tensors[p + "ssm.C_im"] = _real(c[..., 0]), _real(c[..., 1])
        tensors[p + "ssm.D"] = _real(_leaf(mixer, "D", mpath, 1))
        step = _leaf(mixer, "log_step", mpath)
        if step.ndim == 2 and step.shape[1] == 1:
            step = step[:, 0]
        if step.ndim != 1:
            raise Error(f"flax: {mpath}/log_step must have shape [P, 1] or [P], got "
                        f"{list(step.shape)}")
        tensors[p + "ssm.log_step"] = _real(step)

        norm = layer.get("norm", {})
        if not isinstance(norm, Mapping):
            raise Error(f"flax: {path}/norm is not a parameter tree")
        _only(norm, ("scale", "bias"), path + "/norm")
        stats = stats_stack.get(key, {}).get("norm") if isinstance(
            stats_stack.get(key), Mapping) else None
        if not isinstance(stats, Mapping) or "mean" not in stats or "var" not in stats:
            raise Error(f"flax: batch_stats/encoder/{key}/norm has no mean and var: lrnn "
                        f"converts BatchNorm models only (a LayerNorm model, "
                        f"batchnorm=False, has no interchange form)")
        spath = f"batch_stats/encoder/{key}/norm"
        _only(stats, ("mean", "var"), spath)
        mean = _real(_leaf(stats, "mean", spath, 1))
        tensors[p + "norm.mean"] = mean
        tensors[p + "norm.var"] = _real(_leaf(stats, "var", spath, 1))
        # use_scale / use_bias = False leave the parameter out.
        tensors[p + "norm.scale"] = (_real(_leaf(norm, "scale", path + "/norm", 1))
                                     if "scale" in norm else np.ones_like(mean))
        tensors[p + "norm.bias"] = (_real(_leaf(norm, "bias", path + "/norm", 1))
                                    if "bias" in norm else np.zeros_like(mean))

        if "out1" in layer and "out2" not in layer:
            raise Error(f"flax: {path} has out1 without out2 (no GLU variant has that)")
        if "out2" in layer:
            tensors[p + "glu.weight"], tensors[p + "glu.bias"] = _dense(
                _node(layer, "out2", path), path + "/out2")
        if "out1" in layer:
            tensors[p + "glu.value_weight"], tensors[p + "glu.value_bias"] = _dense(
                _node(layer, "out1", path), path + "/out1")
        variants.add("full" if "out1" in layer else "half1" if "out2" in layer else "none")
    for key in stats_stack:
        if key not in layer_keys:
            raise Error(f"flax: unexpected batch statistics batch_stats/encoder/{key}")
    if len(variants) != 1:
        raise Error(f"flax: the layers use different GLU variants {sorted(variants)}")
    glu = variants.pop()
    if glu_variant is not None and glu_variant != glu:
        raise Error(f"flax: glu_variant {glu_variant!r} disagrees with the tree, whose "
                    f"layers have the parameters of {glu!r}")

    enc = tensors["encoder.weight"]
    config = {
        "format": "lrnn-s5/1",
        "d_input": int(enc.shape[1]),
        "d_model": int(enc.shape[0]),
        "d_state": int(tensors["layers.0.ssm.lambda_re"].shape[0]),
        "d_output": int(tensors["decoder.weight"].shape[0]),
        "n_layers": n_layers,
        "conj_sym": bool(conj_sym),
        "discretization": discretization,
        "step_rescale": float(step_rescale),
        "norm": "batchnorm",
        "norm_position": "pre" if prenorm else "post",
        "bn_eps": float(bn_eps),
        **(_RELU if relufication else _NO_RELU),
        "glu": glu,
    }
    return config, tensors
