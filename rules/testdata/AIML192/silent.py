# Spec example (silent), then look-alikes.
import argparse
import io
import json
import os
import pickle
import sys

import bentoml
import joblib
import msgpack
import numpy as np
import safetensors.torch
import torch
from flask import Flask, request

app = Flask(__name__)
BUFFER = []


@app.post("/push_gradients")
def push_gradients():
    grads = safetensors.torch.load(request.data)
    BUFFER.append(grads)
    return "ok"


@app.post("/push_safe")
def push_safe():
    grads = torch.load(io.BytesIO(request.data), weights_only=True)
    arr = np.load(io.BytesIO(request.data))
    meta = json.loads(request.data)
    packed = msgpack.unpackb(request.data)
    return str((grads, arr, meta, packed))


# Local files and operator configuration are not network data.
def load_local():
    with open("weights.pkl", "rb") as f:
        w = pickle.load(f)
    ckpt = torch.load(sys.argv[1])
    env = torch.load(os.environ["CKPT"])
    parser = argparse.ArgumentParser()
    parser.add_argument("--state")
    args = parser.parse_args()
    state = joblib.load(args.state)
    return w, ckpt, env, state


# BentoML APIs are owned by AIML230.
svc = bentoml.Service("aggregator")


@svc.api(input=bentoml.io.File(), output=bentoml.io.Text())
def push(data):
    return str(pickle.loads(data.read()))  # want: AIML230


# A client-chosen PATH into joblib.load is AIML174(a)'s.
@app.get("/load")
def load_path():
    return str(joblib.load(request.args["path"]))  # want: AIML174


# weights_only set from the request is AIML251's; **kwargs may pass it.
@app.post("/flag")
def flag():
    opts = {"weights_only": True}
    a = torch.load(io.BytesIO(request.data), weights_only=request.args.get("wo") == "1")
    b = torch.load(io.BytesIO(request.data), **opts)
    return str((a, b))


# Decoders other rules do not share: hashing stops taint.
import hashlib


@app.post("/digest")
def digest():
    return str(pickle.loads(hashlib.sha256(request.data).digest()))


# joblib.load / pandas.read_pickle of a local file path built from request metadata.
import pandas as pd


@app.get("/cached")
def cached():
    a = joblib.load(f"cache/{request.remote_addr}.joblib")
    b = pd.read_pickle(os.path.join("cache", request.url))
    return str((a, b))
