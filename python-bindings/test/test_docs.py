"""docs/python.md's code blocks run, in order, as one script."""

import os
import re
import warnings

import lrnn


def test_tutorial_runs(source_dir, tmp_path, capsys):
    text = (source_dir / "docs" / "python.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 4
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        namespace = {"__name__": "tutorial"}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", lrnn.CompilerWarning)
            exec(compile("\n".join(blocks), "docs/python.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    printed = capsys.readouterr().out
    assert "lrnn.model @model" in printed
    assert "non-finite value (nan)" in printed
    assert "latency per step (estimate)" in printed
    assert (tmp_path / "model.l2").exists()
    assert isinstance(lrnn.load(str(tmp_path / "model.l2")), lrnn.Loihi2Program)
