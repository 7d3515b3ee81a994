# Spec example (fires), then variants.
import os
import pathlib
from pathlib import Path

import onnxruntime as ort
import requests
from fastapi import FastAPI, Request, UploadFile
from flask import Flask, request
from onnxruntime import InferenceSession, SessionOptions

app = Flask(__name__)
MODEL_DIR = Path("models")


@app.get("/run")
def run():
    sess = ort.InferenceSession(os.path.join("models", request.args["name"]))  # want: AIML228
    return {"inputs": [i.name for i in sess.get_inputs()]}


@app.post("/run/direct")
def run_direct():
    # The request value used directly as the path, and through f-strings and +.
    a = InferenceSession(request.form["model_path"])  # want: AIML228
    b = ort.InferenceSession(f"models/{request.json['name']}.onnx", providers=["CPUExecutionProvider"])  # want: AIML228
    c = ort.InferenceSession("models/" + request.args.get("name", "default") + ".onnx")  # want: AIML228
    return str((a, b, c))


@app.post("/run/pathlib")
def run_pathlib():
    name = request.args["name"]
    sess = ort.InferenceSession(  # want: AIML228
        str(MODEL_DIR / name),
        sess_options=ort.SessionOptions(),
    )
    return str(sess)


api = FastAPI()


@api.get("/sessions/{name}")
def open_session(name: str):
    path = pathlib.Path("models") / f"{name}.onnx"
    return str(ort.InferenceSession(path_or_bytes=str(path)))  # want: AIML228


@api.post("/upload-named")
async def upload_named(file: UploadFile):
    # The client-chosen file name of an upload is a path component too.
    return str(ort.InferenceSession(os.path.join("uploads", file.filename)))  # want: AIML228


@api.post("/custom-op")
async def custom_op(req: Request):
    body = await req.json()
    opts = SessionOptions()
    opts.register_custom_ops_library(body["library"])  # want: AIML228
    return str(ort.InferenceSession("models/base.onnx", sess_options=opts))


class Loader:
    def __init__(self):
        self.opts = ort.SessionOptions()

    def load_plugin(self):
        plugin = requests.get("https://registry.internal/ops", timeout=5).json()["so_path"]
        self.opts.register_custom_ops_library(plugin)  # want: AIML228
