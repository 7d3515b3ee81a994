# Spec example (fires), then variants.
import random

from fastapi import FastAPI
from pydantic import BaseModel

from moderation import lenient_model, strict_model

app = FastAPI()


class Post(BaseModel):
    text: str


@app.post("/moderate")
def moderate(req: Post):
    model = random.choice([strict_model, lenient_model])  # want: AIML237
    return {"flagged": bool(model.predict([req.text])[0])}


# random.choices(...)[0] run directly; from-import spelling.
from random import choices


@app.post("/moderate2")
def moderate2(req: Post):
    score = choices((strict_model, lenient_model), weights=[0.9, 0.1])[0].predict_proba([req.text])  # want: AIML237
    return {"score": score.tolist()}


# numpy.random.choice on a list of arms; the arm is called.
import numpy as np


@app.post("/rank")
def rank(req: Post):
    scorer = np.random.choice([strict_model, lenient_model])  # want: AIML237
    return {"s": scorer([req.text])}


# Conditional expression on random.random(), Flask route.
from flask import Flask, jsonify, request

web = Flask(__name__)


@web.route("/predict", methods=["POST"])
def predict():
    model = lenient_model if random.random() < 0.1 else strict_model  # want: AIML237
    return jsonify(model.predict([request.json["features"]]).tolist())


# An if whose branches run different models, random.uniform, inside a class route.
@web.post("/fraud")
def fraud():
    x = request.json["x"]
    if random.uniform(0, 1) > 0.8:  # want: AIML237
        y = lenient_model.predict([x])
    else:
        y = strict_model.predict([x])
    return jsonify(y.tolist())


# LLM arms: the chosen client generates; multi-line call.
@app.post("/chat")
async def chat(req: Post):
    llm = random.choice(  # want: AIML237
        [strict_model, lenient_model],
    )
    return {"text": llm.generate(req.text)}


# numpy.random.rand() in a conditional expression used inline.
@app.post("/inline")
def inline(req: Post):
    return {"y": (strict_model if np.random.rand() < 0.5 else lenient_model).predict([req.text]).tolist()}  # want: AIML237
