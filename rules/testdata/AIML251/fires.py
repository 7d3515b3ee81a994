import io

import numpy as np
import requests
import torch
from diffusers import StableDiffusionPipeline
from fastapi import FastAPI, Request
from flask import Flask, request
from langchain_community.vectorstores import FAISS
from pydantic import BaseModel
from ray import serve
from tensorflow import keras
from transformers import AutoModel

from serving import EMBEDDINGS, PINNED, SD_REPO

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
    state = torch.load(io.BytesIO(request.data), weights_only=bool(request.args.get("safe", "1")))  # want: AIML251
    return {"keys": list(state)}


@web.post("/array")
def array():
    arr = np.load(
        "/srv/arrays/latest.npy",
        allow_pickle=request.json["allow_pickle"],  # want: AIML251
    )
    return {"shape": list(arr.shape)}


@app.post("/keras")
async def keras_load(request: Request):
    body = await request.json()
    model = keras.models.load_model("/srv/models/current.keras", safe_mode=body.get("safe_mode", True))  # want: AIML251
    return {"layers": len(model.layers)}


@app.get("/proxy")
def proxy(url_id: str, ca_bundle: str = "/etc/ssl/certs/ca.pem"):
    r = requests.get(f"https://features.internal/{url_id}", verify=ca_bundle, timeout=5)  # want: AIML251
    return r.json()


@app.post("/index")
def index(dangerous: bool):
    store = FAISS.load_local("/srv/index", EMBEDDINGS, allow_dangerous_deserialization=dangerous)  # want: AIML251
    return {"n": store.index.ntotal}


@serve.deployment
class Painter:
    def __call__(self, payload: dict):
        pipe = StableDiffusionPipeline.from_pretrained(
            SD_REPO,
            use_safetensors=payload["safetensors"],  # want: AIML251
            requires_safety_checker=payload.get("nsfw_filter"),  # want: AIML251
        )
        return pipe(payload["prompt"]).images[0]


# BentoML: AIML230 defers a request-set flag to this rule (§4 row 6).
import bentoml  # noqa: E402


@bentoml.service
class Loader:
    @bentoml.api
    def flags(self, data: bytes, trusted: bool) -> str:
        t = torch.load(io.BytesIO(data), weights_only=trusted)  # want: AIML251
        return str(t)
