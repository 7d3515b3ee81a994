import requests
from fastapi import FastAPI

app = FastAPI()
TFS = "http://tf-serving:8501"


@app.post("/score/{model}")
def score(model: str, body: dict):
    return requests.post(f"http://tf-serving:8501/v1/models/{model}:predict", json=body, timeout=5).json()  # want: AIML227


@app.post("/score/{model}/{version}")
def score_version(model: str, version: str, body: dict):
    a = requests.post(f'{TFS}/v1/models/{model}/versions/{version}:predict', json=body, timeout=5)  # want: AIML227
    b = requests.get(TFS + "/v1/models/" + model + "/metadata", timeout=5)  # want: AIML227
    c = requests.get("http://tf-serving:8501/v1/models/%s/versions/%s" % (model, version), timeout=5)  # want: AIML227
    d = requests.get("http://tf-serving:8501/v1/models/{}/metadata".format(model), timeout=5)  # want: AIML227
    url = f"{TFS}/v1/models/{model}:predict"
    e = requests.post(url, json=body, timeout=5)  # want: AIML227
    return str((a, b, c, d, e))
