import urllib.request

import httpx
import requests
from fastapi import FastAPI
from pydantic import BaseModel

from serving import model

app = FastAPI()
FEATURE_URL = "http://features:8080"
TIMEOUT = 2.5


class Req(BaseModel):
    user_id: str


# The spec's silent example: an explicit timeout.
@app.post("/predict")
def predict(req: Req):
    feats = requests.get(f"{FEATURE_URL}/users/{req.user_id}", timeout=2).json()
    return {"y": model.predict([feats["vector"]]).tolist()}


# A timeout from a variable or config.
@app.post("/predict2")
def predict2(req: Req, settings: dict):
    a = requests.post(FEATURE_URL, json={"u": req.user_id}, timeout=TIMEOUT)
    b = requests.post(FEATURE_URL, json={"u": req.user_id}, timeout=settings["timeout"])
    return {"a": a.json(), "b": b.json()}


# httpx has a default timeout of 5 seconds.
@app.post("/httpx")
async def via_httpx(req: Req):
    async with httpx.AsyncClient() as client:
        r = await client.post(FEATURE_URL, json={"u": req.user_id})
    return httpx.get(FEATURE_URL).json() | r.json()


# urlopen with a positional or keyword timeout.
@app.get("/legacy")
def legacy():
    a = urllib.request.urlopen(FEATURE_URL, None, 5).read()
    b = urllib.request.urlopen(FEATURE_URL, timeout=5).read()
    return {"a": a.decode(), "b": b.decode()}


# **kwargs may carry the timeout.
@app.post("/opts")
def opts(req: Req):
    kw = {"timeout": 3}
    return requests.get(FEATURE_URL, **kw).json()


# Outside request handlers: batch jobs and scripts.
def refresh_features():
    return requests.get(FEATURE_URL + "/all").json()


if __name__ == "__main__":
    print(requests.get(FEATURE_URL).status_code)
