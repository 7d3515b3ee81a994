import cupy as cp
import numpy as np
from flask import Flask, abort, request

app = Flask(__name__)
SAXPY_SRC = "..."
MAX_BLOCKS = 1024
kernel = cp.RawKernel(SAXPY_SRC, "saxpy")


@app.post("/saxpy")
def saxpy():
    body = request.get_json()
    x = cp.asarray(body["x"], dtype=cp.float32)
    y = cp.zeros_like(x)
    threads = 256
    kernel(((x.size + threads - 1) // threads,), (threads,), (x, y, cp.float32(2.0), cp.int32(x.size)))
    return {"y": y.get().tolist()}


@app.post("/min")
def clamped():
    body = request.get_json()
    blocks = min(int(body["blocks"]), MAX_BLOCKS)
    kernel((blocks,), (256,), (buf,))
    return "ok"


@app.post("/clip")
def clipped():
    blocks = np.clip(int(request.args["blocks"]), 1, MAX_BLOCKS)
    kernel((blocks,), (256,), (buf,))
    return "ok"


@app.post("/checked")
def checked():
    blocks = int(request.args["blocks"])
    if blocks > MAX_BLOCKS:
        abort(400)
    kernel((blocks,), (256,), (buf,))
    return "ok"


@app.post("/len")
def from_len():
    data = request.get_json()["data"]
    x = cp.asarray(data)
    kernel((len(data) // 256 + 1,), (256,), (x, x.shape[0]))
    return "ok"


@app.post("/args-only")
def args_only():
    # request data only as kernel arguments
    a = request.get_json()["a"]
    kernel((4,), (256,), (buf, cp.float32(a)))
    return "ok"


def not_a_kernel(fn):
    fn((request.args["g"],), (256,))
