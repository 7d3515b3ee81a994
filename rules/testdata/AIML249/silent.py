from fastapi import FastAPI, Header, Request
from flask import Flask, request
from prometheus_client import Counter, Histogram
from pydantic import BaseModel

from serving import MODEL_NAME, model

app = FastAPI()
web = Flask(__name__)

PREDICTIONS = Counter("predictions_total", "Predictions served", ["customer"])
REQUESTS = Counter("requests_total", "Requests", ["method", "endpoint"])
LATENCY = Histogram("latency_seconds", "Latency", ["route", "model"])
TIERS = {"free", "pro", "enterprise"}


class Req(BaseModel):
    x: list


# The spec's silent example: a literal label.
@app.post("/predict")
def predict(req: Req, x_customer: str = Header()):
    PREDICTIONS.labels(customer="external").inc()
    return {"y": model.predict([req.x]).tolist()}


# Bounded request attributes: method, endpoint, url rule.
@web.post("/score")
def score():
    REQUESTS.labels(request.method, request.endpoint).inc()
    LATENCY.labels(route=request.url_rule.rule, model=MODEL_NAME).observe(0.1)
    return {"ok": True}


# The route template from the matched route.
@app.post("/infer")
async def infer(request: Request):
    LATENCY.labels(route=request.scope["route"].path, model=MODEL_NAME).observe(0.1)
    return {"ok": True}


# An allow-listed value.
@app.post("/tiered")
def tiered(req: Req, x_tier: str = Header()):
    tier = x_tier if x_tier in TIERS else "other"
    PREDICTIONS.labels(customer=tier).inc()
    return {"ok": True}


# Outside request handlers: a Flask hook (owned by AIML265).
@web.after_request
def count(response):
    REQUESTS.labels(request.method, request.path).inc()  # want: AIML265
    return response


# A helper called from a handler: owned by AIML265.
def record(customer):
    PREDICTIONS.labels(customer=customer).inc()


# `.labels` on something that is not a prometheus metric.
class Plot:
    def labels(self, *names):
        return names


plot = Plot()


@app.post("/plot")
def make_plot(req: Req, title: str = Header()):
    plot.labels(title)
    return {"ok": True}
