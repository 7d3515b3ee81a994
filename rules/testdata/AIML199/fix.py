from accelerate import DeepSpeedPlugin

ds_config = {
    "zero_optimization": {
        "offload_optimizer": {"device": "nvme", "nvme_path": "/tmp/zero_swap"},  # want: AIML199
    },
}
plugin = DeepSpeedPlugin(offload_param_nvme_path="/tmp/p")  # want: AIML199
