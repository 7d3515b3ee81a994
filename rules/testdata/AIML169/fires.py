# Spec example (fires), then variants.
from flask import Flask, request, jsonify
from sklearn.ensemble import IsolationForest
import numpy as np

app = Flask(__name__)


@app.post("/ingest")
def ingest():
    X = np.asarray(request.get_json()["rows"])
    keep = IsolationForest(random_state=0).fit_predict(X) == 1  # want: AIML169
    return jsonify(accepted=int(keep.sum()))


# LocalOutlierFactor via a module alias import, keyword X=, multi-line call.
import sklearn.neighbors as skn


@app.post("/lof")
def lof():
    flags = skn.LocalOutlierFactor(n_neighbors=5).fit_predict(  # want: AIML169
        X=np.asarray(request.json["rows"]),
    )
    return jsonify(outliers=int((flags == -1).sum()))


# from-import with `as`, FastAPI route, module-level detector.
from fastapi import FastAPI
from sklearn.covariance import EllipticEnvelope as EE

api = FastAPI()
ENVELOPE = EE(contamination=0.05)


@api.post("/screen")
async def screen(rows: list[list[float]]):
    labels = ENVELOPE.fit_predict(np.asarray(rows))  # want: AIML169
    return {"kept": [r for r, l in zip(rows, labels) if l == 1]}


# BentoML service attribute (OneClassSVM).
import bentoml
from sklearn.svm import OneClassSVM


@bentoml.service
class Screener:
    def __init__(self):
        self.detector = OneClassSVM(nu=0.05)

    @bentoml.api
    def screen(self, rows: list) -> list:
        return self.detector.fit_predict(np.array(rows)).tolist()  # want: AIML169


# Ray Serve deployment with a starlette Request and SGDOneClassSVM.
from ray import serve
from starlette.requests import Request
from sklearn.linear_model import SGDOneClassSVM


@serve.deployment
class RayScreen:
    def __init__(self):
        self.detector = SGDOneClassSVM()

    async def __call__(self, request: Request):
        body = await request.json()
        return self.detector.fit_predict(np.asarray(body["rows"])).tolist()  # want: AIML169


# Django view in a module importing django, pandas frame of POST data.
import django  # noqa: F401
import pandas as pd


def django_screen(request):
    frame = pd.DataFrame(request.POST.getlist("rows"))
    return IsolationForest().fit_predict(frame)  # want: AIML169


# Persisting another object does not make this a training endpoint for the
# detector that is refitted on the batch.
import joblib


@app.post("/train-and-screen")
def train_and_screen():
    X = np.asarray(request.json["rows"])
    det = IsolationForest()
    det.fit(np.load("reference.npy"))
    joblib.dump(det, "detector.joblib")
    screen = IsolationForest()
    labels = screen.fit_predict(X)  # want: AIML169
    joblib.dump({"labels": labels}, "labels.joblib")
    return jsonify(outliers=int((labels == -1).sum()))
