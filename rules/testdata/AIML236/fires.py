# Spec example (fires), then variants.
import mlflow
import pandas as pd
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class PredictRequest(BaseModel):
    version: str
    alias: str = "champion"
    rows: list

    def frame(self):
        return pd.DataFrame(self.rows)


@app.post("/predict")
def predict(req: PredictRequest):
    model = mlflow.pyfunc.load_model(f"models:/fraud/{req.version}")  # want: AIML236
    return {"score": model.predict(req.frame()).tolist()}


# Registry alias, a flavor loader, model_uri= keyword.
import mlflow.sklearn


@app.post("/alias")
def by_alias(req: PredictRequest):
    clf = mlflow.sklearn.load_model(model_uri=f"models:/churn@{req.alias}")  # want: AIML236
    return {"y": clf.predict(req.frame()).tolist()}


# Flask: concatenation, through a local variable.
from flask import Flask, request, jsonify
from mlflow import pytorch as mlflow_torch

web = Flask(__name__)


@web.post("/torch")
def torch_predict():
    uri = "models:/detector/" + request.args["stage"]
    net = mlflow_torch.load_model(uri)  # want: AIML236
    return jsonify(net(request.json["x"]).tolist())


# spark_udf (positional 1), multi-line call.
@web.post("/udf")
def udf():
    score = mlflow.pyfunc.spark_udf(
        spark,
        f"models:/ranker/{request.json['version']}",  # want: AIML236
        result_type="double",
    )
    return jsonify({"ok": bool(score)})


# Triton: model_version= from the request on a module-level HTTP client.
import tritonclient.http as httpclient

triton = httpclient.InferenceServerClient("triton:8000")


@app.post("/triton/{name}")
def triton_infer(name: str, version: str, body: dict):
    inputs = [httpclient.InferInput("x", [1, 4], "FP32")]
    res = triton.infer("classifier", inputs, model_version=version)  # want: AIML236
    return {"y": res.as_numpy("y").tolist()}


# Triton gRPC aio client in `async with`, positional model_version.
import tritonclient.grpc.aio as grpcclient


@app.post("/triton-grpc")
async def triton_grpc(req: PredictRequest):
    async with grpcclient.InferenceServerClient("triton:8001") as client:
        res = await client.infer("classifier", [], req.version)  # want: AIML236
    return {"y": res.as_numpy("y").tolist()}


# Implicit concatenation of a literal and an f-string.
@web.post("/implicit")
def implicit():
    m = mlflow.pyfunc.load_model("models:/fraud/" f"{request.json['v']}")  # want: AIML236
    return jsonify(m.predict(request.json["rows"]).tolist())


# `.format`, `%` and a module-level constant name: still only the version
# of a fixed registered model (the split AIML216 uses, §4 row 10).
CHURN_MODEL = "churn"


@app.get("/format")
def by_format():
    return {"ok": mlflow.pyfunc.load_model("models:/churn/{}".format(request.args["v"])) is not None}  # want: AIML236


@app.get("/percent")
def by_percent():
    return {"ok": mlflow.pyfunc.load_model("models:/churn/%s" % request.args["v"]) is not None}  # want: AIML236


@app.get("/const")
def by_const():
    return {"ok": mlflow.pyfunc.load_model(f"models:/{CHURN_MODEL}/{request.args['v']}") is not None}  # want: AIML236
