# Spec example (fires), then variants.
import joblib
import math
import numpy as np
from flask import Flask, request, jsonify

app = Flask(__name__)
model = joblib.load("artifacts/model.joblib")


@app.post("/quote")
def quote():
    amount = float(request.form["amount"])  # want: AIML164
    if amount > 10_000:
        return jsonify(error="manual review"), 403
    return jsonify(risk=model.predict(np.array([[amount]])).tolist())


# numpy scalar types through the module alias.
@app.get("/limit")
def limit():
    lo = np.float64(request.args.get("lo", "0"))  # want: AIML164
    hi = np.double(request.args["hi"])  # want: AIML164
    return jsonify(span=hi - lo)


# from-import with `as`, multi-line call: reported on the callee's line.
from numpy import float32 as f32


@app.post("/weight")
def weight():
    w = f32(  # want: AIML164
        request.get_json()["weight"]
    )
    return jsonify(w=float(w))


# Inside a class: the Flask request global is a source wherever it is read.
class QuoteParser:
    def parse(self):
        return float(request.values["premium"])  # want: AIML164


# FastAPI: route parameters and the JSON body of a Request.
from fastapi import APIRouter, Request

router = APIRouter()


@router.get("/score")
def score(threshold: str):
    t = np.float32(threshold)  # want: AIML164
    return {"flag": t > 0.5}


@router.post("/batch")
async def batch(request: Request):
    payload = await request.json()
    amounts = [float(v) for v in payload["amounts"]]  # want: AIML164
    return {"total": sum(amounts)}


# Augmented arithmetic and a header value.
@app.get("/fee")
def fee():
    base = 1.0
    base += float(request.headers["X-Fee"])  # want: AIML164
    return jsonify(fee=base)


# A check of `lat` does not cover `lon`.
@app.get("/nearby")
def nearby():
    lat = float(request.args["lat"])
    if not math.isfinite(lat):
        raise ValueError("non-finite lat")
    lon = float(request.args["lon"])  # want: AIML164
    return jsonify(model.predict(np.array([[lat, lon]])).tolist())
