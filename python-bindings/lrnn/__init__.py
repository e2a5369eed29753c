"""lrnn: compile, run and simulate sparse linear RNNs (S5-style) from Python.

The package wraps the lrnn compiler's C++ API (the extension ``lrnn._lrnn``);
IR crosses the boundary as MLIR text. A model is built, transformed and
compiled like this::

    import lrnn
    model = lrnn.from_arrays(config, tensors)       # or lrnn.load("m.safetensors")
    model = model.optimize(sparsity=0.9)            # prune, fold, eliminate, fuse
    print(model.cost_report()["models"][0]["totals"])
    y = model.interpret(x)                          # reference interpreter
    cpu = model.compile("cpu", streams=4)           # native code, 4 streams
    q = model.optimize(fuse=False).quantize(x)      # integer model
    program = q.compile("loihi2")
    outputs, report = program.simulate(x)           # functional simulator

Functions: :func:`load`, :func:`parse`, :func:`from_arrays`,
:func:`parse_config`, :func:`write_interchange`; classes: :class:`Model`,
:class:`Interpreter`, :class:`CpuModel`, :class:`Loihi2Program`; errors are
:class:`Error` (a ``RuntimeError``) carrying the compiler's one-line message,
warnings :class:`CompilerWarning`. :mod:`lrnn.convert` turns PyTorch state
dicts and the Flax parameters of the SparseRNNs training code into the
interchange format's tensors. See docs/python.md for a tutorial.
"""

from ._lrnn import (
    CompilerWarning,
    CpuModel,
    Error,
    Interpreter,
    Loihi2Program,
    Model,
    from_arrays,
    load,
    parse,
    parse_config,
    write_interchange,
)
from . import convert

__all__ = [
    "CompilerWarning",
    "CpuModel",
    "Error",
    "Interpreter",
    "Loihi2Program",
    "Model",
    "convert",
    "from_arrays",
    "load",
    "parse",
    "parse_config",
    "write_interchange",
]

for _cls in (CompilerWarning, CpuModel, Error, Interpreter, Loihi2Program, Model):
    _cls.__module__ = "lrnn"

TARGETS = ("cpu", "loihi2")


def _compile(self, target, **options):
    """Compiles the model for ``target`` and returns the executable.

    ``"cpu"``: native code for this CPU through MLIR's JIT (as
    ``lrnn-run --backend=cpu``); options ``streams`` (independent states,
    default 1). Returns a :class:`CpuModel`.

    ``"loihi2"``: a quantised model lowered to a Loihi 2 program and placed
    on the system's neurocores (as ``lrnnc --target=loihi2``); options
    ``system`` (``"oheo-gulch"``, ``"kapoho-point"``, ``"hala-point"``),
    ``mode`` (``"fall-through"`` or ``"pipelined"``),
    ``max_neurons_per_core`` (0: the target's limit) and ``target_config``
    (a target description file). Returns a :class:`Loihi2Program`.
    """
    if target == "cpu":
        return self._compile_cpu(**options)
    if target == "loihi2":
        return self._compile_loihi2(**options)
    raise Error(f"compile: unknown target {target!r} (expected 'cpu' or 'loihi2')")


Model.compile = _compile
