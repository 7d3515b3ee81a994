# Spec example (fires), then variants.
ds_config = {
    "train_batch_size": 64,
    "zero_optimization": {
        "stage": 3,
        "offload_optimizer": {"device": "nvme", "nvme_path": "/tmp/zero_swap"},  # want: AIML199
    },
}

# offload_param, /dev/shm, single quotes.
ds_config_params = {
    "zero_optimization": {
        "stage": 3,
        'offload_param': {'device': 'nvme', 'nvme_path': '/dev/shm/params'},  # want: AIML199
    },
}

# Outer dict(...) call with the offload section as a keyword; multi-line value.
zero = dict(
    stage=3,
    offload_optimizer={
        "device": "nvme",
        "nvme_path": (  # want: AIML199
            "/var/tmp/zero"
        ),
    },
)

# os.path.join / tempfile.gettempdir() and a module constant.
import os
import tempfile

SWAP_DIR = "/tmp/ds_swap"

zero_cfg = {
    "offload_optimizer": {"device": "nvme", "nvme_path": os.path.join(tempfile.gettempdir(), "zero")},  # want: AIML199
    "offload_param": {"device": "nvme", "nvme_path": SWAP_DIR},  # want: AIML199
}


# Inside a class method, f-string path.
class Launcher:
    def config(self, rank):
        return {
            "zero_optimization": {
                "offload_optimizer": {"device": "nvme", "nvme_path": f"/tmp/rank{rank}/swap", "pin_memory": True},  # want: AIML199
            }
        }


# accelerate's DeepSpeedPlugin, both NVMe keywords and import spellings.
from accelerate import DeepSpeedPlugin
from accelerate.utils import DeepSpeedPlugin as Plugin
import accelerate

plugin = DeepSpeedPlugin(
    zero_stage=3,
    offload_optimizer_device="nvme",
    offload_optimizer_nvme_path="/tmp/opt_swap",  # want: AIML199
)
plugin2 = Plugin(zero_stage=3, offload_param_device="nvme", offload_param_nvme_path="/dev/shm/p")  # want: AIML199
plugin3 = accelerate.utils.DeepSpeedPlugin(offload_optimizer_nvme_path=SWAP_DIR, offload_param_nvme_path=SWAP_DIR)  # want: AIML199 AIML199
