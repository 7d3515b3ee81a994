import os
import sys

import joblib
import numpy as np
import requests
from flask import Flask, request
from river import linear_model
from sklearn.preprocessing import StandardScaler

app = Flask(__name__)
model = joblib.load("spam_sgd.joblib")
online = linear_model.LogisticRegression()
feedback_queue = make_queue()


@app.post("/feedback")
def feedback():
    feedback_queue.put({"text": request.json["text"], "label": request.json["is_spam"]})
    return {"status": "queued"}


@app.post("/features-only")
def features_only():
    model.partial_fit(np.array(request.json["x"]), load_labels())
    return {}


@app.post("/sandbox")
def sandbox():
    m = linear_model.LogisticRegression()
    for x, y in zip(request.json["xs"], request.json["ys"]):
        m.learn_one(x, y)
    return {"proba": m.predict_proba_one(request.json["q"])}


@app.post("/scaler")
def scaler_refit():
    sc = StandardScaler()
    sc.partial_fit(np.array(request.json["x"]), request.json["y"])
    return {}


def offline(path):
    labels = np.load(path)
    model.fit(load_features(), labels)
    model.fit(load_features(), np.array(sys.argv[2:]))
    model.fit(load_features(), os.environ["LABEL"])


def from_network():
    labels = requests.get("http://labeler/labels").json()
    online.learn_many(load_frame(), labels)


@app.post("/flag")
def bool_label():
    online.learn_one({"x": 1}, bool(request.json["spam"]))
    return {}
