import io
import pickle
import numpy as np
import torch
from flask import Flask, request

app = Flask(__name__)


@app.post("/push_gradients")
def push_gradients():
    grads = torch.load(io.BytesIO(request.data))  # want: AIML192
    old = torch.load(io.BytesIO(request.data), weights_only=False)  # want: AIML192
    multi = torch.load(  # want: AIML192
        io.BytesIO(request.data),
        map_location="cpu",
    )
    arr = np.load(io.BytesIO(request.data), allow_pickle=True)  # want: AIML192
    obj = pickle.loads(request.data)  # want: AIML192
    return str((grads, old, multi, arr, obj))
