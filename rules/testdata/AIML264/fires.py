from fastapi import FastAPI, Request
from flask import Flask, request
from pydantic import BaseModel
from prometheus_client import Histogram, Gauge, Counter
import numpy as np
import prometheus_client as prom
from prometheus_client.metrics import Summary

app = FastAPI()
flask_app = Flask(__name__)
SCORE = Histogram("fraud_score", "Fraud model score")
CONFIDENCE = prom.Gauge("model_confidence", "Last reported confidence", ["model"])
ITEMS = Counter("items_scored", "Items scored")
LATENCY = Summary("client_latency", "Client-reported latency")


class Outcome(BaseModel):
    txn_id: str
    score: float


@app.post("/outcome")
def outcome(body: Outcome):
    SCORE.observe(body.score)  # want: AIML264
    return {"ok": True}


@flask_app.post("/report")
def report():
    CONFIDENCE.labels("churn-v3").set(request.json["confidence"])  # want: AIML264
    ITEMS.inc(int(request.args["n"]))  # want: AIML264
    LATENCY.observe(amount=float(request.headers["X-Client-Latency"]))  # want: AIML264
    return {"ok": True}


@app.post("/async")
async def from_request(req: Request):
    payload = await req.json()
    SCORE.observe(
        payload["score"],  # want: AIML264
    )
    return {}


class Telemetry:
    def __init__(self):
        self.gauge = Gauge("queue_depth", "Reported queue depth")

    @flask_app.post("/depth")
    def depth(self):
        self.gauge.dec(request.json["delta"])  # want: AIML264
        return {}


@flask_app.after_request
def record(resp):
    SCORE.labels(request.path).observe(float(request.headers["X-Score"]))  # want: AIML264 AIML265
    return resp
