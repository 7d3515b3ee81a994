# Spec example (silent), then look-alikes that must not fire.
import os
import urllib.parse
from urllib.parse import quote

import requests
from fastapi import FastAPI

app = FastAPI()
SERVED = {"churn": "churn_v3", "fraud": "fraud_v7"}
TFS = "http://tf-serving:8501"


@app.post("/score/{model}")
def score(model: str, body: dict):
    url = f"http://tf-serving:8501/v1/models/{SERVED[model]}:predict"
    return requests.post(url, json={"instances": body["rows"]}, timeout=5).json()


@app.post("/score/{model}/versions/{version}")
def score_version(model: str, version: int, body: dict):
    # Framework-validated number, int()/float() conversions, URL-quoted values.
    a = requests.post(f"{TFS}/v1/models/churn/versions/{version}:predict", json=body, timeout=5)
    b = requests.post(f"{TFS}/v1/models/churn/versions/{int(body['v'])}:predict", json=body, timeout=5)
    c = requests.post(f"{TFS}/v1/models/{urllib.parse.quote(model, safe='')}:predict", json=body, timeout=5)
    d = requests.post(TFS + "/v1/models/" + quote(model, safe="") + ":predict", json=body, timeout=5)
    e = requests.post(f"{TFS}/v1/models/churn/versions/%d:predict" % body["v"], json=body, timeout=5)
    return str((a, b, c, d, e))


@app.post("/score-env")
def score_env(body: dict):
    # Model chosen by configuration; the request only in json=/data=.
    name = os.environ["TFS_MODEL"]
    a = requests.post(f"{TFS}/v1/models/{name}:predict", json={"instances": body["rows"]}, timeout=5)
    b = requests.post(f"{TFS}/v1/models/churn:predict", data=str(body), timeout=5)
    return str((a, b))


@app.get("/other/{model}")
def other(model: str, q: str, host: str):
    # Not a TF Serving path; taint only after "?"; taint in the host (SSRF, not this rule).
    a = requests.get(f"http://api.internal/{model}/predict", timeout=5)
    b = requests.get(f"{TFS}/v1/models/churn/metadata?label={q}", timeout=5)
    c = requests.get(f"http://{host}:8501/v1/models/churn/metadata", timeout=5)
    return str((a, b, c))


@app.get("/llm/models/{model_id}")
def describe_llm(model_id: str):
    # An OpenAI-compatible server's /v1/models/{id}: not a TF Serving URL.
    return requests.get(f"http://vllm:8000/v1/models/{model_id}", timeout=5).json()


@app.get("/versions/{model}")
def version_meta(model: str, v: str):
    # A numeric format spec cannot carry path characters.
    return requests.get(f"{TFS}/v1/models/churn/versions/{v:d}/metadata", timeout=5).json() + [model]
