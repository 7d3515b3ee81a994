import json

import cupy as cp
import numpy as np
import torch
from fastapi import FastAPI
from flask import Flask, jsonify, request
from ray import serve
from torch import empty_like

app = Flask(__name__)
api = FastAPI()
EMBED_DIM = 768
DEBUG = False


@app.post("/embed")
def embed():
    texts = request.get_json()["texts"]
    if not texts:
        placeholder = torch.empty(1, EMBED_DIM, device="cuda")  # want: AIML206
        return jsonify(placeholder.cpu().tolist())
    return jsonify(encoder(texts).cpu().tolist())


@api.post("/features")
def features(n: int):
    out = np.empty((n, EMBED_DIM), dtype=np.float32)  # want: AIML206
    return {"features": out.tolist(), "shape": out.shape}


@api.get("/scratch")
async def scratch():
    return {"buf": None if DEBUG else cp.empty(16).tolist()}  # want: AIML206


@app.route("/like")
def like():
    x = torch.randn(4, 4)
    y = empty_like(x)  # want: AIML206
    return json.dumps({"y": y.numpy().tolist()})


@app.get("/new")
def new():
    ref = encoder.weight
    buf = ref.new_empty(  # want: AIML206
        (8, EMBED_DIM),
    )
    return jsonify(vec=buf.detach().cpu().tolist())


@serve.deployment
class Embedder:
    def __call__(self, request):
        pad = torch.empty(2, EMBED_DIM)  # want: AIML206
        return {"padding": pad.tolist()}


@app.post("/direct")
def direct():
    return jsonify(torch.empty(3, 3).tolist())  # want: AIML206
