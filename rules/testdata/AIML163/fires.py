# Spec example (fires), then variants.
import bentoml
import numpy as np
from sklearn.preprocessing import MinMaxScaler


@bentoml.service
class Normalizer:
    def __init__(self):
        self.scaler = MinMaxScaler()

    @bentoml.api
    def observe(self, rows: list) -> dict:
        self.scaler.partial_fit(np.asarray(rows))  # want: AIML163
        return {"ok": True}


# Module alias import, module-level scaler, Flask route (no predict needed: any ROUTE HANDLER).
import sklearn.preprocessing as skp
from flask import Flask, request, jsonify

app = Flask(__name__)
RUNNING = skp.StandardScaler()


@app.post("/observe")
def flask_observe():
    RUNNING.partial_fit(np.asarray(request.get_json()["rows"]))  # want: AIML163
    return jsonify(ok=True)


# from-import with `as`, FastAPI route, keyword X= and a multi-line call.
from fastapi import APIRouter
from sklearn.preprocessing import MaxAbsScaler as MAS
import pandas as pd

router = APIRouter()
SHARED = MAS()


@router.put("/stats")
async def update_stats(payload: dict):
    SHARED.partial_fit(  # want: AIML163
        X=pd.DataFrame(payload["rows"]),
    )
    return {"scale": SHARED.scale_.tolist()}


# Ray Serve deployment with a starlette Request body.
from ray import serve
from starlette.requests import Request


@serve.deployment
class Stats:
    def __init__(self):
        self.scaler = skp.StandardScaler()

    async def __call__(self, request: Request):
        body = await request.json()
        self.scaler.partial_fit(np.array(body["rows"]))  # want: AIML163
        return {"mean": self.scaler.mean_.tolist()}


# KServe predictor updating the shared scaler before predicting.
import kserve


class Predictor(kserve.Model):
    def __init__(self, name):
        super().__init__(name)
        self.scaler = MinMaxScaler()

    def predict(self, payload: dict, headers: dict = None) -> dict:
        X = np.asarray(payload["instances"])
        self.scaler.partial_fit(X)  # want: AIML163
        return {"predictions": self.model.predict(self.scaler.transform(X)).tolist()}


# Flask route with a form field through a list comprehension.
@app.route("/observe-form", methods=["POST"])
def observe_form():
    values = [[v] for v in request.form.getlist("value")]
    RUNNING.partial_fit(values)  # want: AIML163
    return "ok"


# Django view in a module importing django.
import django  # noqa: F401


def django_observe(request):
    RUNNING.partial_fit(np.asarray(request.POST.getlist("rows")))  # want: AIML163
    return None
