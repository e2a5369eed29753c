# -*- Python -*-
import os

import lit.formats
from lit.llvm import llvm_config

config.name = "LRNN"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.lrnn_obj_root, "test")
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "Inputs"]

llvm_config.with_system_environment(["HOME", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

tool_dirs = [config.lrnn_tools_dir, config.llvm_tools_dir]
# `not` and `count` at the start of a RUN line (lit's defaults only cover
# them after a pipe).
llvm_config.add_tool_substitutions(
    ["lrnn-opt", "lrnn-import", "lrnn-run", "lrnnc", "lrnn-translate",
     "lrnn-sim", "not", "count", "mlir-translate"], tool_dirs)
# Tests need the Python that has numpy (Debian's), not the one running lit.
config.substitutions = [s for s in config.substitutions if s[0] != "%python"]
config.substitutions.append(("%python", '"%s"' % config.python_executable))
config.substitutions.append(("%lrnn_bin", config.lrnn_tools_dir))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.substitutions.append(("%scripts", os.path.join(config.lrnn_src_root, "scripts")))
config.substitutions.append(("%examples", os.path.join(config.lrnn_src_root, "examples")))

# A C compiler, for the tests that link lrnnc --target=cpu objects into C
# programs (REQUIRES: cc).
import shutil

cc = shutil.which("cc")
if cc:
    config.available_features.add("cc")
    config.substitutions.append(("%cc", cc))
