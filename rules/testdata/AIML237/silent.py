# Spec example (silent): sticky assignment from an authenticated id.
import hashlib
import logging
import random

import numpy as np
from fastapi import Depends, FastAPI
from pydantic import BaseModel

from auth import current_user
from moderation import lenient_model, strict_model

app = FastAPI()
log = logging.getLogger(__name__)


class Post(BaseModel):
    text: str


@app.post("/moderate")
def moderate(req: Post, user=Depends(current_user)):
    arm = int(hashlib.sha256(user.id.encode()).hexdigest(), 16) % 2
    model = (strict_model, lenient_model)[arm]
    return {"flagged": bool(model.predict([req.text])[0])}


# Random used only to sample logs/metrics.
@app.post("/sampled")
def sampled(req: Post):
    y = strict_model.predict([req.text])
    if random.random() < 0.01:
        log.info("sample %s -> %s", req.text, y)
    return {"y": y.tolist()}


# Shadow sampling with no else branch: the served model does not change.
@app.post("/shadow")
def shadow(req: Post):
    if random.random() < 0.1:
        lenient_model.predict([req.text])
    return {"y": strict_model.predict([req.text]).tolist()}


# Random choice of something that is not run as a model.
@app.post("/greeting")
def greeting(req: Post):
    hello = random.choice(["hi", "hello", "hey"])
    return {"msg": hello, "y": strict_model.predict([req.text]).tolist()}


# Offline evaluation outside a request handler.
def evaluate(rows):
    model = random.choice([strict_model, lenient_model])
    return model.predict(rows)


# Both branches run the same model (random only picks a threshold).
@app.post("/threshold")
def threshold(req: Post):
    if random.random() < 0.5:
        y = strict_model.predict([req.text])
    else:
        y = strict_model.predict([req.text])
    return {"y": y.tolist()}


# A random choice from a non-literal pool (dropout of features), and a one-element list.
@app.post("/features")
def features(req: Post, pool: list):
    col = np.random.choice(pool)
    only = random.choice([strict_model])
    return {"y": only.predict([req.text, col]).tolist()}
