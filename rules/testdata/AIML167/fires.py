# Spec example (fires), then variants.
from flask import Flask, request, jsonify
from sklearn.decomposition import PCA
import numpy as np

from scoring.models import load_model

app = Flask(__name__)
clf = load_model()


@app.post("/embed-score")
def embed_score():
    X = np.asarray(request.get_json()["vectors"])
    Z = PCA(n_components=16).fit_transform(X)  # want: AIML167
    return jsonify(clf.predict(Z).tolist())


# Module alias import, module-level reducer, multi-line call.
import sklearn.decomposition as skd

SVD = skd.TruncatedSVD(n_components=8)


@app.post("/svd")
def svd_score():
    Z = SVD.fit_transform(  # want: AIML167
        np.asarray(request.json["rows"]),
    )
    return jsonify(clf.predict(Z).tolist())


# umap.UMAP through a from-import with `as`, FastAPI route, .fit(...).
from fastapi import FastAPI
from umap import UMAP as Umap

api = FastAPI()


@api.post("/umap")
async def umap_score(vectors: list[list[float]]):
    reducer = Umap(n_components=2)
    reducer.fit(np.asarray(vectors))  # want: AIML167
    return {"y": clf.predict(reducer.embedding_).tolist()}


# (b) partial_fit of a PERSISTENT IncrementalPCA in any ROUTE HANDLER.
from sklearn.decomposition import IncrementalPCA, MiniBatchNMF

IPCA = IncrementalPCA(n_components=4)


@app.put("/observe")
def observe():
    IPCA.partial_fit(np.asarray(request.json["rows"]))  # want: AIML167
    return jsonify(ok=True)


# (b) MiniBatchNMF attribute of a BentoML service.
import bentoml


@bentoml.service
class Topics:
    def __init__(self):
        self.nmf = MiniBatchNMF(n_components=10)

    @bentoml.api
    def learn(self, counts: list[list[int]]) -> dict:
        self.nmf.partial_fit(np.array(counts))  # want: AIML167
        return {"ok": True}


# KServe predictor with a KernelPCA attribute.
import kserve


class Predictor(kserve.Model):
    def __init__(self, name):
        super().__init__(name)
        self.kpca = skd.KernelPCA(n_components=3)

    def predict(self, payload: dict, headers: dict = None) -> dict:
        Z = self.kpca.fit_transform(np.asarray(payload["instances"]))  # want: AIML167
        return {"predictions": clf.predict(Z).tolist()}


# Ray Serve deployment with a starlette Request body and FastICA.
from ray import serve
from starlette.requests import Request


@serve.deployment
class Ica:
    def __init__(self):
        self.ica = skd.FastICA(n_components=4)

    async def __call__(self, request: Request):
        body = await request.json()
        Z = self.ica.fit_transform(np.asarray(body["signals"]))  # want: AIML167
        return clf.predict(Z).tolist()
