import os

import onnxruntime as ort
from flask import Flask, request

app = Flask(__name__)


@app.get("/run")
def run():
    sess = ort.InferenceSession(os.path.join("models", request.args["name"]))  # want: AIML228
    return {"inputs": [i.name for i in sess.get_inputs()]}


@app.get("/run/forms")
def run_forms():
    a = ort.InferenceSession(f"models/{request.args['name']}.onnx")  # want: AIML228
    b = ort.InferenceSession("models/" + request.args["name"] + ".onnx")  # want: AIML228
    name = request.args["name"]
    c = ort.InferenceSession(name)  # want: AIML228
    path = os.path.join("models", name)
    d = ort.InferenceSession(path)  # want: AIML228
    return str((a, b, c, d))


@app.get("/run/pathlib")
def run_pathlib():
    from pathlib import Path

    return str(ort.InferenceSession(str(Path("models") / request.args["name"])))  # want: AIML228
