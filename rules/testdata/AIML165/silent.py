# Spec example (silent), then look-alikes that must not fire.
from fastapi import FastAPI
import numpy as np
import pandas as pd
from sklearn.preprocessing import OneHotEncoder

from scoring.models import load_model

app = FastAPI()
clf = load_model()
TRAIN_COLUMNS = ["city_a", "city_b"]


@app.post("/predict")
def predict(body: dict):
    X = pd.get_dummies(pd.DataFrame(body["rows"])).reindex(columns=TRAIN_COLUMNS, fill_value=0)
    return {"y": clf.predict(X).tolist()}


# Parenthesised receiver of reindex(columns=...).
@app.post("/predict-paren")
def predict_paren(body: dict):
    X = (pd.get_dummies(pd.DataFrame(body["rows"]))).reindex(fill_value=0, columns=TRAIN_COLUMNS)
    return {"y": clf.predict(X).tolist()}


# Training-time encoder applied with transform().
ENC = OneHotEncoder(handle_unknown="ignore")
ENC.fit(pd.read_csv("train.csv"))


@app.post("/transform")
def transform(body: dict):
    return {"y": clf.predict(ENC.transform(pd.DataFrame(body["rows"]))).tolist()}


# Training script: outside any handler.
def train(frame):
    X = pd.get_dummies(frame)
    enc = OneHotEncoder()
    return enc.fit_transform(X)


# Not an INFERENCE HANDLER: the route never predicts.
@app.post("/encode")
def encode(body: dict):
    return {"cols": list(pd.get_dummies(pd.DataFrame(body["rows"])).columns)}


# Non-RT data inside an inference handler.
REFERENCE = pd.read_parquet("reference.parquet")


@app.post("/reference")
def reference(body: dict):
    ENC.fit(REFERENCE)
    ref = pd.get_dummies(REFERENCE)
    return {"y": clf.predict(ENC.transform(pd.DataFrame(body["rows"]))).tolist(), "n": len(ref)}


# DYNAMIC-BATCH HANDLER: owned by AIML235.
from ray import serve


@serve.deployment
class Batched:
    def __init__(self):
        self.encoder = OneHotEncoder()

    @serve.batch
    async def handle(self, rows: list):
        Z = self.encoder.fit_transform(np.asarray(rows))  # want: AIML235
        return clf.predict(pd.get_dummies(pd.DataFrame(rows)) + Z).tolist()


# Untyped receiver and X= keyword (the spec names positional 0 only).
import joblib

LOADED = joblib.load("encoder.joblib")


@app.post("/untyped")
def untyped(body: dict):
    Z = LOADED.fit_transform(pd.DataFrame(body["rows"]))
    W = ENC.fit_transform(X=pd.DataFrame(body["rows"]))
    return {"y": clf.predict(Z + W).tolist()}


# Aligned in the next statement, before any other use (sklearnflask).
from flask import Flask, jsonify, request

flask_app = Flask(__name__)
model = load_model()


@flask_app.route("/predict-aligned", methods=["POST"])
def predict_aligned():
    query = pd.get_dummies(pd.DataFrame(request.json))
    query = query.reindex(columns=TRAIN_COLUMNS, fill_value=0)
    return jsonify(prediction=list(model.predict(query)))
