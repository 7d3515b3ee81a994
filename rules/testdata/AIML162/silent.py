# Spec example (silent), then look-alikes that must not fire.
from bentoml import api, service
from sklearn.preprocessing import StandardScaler, MinMaxScaler, Normalizer
import bentoml
import joblib
import numpy as np

from scoring.models import load_model


@service
class Scorer:
    def __init__(self):
        self.scaler = StandardScaler()
        self.model = load_model()

    @api
    def score(self, rows: list) -> list:
        X = self.scaler.transform(np.asarray(rows))
        return self.model.predict(X).tolist()


# Fit at startup on training data (not RT), in an inference handler too.
from flask import Flask, request, jsonify

app = Flask(__name__)
TRAIN_X = np.load("train.npy")
SCALER = StandardScaler()
SCALER.fit(TRAIN_X)
clf = load_model()


@app.post("/refit-on-train")
def refit_on_train():
    SCALER.fit(TRAIN_X)
    return jsonify(clf.predict(SCALER.transform(request.json["rows"])).tolist())


# Training endpoint: the handler also fits a model, so it is not an INFERENCE HANDLER.
LABELS = np.load("labels.npy")


@app.post("/train")
def train():
    X = SCALER.fit_transform(np.asarray(request.json["rows"]))
    clf.fit(X, LABELS)
    return jsonify(score=clf.predict(X).tolist())


# Route that never predicts: not an INFERENCE HANDLER.
@app.post("/normalize")
def normalize():
    return jsonify(StandardScaler().fit_transform(request.json["rows"]).tolist())


# DYNAMIC-BATCH HANDLERS are owned by AIML235.
from ray import serve


@serve.deployment
class Batched:
    def __init__(self):
        self.scaler = MinMaxScaler()
        self.model = load_model()

    @serve.batch(max_batch_size=16)
    async def handle(self, rows: list):
        X = self.scaler.fit_transform(np.asarray(rows))  # want: AIML235
        return self.model.predict(X).tolist()


@bentoml.service
class BentoBatched:
    def __init__(self):
        self.scaler = StandardScaler()

    @bentoml.api(batchable=True)
    def score(self, rows: np.ndarray) -> np.ndarray:
        return self.model.predict(self.scaler.fit_transform(rows))  # want: AIML235


# Untyped receiver (loaded artifact) and a class outside SCALERS.
PIPE = joblib.load("scaler.joblib")


@app.post("/untyped")
def untyped():
    X = np.asarray(request.json["rows"])
    Z = PIPE.fit_transform(X)
    N = Normalizer().fit_transform(X)
    return jsonify(clf.predict(Z + N).tolist())


# partial_fit is AIML163, not this rule.
@app.post("/observe")
def observe():
    SCALER.partial_fit(np.asarray(request.json["rows"]))  # want: AIML163
    return jsonify(clf.predict(np.asarray(request.json["rows"])).tolist())


# Script code outside any handler.
def offline(rows):
    X = StandardScaler().fit_transform(np.asarray(rows))
    return clf.predict(X)
