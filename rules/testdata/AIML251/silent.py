import os

import requests
import torch
from fastapi import Depends, FastAPI
from flask import Flask, request
from pydantic import BaseModel
from transformers import AutoModel

from serving import PINNED, settings

app = FastAPI()
web = Flask(__name__)
TRUST = os.environ.get("TRUST_REMOTE_CODE") == "1"
VERIFY_TLS = True


class LoadReq(BaseModel):
    repo: str


def get_flags():
    return {"trust": False}


# The spec's silent example: a literal flag.
@app.post("/load")
def load(req: LoadReq):
    m = AutoModel.from_pretrained(req.repo, revision=PINNED[req.repo], trust_remote_code=False)
    return {"params": m.num_parameters()}


# Constants, config and environment values.
@app.post("/load2")
def load2(req: LoadReq):
    a = AutoModel.from_pretrained(req.repo, revision=PINNED[req.repo], trust_remote_code=TRUST)
    b = requests.get("https://hub.internal/x", verify=VERIFY_TLS, timeout=5)
    c = torch.load("/srv/ckpt.pt", weights_only=settings.weights_only)
    return {"a": a.num_parameters(), "b": b.status_code, "c": len(c)}


# A server-resolved dependency is not request data.
@app.post("/load3")
def load3(req: LoadReq, flags: dict = Depends(get_flags)):
    m = AutoModel.from_pretrained(req.repo, revision=PINNED[req.repo], trust_remote_code=flags["trust"])
    return {"params": m.num_parameters()}


# An allow-list lookup decides the value server-side.
SAFE_BY_MODE = {"strict": True, "lenient": True}


@web.post("/ckpt")
def ckpt():
    state = torch.load("/srv/ckpt.pt", weights_only=SAFE_BY_MODE.get(request.args.get("mode"), True))
    return {"keys": list(state)}


# A comparison is a boolean test, not the request value itself.
@web.post("/ckpt2")
def ckpt2():
    state = torch.load("/srv/ckpt.pt", weights_only=request.args.get("mode") != "legacy")
    return {"keys": list(state)}


# Other keywords with request data are not security toggles.
@app.post("/gen")
def gen(req: LoadReq, verbose: bool = False):
    m = AutoModel.from_pretrained(PINNED["base"], revision="a" * 40, output_attentions=verbose)
    return {"params": m.num_parameters()}


# Outside request handlers (a CLI): operator configuration.
def cli(trust: bool):
    return AutoModel.from_pretrained("org/model", trust_remote_code=trust)
