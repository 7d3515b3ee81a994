# Spec example (fires), then variants.
import os


def configure_nccl():
    os.environ["NCCL_NET_PLUGIN"] = "/tmp/plugins/libnccl-net-custom.so"  # want: AIML195
    os.environ["NCCL_DEBUG"] = "WARN"


# setdefault and putenv, /dev/shm and /var/tmp.
def defaults():
    os.environ.setdefault("NCCL_TUNER_PLUGIN", "/dev/shm/libnccl-tuner.so")  # want: AIML195
    os.putenv("NCCL_PROFILER_PLUGIN", "/var/tmp/libnccl-profiler.so")  # want: AIML195


# update() with a dict literal and with keywords, multi-line.
from os import environ as env


def bulk():
    env.update(  # want: AIML195
        {"NCCL_DEBUG": "INFO", "NCCL_NET_PLUGIN": os.path.join("/tmp", "libnccl-net.so")}
    )
    env.update(NCCL_TUNER_PLUGIN="/tmp/tuner.so")  # want: AIML195


# A request-chosen plugin inside a class.
from flask import Flask, request

app = Flask(__name__)


class ClusterConfig:
    @staticmethod
    @app.post("/cluster/plugin")
    def set_plugin():
        os.environ["NCCL_NET_PLUGIN"] = request.json["plugin"]  # want: AIML195
        return "ok"


# A plugin name fetched from a coordinator over HTTP, in an f-string.
import requests


def from_coordinator(url):
    name = requests.get(url).text
    os.environ["NCCL_NET_PLUGIN"] = f"/opt/nccl/{name}"  # want: AIML195
