# Spec example (fires), then variants.
import torch
from flask import Flask, request

app = Flask(__name__)
model = torch.nn.Linear(4, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


@app.post("/update")
def apply_update():
    payload = request.get_json()
    for p, g in zip(model.parameters(), payload["grads"]):
        p.grad = torch.tensor(g, dtype=p.dtype)  # want: AIML193
    optimizer.step()
    return {"status": "applied"}


# pyzmq worker gradients copied in place into .grad.
import zmq


def pull_grads():
    sock = zmq.Context.instance().socket(zmq.PULL)
    sock.bind("tcp://10.0.0.1:5555")
    update = sock.recv_json()
    for i, p in enumerate(model.parameters()):
        p.grad.copy_(torch.as_tensor(update[i]))  # want: AIML193


# Raw socket bytes added into .data.
import numpy as np
import socket


def serve(srv: socket.socket):
    conn, _ = srv.accept()
    buf = conn.recv(1 << 16)
    delta = torch.from_numpy(np.frombuffer(buf, dtype=np.float32))
    model.weight.data.add_(delta.view_as(model.weight))  # want: AIML193


# vector_to_parameters through a from-import alias.
from torch.nn.utils import vector_to_parameters as v2p


@app.post("/vector")
def set_vector():
    v2p(torch.tensor(request.json["vec"]), model.parameters())  # want: AIML193
    return "ok"


# A state dict pulled over HTTP, multi-line call.
import requests


def sync_from(peer):
    resp = requests.get(peer + "/state")
    model.load_state_dict(  # want: AIML193
        {k: torch.tensor(v) for k, v in resp.json().items()}
    )


# Inside a class (the Flask request global is a source anywhere), and FastAPI
# body parameters concatenated into one update.
from fastapi import FastAPI

api = FastAPI()


class Server:
    def __init__(self):
        self.model = torch.nn.Linear(4, 2)

    def apply(self):
        rows = request.json["rows"]
        self.model.weight.data.sub_(torch.stack([torch.tensor(r) for r in rows]))  # want: AIML193


@api.post("/rows")
def rows_endpoint(rows: list):
    t = torch.cat([torch.tensor(r) for r in rows])
    model.weight.grad = (  # want: AIML193
        t.view_as(model.weight)
    )
    return {"ok": True}


# Per-value validation: checking one update (or clipping another model) does
# not validate a different update written in the same function.
other = torch.nn.Linear(4, 2)


@app.post("/two")
def two_updates():
    a = torch.tensor(request.json["a"])
    b = torch.tensor(request.json["b"])
    if not torch.isfinite(a).all():
        raise ValueError("non-finite a")
    model.weight.grad = a
    model.bias.grad = b  # want: AIML193
    return "ok"


@app.post("/clip_other")
def clip_other():
    model.weight.grad = torch.tensor(request.json["g"])  # want: AIML193
    torch.nn.utils.clip_grad_norm_(other.parameters(), 1.0)
    return "ok"


@app.post("/norm_other")
def norm_other():
    g = torch.tensor(request.json["g"])
    h = torch.tensor(request.json["h"])
    if h.norm() > 10.0:
        raise ValueError("h too large")
    model.weight.data.copy_(g)  # want: AIML193
    return "ok"
