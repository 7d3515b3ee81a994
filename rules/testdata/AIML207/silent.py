import argparse
import os

import cupy as cp
from flask import Flask, request
from pycuda.compiler import SourceModule
from torch.utils.cpp_extension import load_inline

app = Flask(__name__)

SCALE_SRC = r'''extern "C" __global__ void scale(float* x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x; if (i < n) x[i] *= a; }'''
scale_kernel = cp.RawKernel(SCALE_SRC, "scale")


@app.post("/scale")
def scale():
    body = request.get_json()
    x = cp.asarray(body["data"], dtype=cp.float32)
    scale_kernel((1,), (x.size,), (x, cp.float32(body["a"]), x.size))
    return {"out": x.get().tolist()}


@app.post("/named")
def named():
    # only the symbol name is chosen by the request
    mod = cp.RawModule(code=SCALE_SRC)
    fn = mod.get_function(request.args["name"])
    return "ok"


@app.post("/name-kw")
def name_kw():
    k = cp.RawKernel(SCALE_SRC, name=request.args["fn"])
    return "ok"


def from_cli():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src")
    args = ap.parse_args()
    return cp.RawKernel(args.src, "k")


def from_env():
    return SourceModule(os.environ["KERNEL_SRC"])


def from_file(path):
    with open(path) as f:
        return load_inline("ext", cpp_sources=[f.read()])


@app.post("/fixed")
def fixed():
    n = int(request.args["n"])
    return load_inline("ext", cpp_sources=[SCALE_SRC], verbose=n > 0)
