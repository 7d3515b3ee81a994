# Spec example (silent), then look-alikes that must not fire.
import os
import sys

import pipeline_stages
import torch.distributed.rpc as rpc
from flask import Flask, request

app = Flask(__name__)

STAGES = {"embed": pipeline_stages.embed, "decode": pipeline_stages.decode}


@app.post("/run_stage")
def run_stage():
    body = request.get_json()
    fn = STAGES[body["stage"]]
    fut = rpc.rpc_async("worker1", fn, args=(body["batch_id"],))
    return {"result": fut.wait()}


# Plain function and method references, even with request arguments.
@app.post("/embed")
def embed():
    return rpc.rpc_sync("w1", pipeline_stages.embed, args=(request.json["x"],))


# getattr with a constant name, or a name from the command line (operator config).
def fixed():
    return rpc.rpc_sync("w1", getattr(pipeline_stages, "decode"))


def from_cli():
    return rpc.rpc_sync("w1", getattr(pipeline_stages, sys.argv[1]))


def from_env():
    return rpc.remote("w1", globals()[os.environ["STAGE"]])


# Allow-guarded name.
@app.post("/guarded")
def guarded():
    name = request.args["stage"]
    if name not in ("embed", "decode"):
        return "bad", 400
    return rpc.rpc_sync("w1", getattr(pipeline_stages, name))


# RemoteModule construction and non-rpc calls with eval.
from torch.distributed.nn.api.remote_module import RemoteModule

rm = RemoteModule("w1/cpu", pipeline_stages.Block, args=(request,))
results = list(map(eval, ["1+1"]))


# A local function named like an rpc helper.
def rpc_sync(worker, func):
    return func()


rpc_sync("w1", eval)
