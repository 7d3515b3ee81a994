import os
import tempfile

from accelerate import DeepSpeedPlugin

WORLD_SIZE = int(os.environ.get("WORLD_SIZE", "1"))
ds_config = {
    "zero_optimization": {
        "offload_optimizer": {"device": "nvme", "nvme_path": "/tmp/zero_swap"},  # want: AIML199
        "offload_param": {
            "device": "nvme",
            "nvme_path": os.path.join(tempfile.gettempdir(), "zero_params"),  # want: AIML199
        },
    },
}
plugin = DeepSpeedPlugin(offload_param_nvme_path="/dev/shm/p")  # want: AIML199

# Guidance: a shared constant and a per-rank f-string.
SWAP_DIR = "/var/tmp/ds_swap"
cfg_const = {"offload_param": {"device": "nvme", "nvme_path": SWAP_DIR}}  # want: AIML199


def rank_config(rank):
    return {"offload_optimizer": {"device": "nvme", "nvme_path": f"/tmp/rank{rank}/swap"}}  # want: AIML199
