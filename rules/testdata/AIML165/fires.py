# Spec example (fires), then variants.
from fastapi import FastAPI
import pandas as pd

from scoring.models import load_model

app = FastAPI()
clf = load_model()


@app.post("/predict")
def predict(body: dict):
    X = pd.get_dummies(pd.DataFrame(body["rows"]))  # want: AIML165
    return {"y": clf.predict(X).tolist()}


# get_dummies through a from-import alias, keyword data=, multi-line call.
from pandas import get_dummies as dummies


@app.post("/predict-kw")
def predict_kw(rows: list[dict]):
    X = dummies(  # want: AIML165
        data=pd.DataFrame(rows),
        columns=["city"],
    )
    return {"y": clf.predict(X).tolist()}


# reindex without columns= does not align the columns.
@app.post("/predict-reindex")
def predict_reindex(rows: list[dict]):
    X = pd.get_dummies(pd.DataFrame(rows)).reindex(TRAIN_COLUMNS, axis=1)  # want: AIML165
    return {"y": clf.predict(X).tolist()}


# Module alias import, Flask route, module-level encoder.
import sklearn.preprocessing as skp
import numpy as np
from flask import Flask, request, jsonify

flask_app = Flask(__name__)
ENC = skp.OneHotEncoder(handle_unknown="ignore")


@flask_app.post("/score")
def flask_score():
    cats = np.asarray(request.get_json()["categories"])
    Z = ENC.fit_transform(cats)  # want: AIML165
    return jsonify(clf.predict(Z).tolist())


# from-import with `as`, per-call OrdinalEncoder .fit(...).
from sklearn.preprocessing import OrdinalEncoder as OE


@flask_app.route("/ordinal", methods=["POST"])
def ordinal():
    frame = pd.DataFrame(request.json["rows"])
    enc = OE()
    enc.fit(frame)  # want: AIML165
    return jsonify(clf.predict_proba(enc.transform(frame)).tolist())


# BentoML service class with a LabelEncoder attribute.
import bentoml


@bentoml.service
class Tagger:
    def __init__(self):
        self.labels = skp.LabelEncoder()
        self.model = load_model()

    @bentoml.api
    def tag(self, tags: list[str]) -> list:
        codes = self.labels.fit_transform(tags)  # want: AIML165
        return self.model.predict(np.asarray(codes).reshape(-1, 1)).tolist()


# Ray Serve deployment, chained constructor.
from ray import serve
from starlette.requests import Request


@serve.deployment
class RayScorer:
    def __init__(self):
        self.model = load_model()

    async def __call__(self, request: Request):
        body = await request.json()
        Z = skp.OneHotEncoder().fit_transform(pd.DataFrame(body["rows"]))  # want: AIML165
        return self.model.predict(Z).tolist()


# Used before it is aligned: the model sees the client's columns.
@flask_app.route("/predict-late-align", methods=["POST"])
def predict_late_align():
    query = pd.get_dummies(pd.DataFrame(request.json))  # want: AIML165
    score = model.predict(query)
    query = query.reindex(columns=TRAIN_COLUMNS, fill_value=0)
    return jsonify(score=list(score))
