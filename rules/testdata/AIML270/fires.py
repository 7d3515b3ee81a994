from flask import Flask, request
from fastapi import FastAPI
from pydantic import BaseModel
from ray import serve
import joblib
import numpy as np
from river import linear_model

app = Flask(__name__)
api = FastAPI()
model = joblib.load("spam_sgd.joblib")
online = linear_model.LogisticRegression()


@app.post("/feedback")
def feedback():
    x = vectorizer.transform([request.json["text"]])
    model.partial_fit(x, [request.json["is_spam"]])  # want: AIML270
    return {"status": "learned"}


class Example(BaseModel):
    features: dict
    label: int


@api.post("/learn")
def learn(ex: Example):
    online.learn_one(ex.features, ex.label)  # want: AIML270
    return {"ok": True}


def relabel_view():
    rows = request.get_json()
    model.fit(
        np.array([r["x"] for r in rows]),
        y=np.array([r["y"] for r in rows]),  # want: AIML270
    )
    return "ok"


app.add_url_rule("/relabel", view_func=relabel_view, methods=["POST"])


@serve.deployment
class OnlineLearner:
    def __init__(self):
        self.model = joblib.load("model.joblib")

    async def __call__(self, http_request):
        body = await http_request.json()
        self.model.partial_fit([body["x"]], [body["y"]])  # want: AIML270
        return {"ok": True}


@app.post("/batch")
def batch():
    online.learn_many(load_frame(request.json["ids"]), request.json["labels"])  # want: AIML270
    return {}


def retrain_helper(net, x, y):
    net.train_on_batch(x, y)


@app.post("/keras-feedback")
def keras_feedback():
    nn = load_net()
    nn.train_on_batch(np.array(request.json["x"]), np.array(request.json["y"]))  # want: AIML270
    return {}


@app.post("/persisted")
def persisted():
    fresh = linear_model.LogisticRegression()
    fresh.learn_many(load_frame(), request.json["labels"])  # want: AIML270
    joblib.dump(fresh, "model.joblib")
    return {}
