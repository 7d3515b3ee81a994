import os

import onnx
import onnxruntime as ort
import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/inspect/{name}")
def inspect(name: str):
    model = onnx.load(os.path.join("models", name))  # want: AIML255
    return {"opset": model.opset_import[0].version}


@app.get("/inspect2/{name}")
def inspect2(name: str):
    model = onnx.load_model(  # want: AIML255
        os.path.join("models", name),
        load_external_data=True,
    )
    return {"nodes": len(model.graph.node)}


# (a) network bytes: guidance.
def fetch_session(url):
    resp = requests.get(url, timeout=30)
    return ort.InferenceSession(resp.content)  # want: AIML255
