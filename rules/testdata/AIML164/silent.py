# Spec example (silent), then look-alikes that must not fire.
import math
import os
import sys
import joblib
import numpy as np
import pandas as pd
from flask import Flask, request, jsonify

app = Flask(__name__)
model = joblib.load("artifacts/model.joblib")


@app.post("/quote")
def quote():
    amount = float(request.form["amount"])
    if not math.isfinite(amount) or amount > 10_000:
        return jsonify(error="manual review"), 403
    return jsonify(risk=model.predict(np.array([[amount]])).tolist())


# numpy / pandas finiteness checks anywhere in the function.
@app.get("/limit")
def limit():
    lo = np.float64(request.args["lo"])
    if np.isnan(lo):
        return jsonify(error="bad"), 400
    return jsonify(lo=lo)


@app.get("/rate")
def rate():
    r = float(request.args["r"])
    return jsonify(missing=bool(pd.isna(r)), r=r)


@app.get("/clip")
def clip():
    v = np.nan_to_num(float(request.args["v"]))
    return jsonify(v=v)


# int() is not a float conversion.
@app.get("/count")
def count():
    n = int(request.args["n"])
    return jsonify(n=n)


# Not request data: config, argv, model output, literals.
@app.get("/config")
def config():
    factor = float(os.environ.get("FACTOR", "1.0"))
    cli = float(sys.argv[1]) if len(sys.argv) > 1 else 0.0
    prob = float(model.predict_proba(np.zeros((1, 3)))[0, 1])
    return jsonify(v=factor * prob + cli + float("0.5"))


# Not the builtin: a local float shadows it; numpy's float64 without args.
@app.get("/shadow")
def shadow():
    float = str
    zero = np.float64()
    return jsonify(v=float(request.args["v"]), z=zero)


# Finiteness check in the same function, via from-imports.
from math import isfinite


@app.get("/from-import")
def from_import():
    v = float(request.args["v"])
    if not isfinite(v):
        return jsonify(error="bad"), 400
    return jsonify(v=v)


# Both values are checked: one directly, one through the array built from it.
@app.get("/nearby-checked")
def nearby_checked():
    lat = float(request.args["lat"])
    lon = float(request.args["lon"])
    point = np.array([[lat, lon]])
    if not np.isfinite(point).all():
        raise ValueError("non-finite point")
    return jsonify(model.predict(point).tolist())


# A response serializer reached from the handler: the value it converts is
# isinstance-checked as a NumPy float, not request text (zenml oncoclear).
def to_native(obj):
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    elif isinstance(obj, (np.floating, float)):
        return float(obj)
    return obj


@app.post("/native")
def native():
    return jsonify(to_native(request.get_json()["features"]))
