# Spec example (fires), then variants.
import requests
import tensorflow as tf


def refresh_model(url):
    blob = requests.get(url, timeout=30).content
    return tf.lite.Interpreter(model_content=blob)  # want: AIML253


# urllib download, positional model_content, tflite_runtime spelling.
import urllib.request
from tflite_runtime.interpreter import Interpreter, load_delegate


def ota_update(url):
    with urllib.request.urlopen(url, timeout=10) as resp:
        data = resp.read()
    return Interpreter(None, data)  # want: AIML253


# ai_edge_litert alias, multi-line call, inside a class method.
import ai_edge_litert.interpreter as litert


class Updater:
    def pull(self, session, url):
        r = requests.get(url, timeout=5)
        self.interp = litert.Interpreter(
            model_content=r.content,  # want: AIML253
            num_threads=2,
        )


# Request-chosen model path (Flask), web-tainted positional path.
import os
from flask import Flask, request

app = Flask(__name__)


@app.get("/run")
def run():
    interp = tf.lite.Interpreter(model_path=os.path.join("models", request.args["model"]))  # want: AIML253
    interp.allocate_tensors()
    return {"ok": True}


@app.post("/run2")
def run2():
    path = request.form["path"]
    interp = Interpreter(path)  # want: AIML253
    return {"ok": True}


# Delegate library from the request or the network.
@app.post("/delegate")
def delegate():
    lib = request.json["delegate"]
    d = load_delegate(lib)  # want: AIML253
    return {"ok": d is not None}


def fetch_delegate(url):
    name = requests.get(url, timeout=5).json()["library"]
    return tf.lite.experimental.load_delegate(name)  # want: AIML253
