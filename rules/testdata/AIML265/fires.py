from flask import Flask, request
from prometheus_client import Counter, Histogram, Gauge
from prometheus_client.core import Summary
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request

app = Flask(__name__)
HITS = Counter("inference_requests", "Inference requests", ["path", "model"])
LAT = Histogram("latency_seconds", "Latency", ["path"])
ERRORS = Counter("errors", "Errors", ["path", "agent"])
TENANT = Gauge("tenant_inflight", "In flight", ["tenant"])
SIZES = Summary("payload", "Payload", ["client"])


@app.after_request
def count(resp):
    HITS.labels(request.path, "churn-v3").inc()  # want: AIML265
    return resp


@app.before_request
def start():
    TENANT.labels(tenant=request.headers.get("X-Tenant", "none")).inc()  # want: AIML265


@app.errorhandler(500)
def on_error(err):
    ERRORS.labels(
        "fixed",
        request.headers["User-Agent"],  # want: AIML265
    ).inc()
    return "error", 500


def record_latency(seconds):
    LAT.labels(request.path).observe(seconds)  # want: AIML265


class Metrics(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        response = await call_next(request)
        LAT.labels(path=request.url.path).observe(0.1)  # want: AIML265
        return response


@app.teardown_request
def teardown(exc):
    SIZES.labels(client=request.remote_addr).observe(1)  # want: AIML265
