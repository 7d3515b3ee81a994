# Spec example (silent), then look-alikes that must not fire.
import io
import pickle

import bentoml
import joblib
import numpy as np
import torch
from flask import Flask, request


@bentoml.service
class Scorer:
    def __init__(self):
        self.model_path = "artifacts/model.joblib"
        self.model = joblib.load(self.model_path)
        with open("artifacts/encoder.pkl", "rb") as fh:
            self.encoder = pickle.load(fh)

    @bentoml.api
    def score(self, rows: list) -> list:
        features = np.asarray(rows, dtype=np.float32)
        return self.model.predict(features).tolist()

    @bentoml.api
    def tensors(self, data: bytes) -> str:
        # weights_only=True, numpy without allow_pickle, non-literal flags (AIML251).
        t = torch.load(io.BytesIO(data), weights_only=True)
        a = np.load(io.BytesIO(data))
        b = np.load(io.BytesIO(data), allow_pickle=False)
        return str((t, a, b))

    @bentoml.api
    def flags(self, data: bytes, trusted: bool) -> str:
        t = torch.load(io.BytesIO(data), weights_only=trusted)  # want: AIML251
        a = np.load(io.BytesIO(data), allow_pickle=trusted)  # want: AIML251
        return str((t, a))

    @bentoml.api
    def artifacts(self, name: str) -> str:
        # Loader arguments that are not caller data: literals and __init__ attributes.
        enc = joblib.load("artifacts/encoder.joblib")
        model = joblib.load(self.model_path)
        return str((enc, model, name))

    @bentoml.api
    def with_context(self, text: str, ctx: bentoml.Context) -> str:
        cached = pickle.loads(ctx.state["cache"])
        return str(cached) + text

    def _restore(self, blob):
        # Not a BentoML API: a helper's parameter is not the caller's data.
        return pickle.loads(blob)


app = Flask(__name__)


@app.post("/restore")
def restore():
    # Outside BentoML APIs the same loader is AIML192's (§4 row 1).
    return str(pickle.loads(request.data))  # want: AIML192
