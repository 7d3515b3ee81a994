import argparse
import os

import torch
from fastapi import FastAPI
from flask import Flask, abort, request
from pydantic import BaseModel
from ts.torch_handler.base_handler import BaseHandler

app = Flask(__name__)
api = FastAPI()
MODELS = {}
DEVICE_BY_TIER = {"free": "cuda:1", "paid": "cuda:0"}
ALLOWED = {"cuda:0", "cuda:1"}
DEVICE = "cuda:0"


class InferRequest(BaseModel):
    tier: str
    model_name: str
    inputs: list
    device: str


@api.post("/infer")
async def infer(req: InferRequest):
    device = torch.device(DEVICE_BY_TIER[req.tier])
    model = MODELS[req.model_name].to(device)
    return {"y": model(torch.tensor(req.inputs, device=device)).tolist()}


@api.post("/get")
async def get_device(req: InferRequest):
    device = DEVICE_BY_TIER.get(req.tier, "cpu")
    return {"y": MODELS["m"].to(device)(torch.tensor(req.inputs)).tolist()}


@app.post("/guarded")
def guarded():
    dev = request.args["device"]
    if dev not in ALLOWED:
        abort(400)
    torch.cuda.set_device(torch.device(dev))
    return "ok"


@app.post("/data")
def data_to_fixed_device():
    x = torch.tensor(request.get_json()["x"]).to(DEVICE)
    return {"y": x.tolist()}


@app.post("/flag")
def flag():
    device = "cuda" if request.args.get("gpu") == "1" else "cpu"
    return {"y": MODELS["m"].to(device).name}


def from_cli():
    ap = argparse.ArgumentParser()
    ap.add_argument("--device")
    args = ap.parse_args()
    torch.cuda.set_device(args.device)
    os.environ["CUDA_VISIBLE_DEVICES"] = os.environ.get("GPUS", "0")


def helper(device):
    return torch.device(device)


class Handler(BaseHandler):
    def inference(self, samples):
        with torch.cuda.device(samples.get_device()):
            out = self.model(samples)
        dev = samples.device
        return out.to(dev)
