# Spec example (silent), then look-alikes that must not fire.
from flask import Flask, request, jsonify
from sklearn.ensemble import IsolationForest
import joblib
import numpy as np

app = Flask(__name__)
DETECTOR = joblib.load("detector.joblib")


@app.post("/ingest")
def ingest():
    X = np.asarray(request.get_json()["rows"])
    keep = DETECTOR.predict(X) == 1
    return jsonify(accepted=int(keep.sum()))


# Typed detector fitted offline, applied with predict/decision_function.
FOREST = IsolationForest(random_state=0)
FOREST.fit(np.load("reference.npy"))


@app.post("/score")
def score():
    X = np.asarray(request.json["rows"])
    return jsonify(flags=FOREST.predict(X).tolist(), scores=FOREST.decision_function(X).tolist())


# Training endpoint that persists the fitted detector.
import pickle
import mlflow


@app.post("/train-detector")
def train_detector():
    X = np.asarray(request.json["rows"])
    det = IsolationForest()
    labels = det.fit_predict(X)
    joblib.dump(det, "detector.joblib")
    return jsonify(outliers=int((labels == -1).sum()))


@app.post("/train-pickle")
def train_pickle():
    det = IsolationForest()
    labels = det.fit_predict(np.asarray(request.json["rows"]))
    with open("det.pkl", "wb") as fh:
        pickle.dump(det, fh)
    mlflow.sklearn.log_model(det, "detector")
    return jsonify(n=len(labels))


# Data not RT: the route screens server-side data.
REFERENCE = np.load("reference.npy")


@app.post("/self-check")
def self_check():
    return jsonify(outliers=int((IsolationForest().fit_predict(REFERENCE) == -1).sum()))


# Outside any ROUTE HANDLER (script / helper).
def screen_batch(rows):
    return IsolationForest().fit_predict(np.asarray(rows))


# Untyped receiver and a clustering fit_predict (not an OUTLIER_DETECTOR).
from sklearn.cluster import KMeans


@app.post("/cluster")
def cluster():
    X = np.asarray(request.json["rows"])
    return jsonify(a=DETECTOR.fit_predict(X).tolist(), b=KMeans(3).fit_predict(X).tolist())


# DYNAMIC-BATCH HANDLER.
from ray import serve


@serve.deployment
class Batched:
    @serve.batch
    async def screen(self, rows: list):
        return IsolationForest().fit_predict(np.asarray(rows)).tolist()


# The refitted detector itself is persisted, inside a bundle.
@app.post("/train-bundle")
def train_bundle():
    X = np.asarray(request.json["rows"])
    det = IsolationForest()
    labels = det.fit_predict(X)
    bundle = {"detector": det, "version": 2}
    joblib.dump(bundle, "bundle.joblib")
    return jsonify(n=len(labels))


from sklearn.covariance import EllipticEnvelope

ENVELOPE = EllipticEnvelope()


@app.post("/train-self")
def train_self():
    labels = ENVELOPE.fit_predict(np.asarray(request.json["rows"]))
    joblib.dump(value=(ENVELOPE, "v1"), filename="envelope.joblib")
    return jsonify(n=len(labels))
