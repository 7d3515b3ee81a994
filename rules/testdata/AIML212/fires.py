import os

import tensorflow as tf
import torch
from fastapi import FastAPI, Request
from flask import Flask, request
from pydantic import BaseModel
from transformers import AutoModelForCausalLM, pipeline

app = Flask(__name__)
api = FastAPI()
MODELS = {}


class InferRequest(BaseModel):
    device: str
    model_name: str
    inputs: list


@api.post("/infer")
async def infer(req: InferRequest):
    device = torch.device(req.device)  # want: AIML212
    model = MODELS[req.model_name].to(device)
    x = torch.tensor(req.inputs, device=device)
    return {"y": model(x).tolist()}


@app.post("/gpu")
def pick_gpu():
    gpu = int(request.args.get("gpu", 0))
    torch.cuda.set_device(gpu)  # want: AIML212
    with torch.cuda.device(gpu):  # want: AIML212
        out = run()
    return {"out": out}


@app.post("/visible")
def visible():
    os.environ["CUDA_VISIBLE_DEVICES"] = request.form["gpus"]  # want: AIML212
    return "ok"


@app.post("/tf")
def tf_infer():
    with tf.device(f"/GPU:{request.json['gpu']}"):  # want: AIML212
        return {"y": tf_model(request.json["x"]).numpy().tolist()}


@api.post("/load")
async def load(name: str, device_map: str = "auto"):
    m = AutoModelForCausalLM.from_pretrained(  # want: AIML212
        name,
        device_map=device_map,
    )
    return {"ok": True}


@api.post("/pipe")
async def pipe(req: Request):
    body = await req.json()
    gen = pipeline("text-generation", model="gpt2", device=body["device"])  # want: AIML212
    return gen(body["prompt"])


class Worker:
    @app.post("/cuda")
    def to_cuda(self):
        t = torch.zeros(4).cuda(request.args["dev"])  # want: AIML212
        return {"n": t.numel()}
