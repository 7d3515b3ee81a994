import os
import tempfile

import openvino as ov
import poptorch
from openvino.runtime import Core

opts = poptorch.Options()
opts.deviceIterations(4)
opts.enableExecutableCaching("/tmp/ipu_exe_cache")  # want: AIML210
model = poptorch.trainingModel(net, options=opts)

chained = poptorch.Options().deviceIterations(2).replicationFactor(4)
chained.enableExecutableCaching(os.path.join(tempfile.gettempdir(), "ipu"))  # want: AIML210

os.environ["POPTORCH_CACHE_DIR"] = "/var/tmp/poptorch"  # want: AIML210
os.environ["PT_HPU_RECIPE_CACHE_CONFIG"] = "/tmp/recipe_cache,True,1024"  # want: AIML210
os.environ.setdefault("PT_HPU_RECIPE_CACHE_CONFIG", f"/dev/shm/hpu_{os.getuid()},false,2048")  # want: AIML210

core = ov.Core()
core.set_property({"CACHE_DIR": "/tmp/ov_cache"})  # want: AIML210


class NPUModel:
    def __init__(self, xml):
        self.core = Core()
        self.compiled = self.core.compile_model(
            xml,
            "NPU",
            {
                "PERFORMANCE_HINT": "LATENCY",
                "CACHE_DIR": "/tmp/npu-blobs",  # want: AIML210
            },
        )


def compile_gpu(m):
    return ov.compile_model(m, "GPU", config={"CACHE_DIR": "/tmp/gpu-cache"})  # want: AIML210
