import io

import numpy as np
import requests
import torch
from fastapi import FastAPI
from flask import Flask, request
from pydantic import BaseModel
from transformers import AutoModel

from serving import PINNED

app = FastAPI()
web = Flask(__name__)


class LoadReq(BaseModel):
    repo: str
    trust_code: bool = False


@app.post("/load")
def load(req: LoadReq):
    m = AutoModel.from_pretrained(req.repo, revision=PINNED[req.repo], trust_remote_code=req.trust_code)  # want: AIML251
    return {"params": m.num_parameters()}


@web.post("/ckpt")
def ckpt():
    state = torch.load(io.BytesIO(request.data), weights_only=request.json.get("weights_only"))  # want: AIML251
    return {"keys": list(state)}


@web.post("/array")
def array():
    arr = np.load("/srv/arrays/latest.npy", allow_pickle=request.json["allow_pickle"])  # want: AIML251
    return {"shape": list(arr.shape)}


@app.get("/proxy")
def proxy(url_id: str, verify: bool = True):
    return requests.get(f"https://features.internal/{url_id}", verify=verify, timeout=5).json()  # want: AIML251
