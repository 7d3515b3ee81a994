# Spec example (fires), then variants.
import base64
import io
import pickle
from pickle import loads as unpickle

import bentoml
import bentoml as bm
import cloudpickle
import dill
import joblib
import numpy as np
import pandas as pd
import torch


@bentoml.service
class Scorer:
    @bentoml.api
    def score(self, blob: bytes) -> list:
        features = pickle.loads(blob)  # want: AIML230
        return self.model.predict(features).tolist()

    @bentoml.api(batchable=False)
    def load_delta(self, data: bytes) -> str:
        delta = torch.load(io.BytesIO(data))  # want: AIML230
        old = torch.load(  # want: AIML230
            io.BytesIO(data),
            map_location="cpu",
            weights_only=False,
        )
        return str((delta, old))

    @bm.api
    def frame(self, path: str) -> dict:
        df = pd.read_pickle(path)  # want: AIML230
        return df.describe().to_dict()

    @bentoml.api
    def arrays(self, upload) -> list:
        arr = np.load(upload.path, allow_pickle=True)  # want: AIML230
        return arr.tolist()

    @bentoml.api
    def encoded(self, payload: str) -> str:
        obj = dill.loads(base64.b64decode(payload))  # want: AIML230
        return repr(obj)

    @bentoml.api
    def from_file(self, path: str) -> str:
        est = cloudpickle.load(open(path, "rb"))  # want: AIML230
        with open(path, "rb") as fh:
            other = pickle.load(fh)  # want: AIML230
        return repr((est, other, unpickle(path.encode())))  # want: AIML230


# BentoML < 1.2: an API registered on a bentoml.Service.
svc = bentoml.Service("legacy")


@svc.api(input=bentoml.io.File(), output=bentoml.io.JSON())
def predict(f):
    model = joblib.load(f)  # want: AIML230
    return {"n": len(model.classes_)}
