# Spec example (fires), then variants.
import onnxruntime as ort
import requests


def fetch_session(url):
    resp = requests.get(url, timeout=30)
    return ort.InferenceSession(resp.content, providers=["CPUExecutionProvider"])  # want: AIML255


# onnx.load_model_from_string with urllib bytes; from-import spelling.
import urllib.request

import onnx
from onnxruntime import InferenceSession


def ota(url):
    blob = urllib.request.urlopen(url, timeout=10).read()
    model = onnx.load_model_from_string(blob)  # want: AIML255
    sess = InferenceSession(  # want: AIML255
        path_or_bytes=blob,
        providers=["CPUExecutionProvider"],
    )
    return model, sess


class Updater:
    def refresh(self, client, url):
        r = requests.get(url, timeout=5)
        self.session = ort.InferenceSession(r.content)  # want: AIML255


# (b) onnx.load of a request-chosen file, external data on.
import os
from fastapi import FastAPI
from flask import Flask, request

app = FastAPI()
web = Flask(__name__)


@app.get("/inspect/{name}")
def inspect(name: str):
    model = onnx.load(os.path.join("models", name))  # want: AIML255
    return {"opset": model.opset_import[0].version}


@web.post("/inspect")
def inspect_flask():
    path = request.json["model_path"]
    m = onnx.load_model(path, load_external_data=True)  # want: AIML255
    return {"nodes": len(m.graph.node)}
