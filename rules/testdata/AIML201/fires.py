# Spec example (fires), then variants.
import torch.distributed.rpc as rpc
import pipeline_stages
from flask import Flask, request

app = Flask(__name__)


@app.post("/run_stage")
def run_stage():
    body = request.get_json()
    fn = getattr(pipeline_stages, body["stage"])
    fut = rpc.rpc_async(body["worker"], fn, args=(body["batch_id"],))  # want: AIML201
    return {"result": fut.wait()}


# (a) code-execution callables as the target, from-imports with `as`.
import os
import subprocess
from torch.distributed.rpc import rpc_sync as call_remote, remote


def run_on_worker(worker, code):
    return call_remote(worker, eval, args=(code,))  # want: AIML201


def shell_on_worker(worker, cmd):
    return remote(worker, func=os.system, args=(cmd,))  # want: AIML201


def spawn(worker, argv):
    return rpc.rpc_sync(  # want: AIML201
        worker,
        subprocess.check_output,
        args=(argv,),
    )


# (b) globals()[T], vars(mod)[T] and mod.__dict__[T] with web or network taint.
import requests
from fastapi import FastAPI

api = FastAPI()


@api.post("/stage/{name}")
def stage(name: str, worker: str):
    return rpc.rpc_sync(worker, globals()[name])  # want: AIML201


@api.post("/vars")
def by_vars(name: str):
    target = vars(pipeline_stages)[name]
    return rpc.remote("w1", target)  # want: AIML201


def from_coordinator(url):
    plan = requests.get(url, timeout=5).json()
    step = pipeline_stages.__dict__[plan["op"]]
    return rpc.rpc_async("w2", func=step)  # want: AIML201


# Inside a class method, getattr with a default.
class Scheduler:
    def dispatch(self):
        op = request.args["op"]
        handler = getattr(pipeline_stages, op, None)
        return rpc.rpc_sync("w3", handler, args=())  # want: AIML201
