import numpy as np
import torch
from flask import Flask, jsonify
from torch import empty_like

app = Flask(__name__)


@app.post("/a")
def a():
    placeholder = torch.empty(1, 8, device="cuda")  # want: AIML206
    return jsonify(placeholder.cpu().tolist())


@app.post("/b")
def b():
    out = np.empty((2, 3), dtype=np.float32)  # want: AIML206
    return jsonify(out.tolist())


@app.post("/c")
def c():
    y = empty_like(torch.ones(2))  # want: AIML206
    return jsonify(y.tolist())


@app.post("/d")
def d(ref):
    buf = ref.new_empty((2, 2))  # want: AIML206
    return jsonify(buf.tolist())


@app.post("/e")
def e():
    buf = torch.empty(2, 2, memory_format=torch.channels_last)  # want: AIML206
    return jsonify(buf.tolist())
