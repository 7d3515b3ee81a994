# Spec example (fires), then variants.
from fastapi import FastAPI
from sklearn.feature_selection import VarianceThreshold
import numpy as np

from scoring.models import load_model

app = FastAPI()
model = load_model()


@app.post("/risk")
def risk(payload: dict):
    X = VarianceThreshold(threshold=0.01).fit_transform(np.asarray(payload["rows"]))  # want: AIML168
    return {"risk": model.predict_proba(X)[:, 1].tolist()}


# (b) request-chosen k through int(), keyword argument on its own line.
import sklearn.feature_selection as skfs
from sklearn.feature_selection import f_classif
from flask import Flask, request, jsonify

flask_app = Flask(__name__)
SELECTOR_X = np.load("train.npy")


@flask_app.post("/select")
def select():
    sel = skfs.SelectKBest(
        f_classif,
        k=int(request.args["k"]),  # want: AIML168
    )
    X = np.asarray(request.json["rows"])
    return jsonify(model.predict(sel.transform(X)).tolist())


# (b) positional threshold of VarianceThreshold and a from-import with `as`.
from sklearn.feature_selection import VarianceThreshold as VT


@app.post("/vt")
def vt(threshold: str, payload: dict):
    sel = VT(threshold)  # want: AIML168
    return {"y": model.predict(sel.transform(np.asarray(payload["rows"]))).tolist()}


# (a) module-level selector refitted with .fit(...) in a Flask route.
SELECTOR = skfs.SelectPercentile(percentile=20)


@flask_app.route("/percentile", methods=["POST"])
def percentile():
    X = np.asarray(request.get_json()["rows"])
    SELECTOR.fit(X)  # want: AIML168
    return jsonify(model.predict(SELECTOR.transform(X)).tolist())


# (b) SelectFromModel parameters from a BentoML API; two tainted keywords are two findings.
import bentoml


@bentoml.service
class Picker:
    def __init__(self):
        self.model = load_model()

    @bentoml.api
    def pick(self, rows: list, threshold: str, max_features: int) -> list:
        sel = skfs.SelectFromModel(
            self.model,
            threshold=threshold,  # want: AIML168
            max_features=max_features,  # want: AIML168
            prefit=True,
        )
        return self.model.predict(sel.transform(np.asarray(rows))).tolist()


# (a) Ray Serve deployment, fit_transform on a GenericUnivariateSelect attribute.
from ray import serve
from starlette.requests import Request


@serve.deployment
class RaySelect:
    def __init__(self):
        self.sel = skfs.GenericUnivariateSelect(mode="k_best", param=5)

    async def __call__(self, request: Request):
        body = await request.json()
        X = self.sel.fit_transform(np.asarray(body["rows"]))  # want: AIML168
        return model.predict(X).tolist()


# (b) param= of GenericUnivariateSelect from a header in a KServe predictor.
import kserve


class Predictor(kserve.Model):
    def predict(self, payload: dict, headers: dict = None) -> dict:
        sel = skfs.GenericUnivariateSelect(mode="percentile", param=headers["x-param"])  # want: AIML168
        return {"predictions": model.predict(sel.transform(np.asarray(payload["instances"]))).tolist()}
