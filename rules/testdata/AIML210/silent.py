import os
import tempfile

import openvino as ov
import poptorch

opts = poptorch.Options()
opts.enableExecutableCaching("./exe_cache")
opts.enableExecutableCaching(os.path.expanduser("~/.cache/poptorch"))
opts.enableExecutableCaching(tempfile.mkdtemp())


def configure(cache_dir):
    opts.enableExecutableCaching(cache_dir)


os.environ["POPTORCH_CACHE_DIR"] = "/home/ipu/.cache/poptorch"
os.environ["PT_HPU_RECIPE_CACHE_CONFIG"] = "./recipes,True,1024"
os.environ["PT_HPU_RECIPE_CACHE_CONFIG"] = "/tmp,True,1024".replace("/tmp", "/data")
os.environ["POPLAR_LOG_DEST"] = "/tmp/poplar.log"

core = ov.Core()
core.set_property({"CACHE_DIR": os.path.expanduser("~/.cache/openvino")})
core.set_property({"LOG_DIR": "/tmp/ov-logs"})
compiled = core.compile_model("model.xml", "CPU", {"CACHE_DIR": "model_cache"})


class Other:
    def set_property(self, d):
        pass


Other().set_property({"CACHE_DIR": "/tmp/x"})
