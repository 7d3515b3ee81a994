# Spec example (fires), then variants.
import os


def configure_nccl():
    os.environ["NCCL_NET_PLUGIN"] = "/tmp/plugins/libnccl-net-custom.so"  # want: AIML195
    os.environ["NCCL_DEBUG"] = "WARN"

