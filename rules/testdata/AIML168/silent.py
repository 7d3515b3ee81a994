# Spec example (silent), then look-alikes that must not fire.
from fastapi import FastAPI
from sklearn.feature_selection import SelectKBest, VarianceThreshold, f_classif
import joblib
import os
import numpy as np

from scoring.models import load_model

app = FastAPI()
model = load_model()
SELECTOR = joblib.load("selector.joblib")


@app.post("/risk")
def risk(payload: dict):
    X = SELECTOR.transform(np.asarray(payload["rows"]))
    return {"risk": model.predict_proba(X)[:, 1].tolist()}


# Selection parameters from literals and env, in an inference handler.
K = int(os.environ.get("TOP_K", "10"))


@app.post("/fixed")
def fixed(payload: dict):
    a = SelectKBest(f_classif, k=K)
    b = VarianceThreshold(0.1)
    X = np.asarray(payload["rows"])
    return {"y": model.predict(a.transform(b.transform(X))).tolist()}


# Selector fitted in training code.
def train(X, y):
    return SelectKBest(f_classif, k=20).fit_transform(X, y)


# AutoML endpoint that trains on user choices: not an INFERENCE HANDLER.
@app.post("/automl")
def automl(payload: dict, k: int):
    sel = SelectKBest(f_classif, k=k)
    X = sel.fit_transform(np.asarray(payload["rows"]), LABELS)
    model.fit(X, LABELS)
    return {"score": model.predict(X).tolist()}


LABELS = np.load("labels.npy")

# Typed selector fitted on non-RT data in an inference handler.
TRAIN = np.load("train.npy")
VT = VarianceThreshold()


@app.post("/refit")
def refit(payload: dict):
    VT.fit(TRAIN)
    return {"y": model.predict(VT.transform(np.asarray(payload["rows"]))).tolist()}


# DYNAMIC-BATCH HANDLER: owned by AIML235.
import bentoml


@bentoml.service
class Batched:
    @bentoml.api(batchable=True)
    def pick(self, rows: np.ndarray) -> np.ndarray:
        return model.predict(VarianceThreshold(threshold=rows.std()).fit_transform(rows))  # want: AIML235


# Keywords outside the listed set (score_func, alpha) and an untyped selector.
from sklearn.feature_selection import SelectFpr


@app.post("/other")
def other(payload: dict, alpha: float):
    sel = SelectFpr(alpha=alpha)
    X = np.asarray(payload["rows"])
    return {"y": model.predict(SELECTOR.fit_transform(X) + sel.transform(X)).tolist()}
