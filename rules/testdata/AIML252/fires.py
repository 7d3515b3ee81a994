import urllib.request

import httpx
import requests
import requests as rq
from fastapi import FastAPI
from flask import Flask, jsonify, request
from pydantic import BaseModel
from requests import Session, post

from serving import model

app = FastAPI()
web = Flask(__name__)
FEATURE_URL = "http://features:8080"
SCORER_URL = "http://scorer:8501"
session = requests.Session()


class Req(BaseModel):
    user_id: str


@app.post("/predict")
def predict(req: Req):
    feats = requests.get(f"{FEATURE_URL}/users/{req.user_id}").json()  # want: AIML252
    return {"y": model.predict([feats["vector"]]).tolist()}


@web.post("/score")
def score():
    r = rq.post(SCORER_URL, json=request.json, timeout=None)  # want: AIML252
    return jsonify(r.json())


@app.post("/enrich")
async def enrich(req: Req):
    profile = session.get(  # want: AIML252
        f"{FEATURE_URL}/profiles/{req.user_id}",
        headers={"Accept": "application/json"},
    ).json()
    return {"profile": profile}


@app.post("/forward")
def forward(req: Req):
    return post(SCORER_URL, json={"user": req.user_id}).json()  # want: AIML252


@app.get("/legacy")
def legacy():
    with urllib.request.urlopen(FEATURE_URL + "/legacy") as resp:  # want: AIML252
        return {"raw": resp.read().decode()}


@app.post("/stream")
async def stream(req: Req):
    async with httpx.AsyncClient(timeout=None) as client:  # want: AIML252
        r = await client.post(SCORER_URL, json={"user": req.user_id})
    return r.json()


@app.post("/httpx")
def via_httpx(req: Req):
    return httpx.post(SCORER_URL, json={"user": req.user_id}, timeout=None).json()  # want: AIML252


class Scorer:
    def __init__(self):
        self.http = Session()

    @app.post("/method")
    def call(self, req: Req):
        return self.http.request("GET", f"{FEATURE_URL}/users/{req.user_id}").json()  # want: AIML252


# Co-reported with AIML227 (request data in the TF Serving path) on one call.
@app.post("/tf/{name}")
def tf_score(name: str, body: dict):
    url = f"http://tf-serving:8501/v1/models/{name}:predict"
    return requests.post(url, json={"instances": body["rows"]}).json()  # want: AIML252 AIML227


# Co-reported with AIML240 (all client headers forwarded) on one call.
@web.post("/mirror")
def mirror():
    requests.post(SCORER_URL, json=request.json, headers=request.headers)  # want: AIML252 AIML240
    return jsonify(model.predict([request.json["x"]]).tolist())
