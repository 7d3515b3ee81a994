# Spec example (silent): the request value only picks from an allow-list.
import os

import mlflow
import pandas as pd
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()
APPROVED_URIS = {"web": "models:/fraud/12", "batch": "models:/fraud/11"}
VERSIONS = {"stable": "3", "next": "4"}


class PredictRequest(BaseModel):
    version: str
    channel: str
    model_uri: str
    name: str
    run_id: str
    rows: list

    def frame(self):
        return pd.DataFrame(self.rows)


@app.post("/predict")
def predict(req: PredictRequest):
    model = mlflow.pyfunc.load_model(APPROVED_URIS[req.channel])
    return {"score": model.predict(req.frame()).tolist()}


# Literal URI, config/env version.
@app.post("/fixed")
def fixed(req: PredictRequest):
    a = mlflow.pyfunc.load_model("models:/fraud/Production")
    b = mlflow.pyfunc.load_model(f"models:/fraud/{os.environ['FRAUD_VERSION']}")
    return {"a": a.predict(req.frame()).tolist(), "b": b.predict(req.frame()).tolist()}


# The request controls the whole URI, the model name or the run: AIML216's.
@app.post("/whole")
def whole(req: PredictRequest):
    a = mlflow.pyfunc.load_model(req.model_uri)  # want: AIML216
    b = mlflow.pyfunc.load_model(f"models:/{req.name}/{req.version}")  # want: AIML216
    c = mlflow.pyfunc.load_model(f"runs:/{req.run_id}/model")  # want: AIML216
    d = mlflow.pyfunc.load_model(f"s3://bucket/{req.name}")  # want: AIML216
    return {"n": len([a, b, c, d])}


# The version goes through a module-level dict.
@app.post("/mapped")
def mapped(req: PredictRequest):
    m = mlflow.pyfunc.load_model(f"models:/fraud/{VERSIONS[req.version]}")
    return {"y": m.predict(req.frame()).tolist()}


# .format() is not an f-string or concatenation (and carries no version prefix check).
@app.post("/fmt")
def fmt(req: PredictRequest):
    m = mlflow.pyfunc.load_model("models:/fraud/{}".format(VERSIONS.get(req.version, "3")))
    return {"y": m.predict(req.frame()).tolist()}


# Triton: literal or allow-listed model_version; not a Triton client.
import tritonclient.http as httpclient

triton = httpclient.InferenceServerClient("triton:8000")


class Other:
    def infer(self, name, inputs, model_version=""):
        return name


other = Other()


@app.post("/triton")
def triton_infer(version: str):
    a = triton.infer("classifier", [], model_version="2")
    b = triton.infer("classifier", [], model_version=VERSIONS.get(version, "3"))
    c = other.infer("classifier", [], model_version=version)
    return {"n": len([a, b, c])}


# Offline script: CLI-chosen version.
import sys


def offline():
    return mlflow.pyfunc.load_model(f"models:/fraud/{sys.argv[1]}")
