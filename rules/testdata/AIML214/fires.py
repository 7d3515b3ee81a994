import cupy as cp
import requests
from fastapi import FastAPI
from flask import Flask, request
from pycuda.compiler import SourceModule
from pydantic import BaseModel

app = Flask(__name__)
api = FastAPI()
SAXPY_SRC = "..."
kernel = cp.RawKernel(SAXPY_SRC, "saxpy")
module = cp.RawModule(code=SAXPY_SRC)
scale = cp.ElementwiseKernel("float32 x", "float32 y", "y = 2 * x", "scale")
pyc_mod = SourceModule(SAXPY_SRC)


class Launch(BaseModel):
    blocks: int
    threads: int
    size: int


@app.post("/saxpy")
def saxpy():
    body = request.get_json()
    x = cp.asarray(body["x"], dtype=cp.float32)
    y = cp.zeros_like(x)
    kernel((body["blocks"],), (body["threads"],), (x, y, cp.float32(2.0)))  # want: AIML214
    return {"y": y.get().tolist()}


@api.post("/module")
async def module_launch(req: Launch):
    fn = module.get_function("saxpy")
    x = cp.zeros(1024, dtype=cp.float32)
    fn((req.blocks,), (256,), (x,), shared_mem=req.threads * 4)  # want: AIML214
    return {}


@api.post("/elementwise")
async def elementwise(req: Launch):
    y = cp.empty(1024, dtype=cp.float32)
    scale(cp.float32(1.0), y, size=req.size)  # want: AIML214
    return {}


@app.post("/pycuda")
def pycuda_launch():
    f = pyc_mod.get_function("saxpy")
    threads = int(request.args["threads"])
    f(dest, block=(threads, 1, 1), grid=(1, 1))  # want: AIML214
    return "ok"


def remote_launch(url):
    cfg = requests.get(url, timeout=5).json()
    kernel(  # want: AIML214
        (cfg["grid"],),
        (128,),
        (buf,),
    )


class Service:
    def __init__(self):
        self.k = cp.RawKernel(SAXPY_SRC, "saxpy")

    @app.post("/svc")
    def run(self):
        n = request.get_json()["n"]
        self.k((n // 256 + 1,), (256,), (buf,))  # want: AIML214
        return "ok"
