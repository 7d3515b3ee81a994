import os
import sys
import mlflow
import pandas as pd
from flask import Flask, abort, request

app = Flask(__name__)
MODEL_URIS = {"churn": "models:/churn/7", "fraud": "models:/fraud/12"}
ALLOWED = {"models:/churn/7", "models:/fraud/12"}
DEFAULT_URI = "models:/churn/7"
CHURN = "churn"


@app.post("/score")
def score():
    body = request.get_json()
    model = mlflow.pyfunc.load_model(MODEL_URIS[body["model"]])
    return {"pred": model.predict(pd.DataFrame(body["rows"])).tolist()}


@app.post("/get")
def get():
    model = mlflow.pyfunc.load_model(MODEL_URIS.get(request.json["model"], DEFAULT_URI))
    return {"ok": model is not None}


@app.get("/version")
def version():
    v = request.args["version"]
    model = mlflow.pyfunc.load_model(f"models:/churn/{v}")  # want: AIML236
    return {"ok": model is not None}


@app.get("/alias")
def alias():
    model = mlflow.sklearn.load_model("models:/fraud@" + request.args["alias"])  # want: AIML236
    return {"ok": model is not None}


@app.get("/const-name")
def const_name():
    uri = f"models:/{CHURN}/{request.args['stage']}"
    return {"ok": mlflow.pyfunc.load_model(uri) is not None}  # want: AIML236


@app.post("/guarded")
def guarded():
    uri = request.json["uri"]
    if uri not in ALLOWED:
        abort(404)
    return {"ok": mlflow.pyfunc.load_model(uri) is not None}


@app.post("/fixed")
def fixed():
    model = mlflow.pyfunc.load_model("models:/churn/7")
    rows = request.json["rows"]
    return {"pred": model.predict(pd.DataFrame(rows)).tolist()}


def offline():
    uri = os.environ.get("MODEL_URI", sys.argv[1])
    return mlflow.pyfunc.load_model(uri)


def helper(uri):
    return mlflow.pyfunc.load_model(uri)
