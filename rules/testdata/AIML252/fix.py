import urllib.request

import httpx
import requests
from fastapi import FastAPI
from pydantic import BaseModel

from serving import model

app = FastAPI()
FEATURE_URL = "http://features:8080"


class Req(BaseModel):
    user_id: str


@app.post("/predict")
def predict(req: Req):
    feats = requests.get(f"{FEATURE_URL}/users/{req.user_id}").json()  # want: AIML252
    return {"y": model.predict([feats["vector"]]).tolist()}


@app.post("/score")
def score(req: Req):
    r = requests.post(FEATURE_URL, json={"u": req.user_id}, timeout=None)  # want: AIML252
    return r.json()


@app.post("/multi")
def multi(req: Req):
    r = requests.post(  # want: AIML252
        FEATURE_URL,
        json={"u": req.user_id},
    )
    return r.json()


@app.get("/legacy")
def legacy():
    return {"raw": urllib.request.urlopen(FEATURE_URL).read().decode()}  # want: AIML252


@app.post("/client")
async def client_call(req: Req):
    async with httpx.AsyncClient(timeout=None) as client:  # want: AIML252
        r = await client.post(FEATURE_URL, json={"u": req.user_id})
    return r.json()
