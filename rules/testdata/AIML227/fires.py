# Spec example (fires), then variants.
import httpx
import requests
from fastapi import FastAPI
from flask import Flask, request
from ray import serve

app = FastAPI()
TFS = "http://tf-serving:8501"
TFS_MODELS = "http://tf-serving:8501/v1/models"


@app.post("/score/{model}")
def score(model: str, body: dict):
    url = f"http://tf-serving:8501/v1/models/{model}:predict"
    return requests.post(url, json={"instances": body["rows"]}, timeout=5).json()  # want: AIML227


@app.post("/score/{model}/{version}")
def score_version(model: str, version: str, body: dict):
    return requests.post(  # want: AIML227
        f"{TFS}/v1/models/{model}/versions/{version}:predict",
        json={"instances": body["rows"]},
        timeout=5,
    ).json()


@app.get("/meta/{model}")
def meta(model: str):
    # A module constant carries "/v1/models" without the trailing slash.
    return requests.get(f"{TFS_MODELS}/{model}/metadata", timeout=5).json()  # want: AIML227


@app.post("/classify/{model}")
async def classify(model: str, body: dict):
    async with httpx.AsyncClient() as client:
        r = await client.post(f"http://tf-serving:8501/v1/models/{model}:classify", json=body)  # want: AIML227
    return r.json()


flask_app = Flask(__name__)
session = requests.Session()


@flask_app.get("/status")
def status():
    name = request.args["model"]
    a = requests.get(TFS + "/v1/models/" + name + "/metadata", timeout=5)  # want: AIML227
    b = session.get("http://tf-serving:8501/v1/models/%s" % name, timeout=5)  # want: AIML227
    c = httpx.post("http://tf-serving:8501/v1/models/{}:{}".format(name, request.args["verb"]), json={})  # want: AIML227
    d = requests.request("POST", f"{TFS}/v1/models/{name}:predict", json={}, timeout=5)  # want: AIML227
    return str((a, b, c, d))


@serve.deployment
class Proxy:
    def __call__(self, model_name, payload):
        return requests.post(  # want: AIML227
            "http://tf-serving:8501/v1/models/%(m)s:predict" % {"m": model_name},
            json=payload,
            timeout=5,
        )
