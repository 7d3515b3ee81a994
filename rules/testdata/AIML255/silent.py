# Spec example (silent), then look-alikes.
import hashlib
import hmac
import io
import os

import onnx
import onnxruntime as ort
import requests
from fastapi import FastAPI, UploadFile

EXPECTED = "0" * 64
app = FastAPI()


def fetch_session(url):
    resp = requests.get(url, timeout=30)
    if not hmac.compare_digest(hashlib.sha256(resp.content).hexdigest(), EXPECTED):
        raise RuntimeError("bad model")
    return ort.InferenceSession(resp.content, providers=["CPUExecutionProvider"])


# Signature verification in the function.
def fetch_signed(url, verifier):
    resp = requests.get(url, timeout=30)
    verifier.verify(resp.headers["X-Signature"], resp.content)
    return ort.InferenceSession(resp.content)


# Bundled / literal paths.
def bundled():
    return ort.InferenceSession("assets/model.onnx"), onnx.load("assets/model.onnx")


# (b) external data disabled, or a value we cannot know.
@app.get("/inspect/{name}")
def inspect(name: str):
    model = onnx.load(os.path.join("models", name), load_external_data=False)
    return {"opset": model.opset_import[0].version}


@app.get("/inspect2/{name}")
def inspect2(name: str, external: bool = False):
    model = onnx.load(os.path.join("models", name), load_external_data=external)
    return {"opset": model.opset_import[0].version}


# (b) an uploaded body read from memory: no file name, no external data.
@app.post("/upload")
async def upload(file: UploadFile):
    model = onnx.load(io.BytesIO(await file.read()))
    return {"nodes": len(model.graph.node)}


# Network JSON that is not the model.
def labels(url):
    names = requests.get(url, timeout=5).json()
    return names, ort.InferenceSession("assets/model.onnx")


# A load from the network config via env: not a source.
def from_env():
    return onnx.load(os.environ["MODEL_PATH"])
