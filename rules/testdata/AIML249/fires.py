import prometheus_client
from fastapi import FastAPI, Header, Request
from flask import Flask, request
from prometheus_client import Counter, Gauge
from prometheus_client import Histogram as Hist
from pydantic import BaseModel
from ray import serve

from serving import model

app = FastAPI()
web = Flask(__name__)

PREDICTIONS = Counter("predictions_total", "Predictions served", ["customer"])
LATENCY = Hist("latency_seconds", "Latency", ["client", "model"])
INFLIGHT = Gauge("inflight", "In-flight requests", ["user"])
PROMPTS = prometheus_client.Summary("prompt_chars", "Prompt size", ["prompt"])


class Req(BaseModel):
    x: list
    user_id: str = ""


@app.post("/predict")
def predict(req: Req, x_customer: str = Header()):
    PREDICTIONS.labels(customer=x_customer).inc()  # want: AIML249
    return {"y": model.predict([req.x]).tolist()}


@web.post("/score")
def score():
    LATENCY.labels(request.remote_addr, "v3").observe(0.1)  # want: AIML249
    return {"ok": True}


@app.post("/infer")
async def infer(request: Request):
    body = await request.json()
    with INFLIGHT.labels(  # want: AIML249
        user=body["user"],
    ).track_inprogress():
        return {"y": model.predict([body["x"]]).tolist()}


@app.post("/chat")
def chat(req: Req):
    PROMPTS.labels(prompt=str(req.x)[:200]).observe(len(req.x))  # want: AIML249
    return {"ok": True}


@app.get("/client")
async def client(request: Request):
    LATENCY.labels(client=request.client.host, model="v3").observe(0.2)  # want: AIML249
    return {"ok": True}


@serve.deployment
class Scorer:
    def __init__(self):
        self.calls = Counter("scorer_calls", "Calls", ["tenant"])

    def __call__(self, payload: dict):
        self.calls.labels(payload["tenant"]).inc()  # want: AIML249
        return model.predict([payload["x"]]).tolist()


# Co-reported with AIML264: the label and the observed value are both tainted.
@app.post("/telemetry")
def telemetry(client_id: str, latency: float):
    LATENCY.labels(client=client_id, model="v3").observe(latency)  # want: AIML249 AIML264
    return {"ok": True}
