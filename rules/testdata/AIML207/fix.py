import cupy as cp
import pycuda.driver as drv
import requests
from fastapi import FastAPI, Request
from flask import Flask, request
from pycuda.compiler import SourceModule
from torch.utils import cpp_extension
from torch.utils.cpp_extension import load_inline

app = Flask(__name__)
api = FastAPI()


@app.post("/custom_op")
def custom_op():
    body = request.get_json()
    kernel = cp.RawKernel(body["source"], "user_op")  # want: AIML207
    x = cp.asarray(body["data"], dtype=cp.float32)
    kernel((1,), (x.size,), (x,))
    return {"out": cp.asnumpy(x).tolist()}


@api.post("/elementwise")
async def elementwise(op: str):
    k = cp.ElementwiseKernel("float32 x", "float32 y", f"y = {op}", "user_ew")  # want: AIML207
    return {"ok": True}


@app.post("/reduce")
def reduce():
    ident = request.args.get("identity", "0")
    k = cp.ReductionKernel(  # want: AIML207
        "T x",
        "T y",
        "x",
        "a + b",
        "y = a",
        ident,
        "user_sum",
    )
    return "ok"


@app.post("/pycuda")
def compile_pycuda():
    mod = SourceModule(request.form["src"])  # want: AIML207
    return "compiled"


@app.post("/ext")
def build_ext():
    cfg = request.get_json()
    mod = load_inline(  # want: AIML207
        name="user_ext",
        cpp_sources=[DEFAULT_CPP],
        extra_cflags=cfg["flags"],
    )
    return "built"


def fetch_and_load(url):
    blob = requests.get(url, timeout=5).content
    return drv.module_from_buffer(blob)  # want: AIML207


class KernelService:
    @app.post("/raw-module")
    def raw_module(self):
        src = request.get_json()["cuda"]
        return cp.RawModule(code=src)  # want: AIML207


@api.post("/load")
async def load_sources(req: Request):
    data = await req.json()
    cpp_extension.load("dyn", data["sources"])  # want: AIML207
    return {}
