import socket

import numpy as np
import torch
from flask import Flask, request
from torch.nn.utils import vector_to_parameters

app = Flask(__name__)
model = torch.nn.Linear(4, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


# The spec example: the builder call goes to a new local `grad`, checked first.
@app.post("/update")
def apply_update():
    payload = request.get_json()
    for p, g in zip(model.parameters(), payload["grads"]):
        p.grad = torch.tensor(g, dtype=p.dtype)  # want: AIML193
    optimizer.step()
    return {"status": "applied"}


# A builder call passed to an in-place copy into .grad.
@app.post("/copy")
def copy_update():
    update = request.get_json()
    for i, p in enumerate(model.parameters()):
        p.grad.copy_(torch.as_tensor(update[i]))  # want: AIML193
    return "ok"


# Not a gradient: the new local is `update`.
@app.post("/vector")
def set_vector():
    vector_to_parameters(torch.tensor(request.json["vec"]), model.parameters())  # want: AIML193
    return "ok"


# A local tensor assigned once, reshaped at the write: check after its assignment.
def serve(srv: socket.socket):
    conn, _ = srv.accept()
    buf = conn.recv(1 << 16)
    delta = torch.from_numpy(np.frombuffer(buf, dtype=np.float32))  # received bytes
    model.weight.data.add_(delta.view_as(model.weight))  # want: AIML193


@app.post("/rows")
def rows_endpoint():
    rows = request.json["rows"]
    t = torch.cat([torch.tensor(r) for r in rows])
    model.weight.grad = (  # want: AIML193
        t.view_as(model.weight)
    )
    return {"ok": True}


# Guidance: a state dict is not one tensor.
@app.post("/state")
def load_state():
    model.load_state_dict({k: torch.tensor(v) for k, v in request.json.items()})  # want: AIML193
    return "ok"


# Guidance: both candidate names are already used in the function.
@app.post("/names")
def names_taken():
    grad, update = request.json["grad"], request.json["update"]
    model.weight.grad = torch.tensor(grad)  # want: AIML193
    return str(update)


# Guidance: the write is the body of a one-line `if`.
@app.post("/inline")
def inline():
    if request.json.get("apply"): model.weight.grad = torch.tensor(request.json["g"])  # want: AIML193
    return "ok"


# Assigned in two places, both tensor builders: checked right before the write.
@app.post("/twice")
def twice():
    g = torch.tensor(request.json["a"])
    if request.json.get("b"):
        g = torch.tensor(request.json["b"])
    model.weight.grad = g  # want: AIML193
    return "ok"


# Guidance: not (always) built by a tensor builder.
@app.post("/mixed")
def mixed():
    g = torch.tensor(request.json["a"])
    if request.json.get("raw"):
        g = request.json["b"]
    model.weight.grad = g  # want: AIML193
    return "ok"


@app.post("/raw")
def raw():
    g = request.json["g"]
    model.weight.grad = g  # want: AIML193
    return "ok"
