# (a) fit_transform on a PERSISTENT selector is renamed to transform; the rest is guidance.
from fastapi import FastAPI
import numpy as np
import sklearn.feature_selection as skfs
from sklearn.feature_selection import VarianceThreshold

from scoring.models import load_model

app = FastAPI()
model = load_model()
SELECTOR = VarianceThreshold(threshold=0.01)


@app.post("/risk")
def risk(payload: dict):
    X = SELECTOR.fit_transform(np.asarray(payload["rows"]))  # want: AIML168
    return {"risk": model.predict_proba(X)[:, 1].tolist()}


# Guidance: the spec example's per-call selector and (b) request parameters.
@app.post("/guidance")
def guidance(payload: dict, k: int):
    X = VarianceThreshold(threshold=0.01).fit_transform(np.asarray(payload["rows"]))  # want: AIML168
    sel = skfs.SelectKBest(k=k)  # want: AIML168
    return {"risk": model.predict_proba(sel.transform(X))[:, 1].tolist()}
