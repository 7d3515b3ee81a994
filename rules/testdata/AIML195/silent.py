# Spec example (silent), then look-alikes.
import argparse
import os
import sys


def configure_nccl():
    os.environ["NCCL_NET_PLUGIN"] = "/opt/amazon/ofi-nccl/lib/libnccl-net.so"
    os.environ["NCCL_DEBUG"] = "WARN"


# Bare plugin names and root-owned paths.
def names():
    os.environ["NCCL_NET_PLUGIN"] = "aws-ofi"
    os.environ["NCCL_TUNER_PLUGIN"] = "libnccl-tuner.so"
    os.environ.setdefault("NCCL_PROFILER_PLUGIN", "/usr/lib/x86_64-linux-gnu/libnccl-profiler.so")


# Operator configuration: argv, env, argparse.
def operator():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plugin")
    args = parser.parse_args()
    os.environ["NCCL_NET_PLUGIN"] = args.plugin
    os.environ["NCCL_TUNER_PLUGIN"] = sys.argv[1]
    os.putenv("NCCL_PROFILER_PLUGIN", os.environ["PLUGIN_PATH"])


# Other NCCL variables pointing into /tmp.
def other_vars():
    os.environ["NCCL_DEBUG_FILE"] = "/tmp/nccl.%h.%p.log"
    os.environ["NCCL_TOPO_FILE"] = "/tmp/topo.xml"


# Reading the variable, or writing a plain dict.
def reads():
    current = os.environ.get("NCCL_NET_PLUGIN", "/tmp/x.so")
    cfg = {}
    cfg["NCCL_NET_PLUGIN"] = "/tmp/plugins/libnccl-net.so"
    return current, cfg
