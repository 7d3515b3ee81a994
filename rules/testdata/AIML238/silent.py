# Spec example (silent): canary membership is decided server-side.
from flask import Flask, g, jsonify, request

from models import canary_model, in_canary, stable_model, log

app = Flask(__name__)


@app.route("/predict", methods=["POST"])
def predict():
    model = canary_model if in_canary(g.user_id) else stable_model
    return jsonify(model.predict([request.json["features"]]).tolist())


# The hint is only logged or echoed.
@app.post("/logged")
def logged():
    log.info("variant=%s", request.headers.get("X-Variant"))
    y = stable_model.predict([request.json["features"]])
    return jsonify({"variant": request.headers.get("X-Variant"), "y": y.tolist()})


# Keys that are not routing hints.
@app.post("/other")
def other():
    if request.headers.get("X-Request-ID"):
        log.info("traced")
    fmt = request.args.get("format")
    y = stable_model.predict([request.json["features"]])
    return jsonify(y.tolist()) if fmt == "json" else str(y)


# A handler that does not call a predict-family method.
@app.get("/flags")
def flags():
    if request.cookies.get("beta") == "1":
        return jsonify({"beta": True})
    return jsonify({"beta": False})


# A value put into a dict (not a branch test) and a hint read outside a handler.
@app.post("/meta")
def meta():
    extra = {"cohort": request.headers.get("X-Cohort")}
    log.info(extra)
    return jsonify(stable_model.predict([request.json["features"]]).tolist())


def route_for(headers):
    return canary_model if headers.get("X-Canary") else stable_model


# FastAPI parameter not declared with Header/Cookie/Query, or not a hint name.
from fastapi import FastAPI, Header

api = FastAPI()


@api.post("/v1/predict")
def v1(rows: list, variant_note: str = "x", x_request_id: str = Header(default="")):
    log.info(variant_note)
    model = canary_model if x_request_id == "canary" else stable_model
    return {"y": model.predict(rows).tolist()}


# Server-side weight from config with a sticky hash.
import hashlib

CANARY_PERCENT = 5


@api.post("/v2/predict")
def v2(rows: list, user_id: str):
    bucket = int(hashlib.sha256(user_id.encode()).hexdigest(), 16) % 100
    model = canary_model if bucket < CANARY_PERCENT else stable_model
    return {"y": model.predict(rows).tolist()}
