# Spec example (silent), then look-alikes that must not fire.
import bentoml
import numpy as np
from sklearn.preprocessing import MinMaxScaler, StandardScaler, RobustScaler


@bentoml.service
class Normalizer:
    def __init__(self):
        self.scaler = MinMaxScaler()
        self.pending = []

    @bentoml.api
    def observe(self, rows: list) -> dict:
        self.pending.extend(rows)
        return {"queued": len(rows)}


# Nightly job on vetted files: not RT and not a ROUTE HANDLER.
SCALER = StandardScaler()


def nightly(paths):
    for p in paths:
        SCALER.partial_fit(np.load(p))


# A route updating the scaler from server-side data only.
from flask import Flask, request, jsonify

app = Flask(__name__)
VETTED = np.load("vetted.npy")


@app.post("/refresh")
def refresh():
    SCALER.partial_fit(VETTED)
    return jsonify(ok=True, n=len(request.json["rows"]))


# Receiver constructed in the same function (not PERSISTENT).
@app.post("/local")
def local():
    s = StandardScaler()
    s.partial_fit(np.asarray(request.json["rows"]))
    StandardScaler().partial_fit(np.asarray(request.json["rows"]))
    return jsonify(mean=s.mean_.tolist())


# RobustScaler is not in the partial_fit scaler set (it has no partial_fit).
ROBUST = RobustScaler()


@app.post("/learn")
def learn():
    X = np.asarray(request.json["rows"])
    ROBUST.partial_fit(X)
    return jsonify(ok=True)


# fit/fit_transform is AIML162's; this route does not predict, so 162 is silent too.
@app.post("/fit")
def fit_route():
    SCALER.fit(np.asarray(request.json["rows"]))
    return jsonify(ok=True)


# DYNAMIC-BATCH HANDLER: owned by AIML235.
@bentoml.service
class Batched:
    def __init__(self):
        self.scaler = MinMaxScaler()

    @bentoml.api(batchable=True)
    def observe(self, rows: np.ndarray) -> np.ndarray:
        self.scaler.partial_fit(rows)  # want: AIML235
        return rows


# Untyped receiver.
import joblib

LOADED = joblib.load("scaler.joblib")


@app.post("/untyped")
def untyped():
    LOADED.partial_fit(np.asarray(request.json["rows"]))
    return jsonify(ok=True)
