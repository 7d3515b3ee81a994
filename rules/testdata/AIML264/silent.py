import os
import time

import requests
from fastapi import FastAPI
from flask import Flask, request
from pydantic import BaseModel
from prometheus_client import Histogram, Gauge, Counter

app = FastAPI()
flask_app = Flask(__name__)
SCORE = Histogram("fraud_score", "Fraud model score")
IN_FLIGHT = Gauge("in_flight", "Requests in flight")
HITS = Counter("hits", "Hits", ["model"])
BATCH = Histogram("batch_size", "Batch size")


class Outcome(BaseModel):
    txn_id: str
    score: float


@app.post("/outcome")
def outcome(body: Outcome):
    SCORE.observe(float(model.predict_proba(load_features(body.txn_id))[0, 1]))
    return {"ok": True}


@flask_app.post("/predict")
def predict():
    start = time.perf_counter()
    IN_FLIGHT.inc()
    rows = request.json["rows"]
    BATCH.observe(len(rows))
    HITS.labels("churn").inc()
    IN_FLIGHT.dec()
    SCORE.observe(time.perf_counter() - start)
    return {"ok": True}


def from_config():
    IN_FLIGHT.set(float(os.environ["WORKERS"]))
    SCORE.observe(requests.get("http://scorer/score").json()["score"])


@flask_app.post("/flag")
def flag():
    IN_FLIGHT.set(bool(request.json["busy"]))
    return {}


class NotAMetric:
    def observe(self, v):
        return v


@flask_app.post("/other")
def other():
    NotAMetric().observe(request.json["v"])
    return {}
