# Spec example (silent), then look-alikes that must not fire.
import argparse
import io
import os
from pathlib import Path

import onnxruntime as ort
from fastapi import FastAPI, Request, UploadFile
from flask import Flask, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
MODELS = {"small": "models/small.onnx", "large": "models/large.onnx"}


@app.get("/run")
def run():
    sess = ort.InferenceSession(os.path.join("models", os.path.basename(request.args["name"])))
    return {"inputs": [i.name for i in sess.get_inputs()]}


@app.get("/run/sanitised")
def run_sanitised():
    a = ort.InferenceSession(os.path.join("models", secure_filename(request.args["name"])))
    b = ort.InferenceSession("models/" + Path(request.args["name"]).name)
    c = ort.InferenceSession(MODELS[request.args["size"]])  # allow-list lookup
    return str((a, b, c))


@app.post("/run/upload")
def run_upload():
    # Raw uploaded bytes: an explicit upload feature.
    return str(ort.InferenceSession(request.data))


api = FastAPI()


@api.post("/upload")
async def upload(file: UploadFile, req: Request):
    model_bytes = await file.read()
    a = ort.InferenceSession(model_bytes)
    b = ort.InferenceSession(await req.body())
    return str((a, b))


@api.get("/fixed")
def fixed(name: str):
    opts = ort.SessionOptions()
    opts.register_custom_ops_library("/opt/app/lib/libcustom_ops.so")
    return str(ort.InferenceSession("models/base.onnx", sess_options=opts)) + name


def main():
    # Operator configuration (argparse/env) is not a source.
    args = argparse.ArgumentParser().parse_args()
    opts = ort.SessionOptions()
    opts.register_custom_ops_library(os.environ["CUSTOM_OPS_LIB"])
    return ort.InferenceSession(os.path.join(args.model_dir, "model.onnx"), sess_options=opts)


class Other:
    def register_custom_ops_library(self, path):
        return path


@app.get("/other")
def other():
    return Other().register_custom_ops_library(request.args["lib"]) + str(io.BytesIO())
