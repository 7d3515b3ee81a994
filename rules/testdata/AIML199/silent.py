# Spec example (silent), then look-alikes that must not fire.
ds_config = {
    "train_batch_size": 64,
    "zero_optimization": {
        "stage": 3,
        "offload_optimizer": {"device": "nvme", "nvme_path": "/local_nvme"},
    },
}

# Dedicated mounts and relative or home paths.
cfg_mnt = {"offload_param": {"device": "nvme", "nvme_path": "/mnt/nvme0/zero"}}
cfg_rel = {"offload_param": {"device": "nvme", "nvme_path": "nvme_swap"}}
cfg_home = {"offload_param": {"device": "nvme", "nvme_path": "~/zero"}}

# CPU offload without nvme_path.
cfg_cpu = {"zero_optimization": {"offload_optimizer": {"device": "cpu", "pin_memory": True}}}

# nvme_path outside an offload section, or under another key.
aio = {"nvme_path": "/tmp/not_zero"}
other = {"checkpoint": {"nvme_path": "/tmp/ckpt"}}

# Private temp dirs and non-literal paths.
import os
import tempfile

cfg_private = {"offload_optimizer": {"device": "nvme", "nvme_path": tempfile.mkdtemp()}}
cfg_env = {"offload_optimizer": {"device": "nvme", "nvme_path": os.environ["NVME_PATH"]}}


def build(path):
    return {"offload_param": {"device": "nvme", "nvme_path": path}}


# The inner section is not a dict literal; DeepSpeedPlugin with a safe path.
from accelerate import DeepSpeedPlugin

cfg_call = {"offload_param": dict(device="nvme", nvme_path="/tmp/x")}
plugin = DeepSpeedPlugin(zero_stage=3, offload_optimizer_nvme_path="/local_nvme/opt")
plugin_cpu = DeepSpeedPlugin(zero_stage=3, offload_optimizer_device="cpu")


class NotAPlugin:
    def __init__(self, **kw):
        pass


np_ = NotAPlugin(offload_optimizer_nvme_path="/tmp/x")
