import os

import openvino as ov
import poptorch

opts = poptorch.Options()
opts.enableExecutableCaching("/tmp/ipu_exe_cache")  # want: AIML210
os.environ["POPTORCH_CACHE_DIR"] = "/var/tmp/poptorch"  # want: AIML210
os.environ["PT_HPU_RECIPE_CACHE_CONFIG"] = "/tmp/recipe_cache,True,1024"  # want: AIML210

core = ov.Core()
core.set_property({"CACHE_DIR": "/tmp/ov_cache"})  # want: AIML210


def compile_npu(m):
    return core.compile_model(
        m,
        "NPU",
        {"CACHE_DIR": "/dev/shm/npu"},  # want: AIML210
    )
