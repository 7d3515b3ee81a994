# The module already binds quote: the fix uses that spelling.
from urllib.parse import quote

import requests
from fastapi import FastAPI

app = FastAPI()


@app.post("/score/{model}")
def score(model: str, body: dict):
    return requests.post(f"http://tf-serving:8501/v1/models/{model}:predict", json=body, timeout=5).json()  # want: AIML227
