# fit_transform on a PERSISTENT encoder is renamed to transform; the rest is guidance.
from fastapi import FastAPI
import numpy as np
import pandas as pd
import sklearn.preprocessing as skp

from scoring.models import load_model

app = FastAPI()
clf = load_model()
ENC = skp.OneHotEncoder(handle_unknown="ignore")


@app.post("/score")
def score(body: dict):
    Z = ENC.fit_transform(pd.DataFrame(body["rows"]))  # want: AIML165
    return {"y": clf.predict(Z).tolist()}


import bentoml


@bentoml.service
class Service:
    def __init__(self):
        self.encoder = skp.OrdinalEncoder()

    @bentoml.api
    def svc(self, rows: list[dict]) -> list:
        return clf.predict(self.encoder.fit_transform(pd.DataFrame(rows))).tolist()  # want: AIML165


# Guidance: get_dummies, .fit(...), per-call encoder, and a second argument.
@app.post("/guidance")
def guidance(body: dict):
    frame = pd.DataFrame(body["rows"])
    a = pd.get_dummies(frame)  # want: AIML165
    ENC.fit(frame)  # want: AIML165
    b = skp.OneHotEncoder().fit_transform(frame)  # want: AIML165
    c = ENC.fit_transform(frame, None)  # want: AIML165
    return {"y": clf.predict(np.hstack([a, b, c])).tolist()}
