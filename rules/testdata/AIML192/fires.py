# Spec example (fires), then variants.
import io
import torch
from flask import Flask, request

app = Flask(__name__)
BUFFER = []


@app.post("/push_gradients")
def push_gradients():
    grads = torch.load(io.BytesIO(request.data))  # want: AIML192
    BUFFER.append(grads)
    return "ok"


# A raw socket parameter server: the peer socket comes from accept().
import pickle
import socket


def serve_socket():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("0.0.0.0", 9000))
    srv.listen()
    conn, addr = srv.accept()
    payload = conn.recv(1 << 20)
    update = pickle.loads(payload)  # want: AIML192
    return update


# pyzmq worker updates, compressed, through cloudpickle.
import cloudpickle
import zlib
import zmq


def serve_zmq():
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.PULL)
    sock.bind("tcp://*:5555")
    while True:
        msg = sock.recv()
        BUFFER.append(cloudpickle.loads(zlib.decompress(msg)))  # want: AIML192


# A request field decoded from base64, from-import with `as`.
import base64
from dill import loads as dill_loads


@app.post("/push_state")
def push_state():
    blob = base64.b64decode(request.json["update"])
    return str(dill_loads(blob))  # want: AIML192


# FastAPI upload into numpy with allow_pickle=True.
import numpy as np
from fastapi import FastAPI, UploadFile

api = FastAPI()


@api.post("/upload")
async def upload(f: UploadFile):
    raw = await f.read()
    arr = np.load(io.BytesIO(raw), allow_pickle=True)  # want: AIML192
    return {"shape": list(arr.shape)}


# An aggregator class pulling updates over HTTP; weights_only=False, multi-line.
import httpx
import joblib
import pandas as pd


class Aggregator:
    def pull(self, url):
        resp = httpx.get(url)
        state = torch.load(  # want: AIML192
            io.BytesIO(resp.content),
            map_location="cpu",
            weights_only=False,
        )
        return state

    def pull_joblib(self, url):
        r = httpx.Client().get(url)
        return joblib.load(io.BytesIO(r.content))  # want: AIML192

    def pull_frame(self):
        return pd.read_pickle(request.files["frame"])  # want: AIML192


# aiohttp and gzip through _pickle.
import _pickle
import aiohttp
import gzip


async def fetch_update(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            data = await resp.read()
    return _pickle.loads(gzip.decompress(data))  # want: AIML192


# Inside a BentoML API a network response is still this rule's: AIML230
# owns only the API's parameter-derived data.
import bentoml
import requests

svc = bentoml.Service("fetcher")


@svc.api(input=bentoml.io.Text(), output=bentoml.io.Text())
def fetch(url_key: str) -> str:
    blob = requests.get("https://models.internal/latest", timeout=5).content
    return str(pickle.loads(blob))  # want: AIML192
