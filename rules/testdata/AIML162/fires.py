# Spec example (fires), then variants.
from bentoml import api, service
from sklearn.preprocessing import StandardScaler
import numpy as np

from scoring.models import load_model


@service
class Scorer:
    def __init__(self):
        self.scaler = StandardScaler()
        self.model = load_model()

    @api
    def score(self, rows: list) -> list:
        X = self.scaler.fit_transform(np.asarray(rows))  # want: AIML162
        return self.model.predict(X).tolist()


# Module alias import, module-level scaler, Flask route, keyword X=.
import sklearn.preprocessing as skp
from flask import Flask, request, jsonify

app = Flask(__name__)
SCALER = skp.MinMaxScaler()
clf = load_model()


@app.post("/score")
def flask_score():
    X = np.asarray(request.get_json()["rows"])
    Z = SCALER.fit_transform(X=X)  # want: AIML162
    return jsonify(clf.predict(Z).tolist())


# from-import with `as`, FastAPI route, per-call scaler and .fit(...).
from fastapi import FastAPI
from sklearn.preprocessing import RobustScaler as RS
import pandas as pd

api_app = FastAPI()


@api_app.post("/predict")
async def fastapi_predict(payload: dict):
    frame = pd.DataFrame(payload["rows"])
    s = RS()
    s.fit(frame)  # want: AIML162
    return {"y": clf.predict_proba(s.transform(frame)).tolist()}


# Ray Serve deployment, multi-line call, starlette Request body.
from ray import serve
from starlette.requests import Request


@serve.deployment
class RayScorer:
    def __init__(self):
        self.scaler = skp.QuantileTransformer()
        self.model = load_model()

    async def __call__(self, request: Request):
        body = await request.json()
        X = self.scaler.fit_transform(  # want: AIML162
            np.asarray(body["rows"]),
        )
        return self.model.predict(X).tolist()


# KServe predictor, chained constructor with the full module path.
import kserve
import sklearn


class KScorer(kserve.Model):
    def predict(self, payload: dict, headers: dict = None) -> dict:
        X = np.asarray(payload["instances"])
        Z = sklearn.preprocessing.PowerTransformer().fit_transform(X)  # want: AIML162
        return {"predictions": self.model.predict(Z).tolist()}


# Callee split across lines: reported at the method name.
@app.route("/score-split", methods=["POST"])
def split_score():
    rows = request.json["rows"]
    X = (StandardScaler()
         .fit(rows))  # want: AIML162
    return jsonify(clf.decision_function(X.transform(rows)).tolist())


# MaxAbsScaler on a handler parameter-derived frame, BentoML service via bentoml module.
import bentoml


@bentoml.service
class Batchless:
    def __init__(self):
        self.scaler = skp.MaxAbsScaler()

    @bentoml.api
    def run(self, records: list[dict]) -> list:
        return self.model.predict(self.scaler.fit_transform(pd.DataFrame.from_records(records))).tolist()  # want: AIML162
