# The forwarded headers are filtered to drop credentials.
import httpx
import requests
from fastapi import FastAPI, Request
from flask import Flask, jsonify
from flask import request as flask_request

from serving import model

app = FastAPI()
SHADOW_URL = "http://shadow:8080/predict"
shadow_client = httpx.AsyncClient()


@app.post("/predict")
async def predict(request: Request):
    body = await request.json()
    await shadow_client.post(SHADOW_URL, json=body, headers=dict(request.headers), timeout=2)  # want: AIML240
    return {"y": model.predict([body["x"]]).tolist()}


web = Flask(__name__)


@web.post("/mirror")
def mirror():
    requests.post(SHADOW_URL, json=flask_request.json, headers=flask_request.headers, timeout=1)  # want: AIML240
    return jsonify(model.predict([flask_request.json["x"]]).tolist())


# The local copy keeps its added header; only credentials are dropped.
@app.post("/mirror5")
async def mirror5(request: Request):
    headers = dict(request.headers)
    headers["X-Shadow"] = "1"
    await shadow_client.post(SHADOW_URL, content=await request.body(), headers=headers)  # want: AIML240
    return {"ok": True}


# Guidance: Django request.META.
import django  # noqa: F401


def django_mirror(request):
    httpx.post(SHADOW_URL, content=request.body, headers=request.META, timeout=2)  # want: AIML240
    return model.predict([[1.0]])
