# Spec example (silent), then look-alikes.
import json
import pickle
import socket
import sys

import numpy as np
import torch
from flask import Flask, abort, request

app = Flask(__name__)
model = torch.nn.Linear(4, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


@app.post("/update")
def apply_update():
    payload = request.get_json()
    for p, g in zip(model.parameters(), payload["grads"]):
        t = torch.tensor(g, dtype=p.dtype)
        if not torch.isfinite(t).all():
            abort(400)
        p.grad = t
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    return {"status": "applied"}


# Locally computed values.
def local_step():
    for p in model.parameters():
        p.grad = torch.zeros_like(p)
        p.data.add_(torch.randn_like(p))


# A clamp method call is a bound.
@app.post("/clamped")
def clamped():
    g = torch.tensor(request.json["g"]).clamp(-1.0, 1.0)
    model.weight.grad = g
    return "ok"


# A norm check in the function.
@app.post("/normed")
def normed():
    g = torch.tensor(request.json["g"])
    if g.norm() > 10.0:
        abort(400)
    model.weight.grad.copy_(g)
    return "ok"


# numpy.isfinite and clip_grad_value_ also count.
@app.post("/np")
def np_checked():
    arr = np.asarray(request.json["g"], dtype=np.float32)
    if not np.isfinite(arr).all():
        abort(400)
    model.weight.data.copy_(torch.from_numpy(arr))
    return "ok"


@app.post("/clip")
def clip_value():
    model.weight.grad = torch.tensor(request.json["g"])
    torch.nn.utils.clip_grad_value_(model.parameters(), 0.5)
    return "ok"


# The return of an AIML192 sink belongs to AIML192.
def from_pickle(conn: socket.socket):
    update = pickle.loads(conn.recv(1 << 20))  # want: AIML192
    model.weight.grad = torch.tensor(update)


# Operator-supplied files and argv.
def from_file():
    with open(sys.argv[1]) as f:
        model.load_state_dict({k: torch.tensor(v) for k, v in json.load(f).items()})


# A receiver that is neither .grad nor .data.
@app.post("/plain")
def plain():
    w = torch.tensor(request.json["w"])
    model.weight.copy_(w)
    return "ok"


# Per-value validation: each update checked, directly, through the array it
# is built from, or as part of an aggregate built from it.
@app.post("/two")
def two_checked():
    a = torch.tensor(request.json["a"])
    b = torch.tensor(request.json["b"])
    if not torch.isfinite(a).all() or not torch.isfinite(b).all():
        abort(400)
    model.weight.grad = a
    model.bias.grad = b
    return "ok"


@app.post("/aggregate")
def aggregate():
    a = torch.tensor(request.json["a"])
    b = torch.tensor(request.json["b"])
    both = torch.cat([a.flatten(), b.flatten()])
    if not torch.isfinite(both).all():
        abort(400)
    model.weight.grad = a
    model.bias.grad = b
    return "ok"


# The edit's output: the check right after the update is built.
@app.post("/fixed")
def fixed():
    payload = request.get_json()
    for p, g in zip(model.parameters(), payload["grads"]):
        grad = torch.tensor(g, dtype=p.dtype)
        if not torch.isfinite(grad).all():
            raise ValueError("non-finite values in grad")
        p.grad = grad
    optimizer.step()
    return "ok"


# Clipping the gradients of the parameters being written (loop variable).
@app.post("/clip_loop")
def clip_loop():
    for p, g in zip(model.parameters(), request.json["grads"]):
        p.grad = torch.tensor(g)
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    return "ok"
