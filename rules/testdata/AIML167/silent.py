# Spec example (silent), then look-alikes that must not fire.
from flask import Flask, request, jsonify
from sklearn.decomposition import PCA, IncrementalPCA
import joblib
import numpy as np

from scoring.models import load_model

app = Flask(__name__)
clf = load_model()
PROJECTION = joblib.load("projection.joblib")


@app.post("/embed-score")
def embed_score():
    X = np.asarray(request.get_json()["vectors"])
    return jsonify(clf.predict(PROJECTION.transform(X)).tolist())


# Pre-fitted typed reducer applied with transform().
PCA16 = PCA(n_components=16)
PCA16.fit(np.load("train.npy"))


@app.post("/pca")
def pca():
    return jsonify(clf.predict(PCA16.transform(np.asarray(request.json["rows"]))).tolist())


# Training script outside handlers.
def fit_projection(rows):
    return PCA(n_components=16).fit_transform(np.asarray(rows))


# Non-RT data in an inference handler.
TRAIN = np.load("train.npy")


@app.post("/refit-train")
def refit_train():
    PCA16.fit(TRAIN)
    return jsonify(clf.predict(PCA16.transform(np.asarray(request.json["rows"]))).tolist())


# Not an INFERENCE HANDLER (no predict) for fit; partial_fit on a local is not PERSISTENT.
@app.post("/explore")
def explore():
    X = np.asarray(request.json["rows"])
    var = PCA(n_components=2).fit(X).explained_variance_ratio_
    local = IncrementalPCA(n_components=2)
    local.partial_fit(X)
    return jsonify(var=var.tolist())


# partial_fit of a PCA (not IncrementalPCA/MiniBatchNMF) is not (b).
@app.post("/pca-partial")
def pca_partial():
    PCA16.partial_fit(np.asarray(request.json["rows"]))
    return jsonify(ok=True)


# DYNAMIC-BATCH HANDLER: owned by AIML235.
from ray import serve

IPCA = IncrementalPCA(n_components=4)


@serve.deployment
class Batched:
    @serve.batch(max_batch_size=32)
    async def handle(self, rows: list):
        IPCA.partial_fit(np.asarray(rows))  # want: AIML235
        return clf.predict(PCA(n_components=2).fit_transform(np.asarray(rows))).tolist()  # want: AIML235


# partial_fit of IncrementalPCA on server data in a route.
@app.post("/refresh")
def refresh():
    IPCA.partial_fit(TRAIN)
    return jsonify(ok=True)
