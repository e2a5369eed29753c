"""Shared fixtures of the lrnn binding tests.

ctest runs them with PYTHONPATH=<build>/python and LRNN_SOURCE_DIR set
(python-bindings/CMakeLists.txt); run by hand:
    PYTHONPATH=build/python /usr/bin/python3 -m pytest -q python-bindings/test
"""

import pathlib
import sys

import numpy as np
import pytest

# No bytecode next to the sources (the tests import scripts/lrnn_format.py and
# test/e2e/reference.py).
sys.dont_write_bytecode = True

try:
    import lrnn  # noqa: F401
except ImportError as error:  # pragma: no cover - a setup problem, not a test
    raise SystemExit(f"cannot import lrnn ({error}); set PYTHONPATH to the build's python/ "
                     f"directory, e.g. PYTHONPATH=build/python") from None

TEST_DIR = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(TEST_DIR))

import reference  # noqa: E402 - loads test/e2e/reference.py of reference.SOURCE_DIR

SOURCE_DIR = reference.SOURCE_DIR


@pytest.fixture(scope="session")
def source_dir():
    return SOURCE_DIR


@pytest.fixture
def rng():
    return np.random.default_rng(1234)


@pytest.fixture(scope="session")
def small():
    """(config, tensors) of a small sparse model with every common option."""
    config = reference.random_config()
    return config, reference.random_tensors(config, seed=7, density=0.5)


@pytest.fixture(scope="session")
def small_model(small):
    return lrnn.from_arrays(*small)


@pytest.fixture(scope="session")
def inputs():
    return np.random.default_rng(99).standard_normal((48, 6)).astype(np.float32)
