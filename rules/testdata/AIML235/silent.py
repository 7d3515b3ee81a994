# Spec example (silent): only transform inside the batch handler.
import numpy as np
from ray import serve
from sklearn.preprocessing import StandardScaler

from scoring.models import load_model, load_training_frame


@serve.deployment
class Scorer:
    def __init__(self):
        self.scaler = StandardScaler()
        self.scaler.fit(load_training_frame())  # fitted at startup
        self.model = load_model()

    @serve.batch(max_batch_size=32)
    async def __call__(self, rows):
        X = self.scaler.transform(np.stack(rows))
        return self.model.predict(X).tolist()


# A refit in a handler that is not a dynamic-batch handler: AIML162's.
from fastapi import FastAPI

app = FastAPI()
SCALER = StandardScaler()
clf = load_model()


@app.post("/score")
def score(rows: list):
    X = SCALER.fit_transform(np.asarray(rows))  # want: AIML162
    return {"y": clf.predict(X).tolist()}


# BentoML API without batchable=True is not a dynamic-batch handler.
import bentoml


@bentoml.service
class NotBatched:
    @bentoml.api
    def predict(self, inputs: np.ndarray) -> np.ndarray:
        return clf.predict(StandardScaler().fit_transform(inputs))  # want: AIML162


@bentoml.service
class ExplicitFalse:
    @bentoml.api(batchable=False)
    def predict(self, inputs: np.ndarray) -> np.ndarray:
        return clf.predict(SCALER.transform(inputs))


# Training the model itself in a batch handler is not a preprocessing refit.
from sklearn.linear_model import SGDClassifier


class Online:
    def __init__(self):
        self.model = SGDClassifier()

    @serve.batch
    async def learn(self, rows):
        self.model.partial_fit(np.stack(rows), [0] * len(rows), classes=[0, 1])
        return ["ok"] * len(rows)


# An untyped receiver: its class cannot be known.
class Untyped:
    def __init__(self, pre):
        self.pre = pre

    @serve.batch
    async def __call__(self, rows):
        return self.pre.fit_transform(np.stack(rows)).tolist()


# A nested helper defined inside the batch handler is its own function.
class Nested:
    @serve.batch
    async def __call__(self, rows):
        def offline_refit(frame):
            return StandardScaler().fit(frame)

        return [offline_refit] * len(rows)
