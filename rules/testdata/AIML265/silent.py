import os

import requests
from fastapi import FastAPI
from flask import Flask, request
from prometheus_client import Counter

app = Flask(__name__)
api = FastAPI()
HITS = Counter("inference_requests", "Inference requests", ["path", "model"])
ALLOWED_MODELS = {"churn-v3", "fraud-v1"}
MODEL_NAMES = {"churn": "churn-v3", "fraud": "fraud-v1"}


@app.after_request
def count(resp):
    rule = request.url_rule.rule if request.url_rule else "unmatched"
    HITS.labels(rule, "churn-v3").inc()
    return resp


@app.before_request
def bounded():
    HITS.labels(request.method, request.endpoint).inc()
    HITS.labels(str(request.url_rule), request.blueprint).inc()
    m = request.args.get("model")
    HITS.labels("p", m if m in ALLOWED_MODELS else "other").inc()
    HITS.labels("p", MODEL_NAMES.get(request.args.get("model"), "other")).inc()


@app.post("/predict")
def in_route():
    HITS.labels(request.path, "churn-v3").inc()  # want: AIML249
    return {}


@api.get("/items/{item_id}")
def fastapi_route(item_id: str):
    HITS.labels(item_id, "m").inc()  # want: AIML249
    return {}


def operator_and_network():
    HITS.labels(os.environ["POD"], requests.get("http://cfg").json()["model"]).inc()


class FakeCounter:
    def labels(self, *a):
        return self


@app.after_request
def not_prometheus(resp):
    FakeCounter().labels(request.path)
    return resp
