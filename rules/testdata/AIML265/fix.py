from flask import Flask, request
from prometheus_client import Counter

app = Flask(__name__)
HITS = Counter("inference_requests", "Inference requests", ["path", "model"])


@app.after_request
def count(resp):
    HITS.labels(request.path, "churn-v3").inc()  # want: AIML265
    return resp


@app.teardown_request
def teardown(exc):
    HITS.labels(path=request.path, model="m").inc()  # want: AIML265
    HITS.labels(request.full_path, "m").inc()  # want: AIML265
