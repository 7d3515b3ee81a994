# Spec example (fires), then variants.
import joblib
from fastapi import FastAPI, Request

app = FastAPI()
SLOTS = {"blue": "models/blue.joblib", "green": "models/green.joblib"}
MODEL = joblib.load(SLOTS["blue"])


@app.post("/admin/switch")
def switch(color: str):
    global MODEL
    MODEL = joblib.load(SLOTS[color])  # want: AIML239
    return {"active": color}


# app.state and request.app.state targets; torch and ONNX loaders.
import onnxruntime as ort
import torch


@app.post("/rollout")
def rollout():
    app.state.model = torch.jit.load("models/green.pt")  # want: AIML239
    return {"ok": True}


@app.post("/rollout-onnx")
async def rollout_onnx(request: Request):
    request.app.state.session = ort.InferenceSession("models/green.onnx")  # want: AIML239
    return {"ok": True}


# A module-level dict entry; a from_pretrained chain with .eval().
from transformers import AutoModelForSequenceClassification

LIVE = {}


@app.put("/models/live")
def promote():
    LIVE["classifier"] = AutoModelForSequenceClassification.from_pretrained("org/classifier-v2").eval()  # want: AIML239
    return {"ok": True}


# Flask blueprint, keras and mlflow loaders, multi-line call.
import mlflow
from flask import Blueprint, jsonify
from tensorflow import keras

bp = Blueprint("ops", __name__)
CURRENT = None
SCORER = None


@bp.route("/switch/<slot>", methods=["POST"])
def flask_switch(slot):
    global CURRENT, SCORER
    CURRENT = keras.models.load_model(  # want: AIML239
        SLOTS.get(slot, "models/blue.keras"),
    )
    SCORER = mlflow.pyfunc.load_model("models:/scorer/Production")  # want: AIML239
    return jsonify(slot=slot)


# A chained assignment with one shared target.
@app.post("/reload")
def reload():
    global MODEL
    MODEL = cached = joblib.load("models/blue.joblib")  # want: AIML239
    return {"n": len(str(cached))}
