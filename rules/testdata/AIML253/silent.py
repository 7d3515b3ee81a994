# Spec example (silent), then look-alikes.
import hashlib
import hmac
import os

import requests
import tensorflow as tf
from flask import Flask, request
from tflite_runtime.interpreter import Interpreter, load_delegate

PINNED_SHA256 = "0" * 64
MODELS = {"small": "models/small.tflite", "large": "models/large.tflite"}


def refresh_model(url):
    blob = requests.get(url, timeout=30).content
    if hashlib.sha256(blob).hexdigest() != PINNED_SHA256:
        raise ValueError("model digest mismatch")
    return tf.lite.Interpreter(model_content=blob)


# hmac.compare_digest check in the function.
def refresh_hmac(url, expected):
    blob = requests.get(url, timeout=30).content
    digest = compute(blob)
    if not hmac.compare_digest(digest, expected):
        raise ValueError("bad model")
    return tf.lite.Interpreter(model_content=blob)


# A signature .verify(...) call.
def refresh_signed(url, key, sig):
    blob = requests.get(url, timeout=30).content
    key.verify(sig, blob)
    return Interpreter(model_content=blob)


# Bundled / literal / env paths, converter output.
def bundled():
    return tf.lite.Interpreter(model_path="assets/model.tflite")


def from_env():
    return tf.lite.Interpreter(model_path=os.environ["MODEL_PATH"])


def converted(keras_model):
    tflite_model = tf.lite.TFLiteConverter.from_keras_model(keras_model).convert()
    return tf.lite.Interpreter(model_content=tflite_model)


app = Flask(__name__)


# Allow-list lookup of the request key.
@app.get("/run")
def run():
    interp = tf.lite.Interpreter(model_path=MODELS[request.args["model"]])
    return {"ok": interp is not None}


# An uploaded model body is an explicit upload feature (model_content is NET-TAINT only).
@app.post("/upload")
def upload():
    interp = tf.lite.Interpreter(model_content=request.data)
    return {"ok": interp is not None}


# Fixed delegate library.
def gpu_delegate():
    return load_delegate("libedgetpu.so.1")


# Network data used for something else than the model.
def labels(url):
    names = requests.get(url, timeout=5).json()["labels"]
    interp = tf.lite.Interpreter(model_path="assets/model.tflite")
    return names, interp
