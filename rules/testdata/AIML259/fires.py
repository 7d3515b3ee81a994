# Spec example (fires), then variants.
from fastapi import FastAPI
from pydantic import BaseModel
from sklearn.linear_model import SGDClassifier

app = FastAPI()
clf = SGDClassifier(loss="log_loss")


class Example(BaseModel):
    features: list
    label: int


@app.post("/label")
def label(ex: Example):
    clf.partial_fit([ex.features], [ex.label], classes=[0, 1])  # want: AIML259
    return {"ok": True}


# Flask route, Keras model loaded at module level, train_on_batch and fit.
import numpy as np
import tensorflow as tf
from flask import Flask, request

web = Flask(__name__)
keras_model = tf.keras.models.load_model("model.keras")


@web.post("/feedback")
def feedback():
    x = np.array(request.json["x"])
    keras_model.train_on_batch(x, np.array(request.json["y"]))  # want: AIML259
    keras_model.fit(  # want: AIML259
        x,
        epochs=1,
    )
    return "ok"


# A fresh local estimator that is then persisted is the served model.
import joblib
from sklearn.ensemble import RandomForestClassifier


@app.post("/retrain")
def retrain(ex: Example):
    model = RandomForestClassifier()
    model.fit([ex.features], [ex.label])  # want: AIML259
    joblib.dump(model, "model.joblib")
    return {"ok": True}


# Ray Serve deployment: self attribute typed from __init__.
from ray import serve


@serve.deployment
class Learner:
    def __init__(self):
        self.clf = SGDClassifier()

    async def __call__(self, req):
        body = await req.json()
        self.clf.partial_fit(body["X"], body["y"])  # want: AIML259
        return "ok"


# (b) torch optimizer step after backward on request data, with AMP
# (AIML203 defers to this rule on the same step()).
import torch

net = torch.nn.Linear(4, 2)
optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
scaler = torch.cuda.amp.GradScaler()


@app.post("/online")
def online(ex: Example):
    x = torch.tensor([ex.features], dtype=torch.float32)
    y = torch.tensor([ex.label])
    loss = torch.nn.functional.cross_entropy(net(x), y)
    scaler.scale(loss).backward()
    optimizer.step()  # want: AIML259
    return {"loss": float(loss)}


@app.post("/online2")
def online2(ex: Example):
    opt = torch.optim.Adam(net.parameters())
    out = net(torch.tensor([ex.features]))
    loss = out.sum() * 2
    loss.backward()
    opt.step()  # want: AIML259
    return {"ok": True}


# A Sequential model built at module level.
from tensorflow import keras

seq = keras.Sequential([keras.layers.Dense(1)])


@app.post("/seq")
def seq_update(ex: Example):
    seq.fit([ex.features], [ex.label], epochs=1)  # want: AIML259
    return {"ok": True}
