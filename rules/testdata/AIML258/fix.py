import torch
from fastapi import FastAPI
from flask import Flask, jsonify, request

app = FastAPI()
web = Flask(__name__)
model = torch.nn.Linear(4, 2)


@app.post("/classify")
def classify(rows: list):
    out = model(torch.tensor(rows))
    return {"logits": out.logits[0].tolist()}  # want: AIML258


@web.post("/score")
def score():
    out = model(torch.tensor(request.json["rows"]))
    return jsonify(scores=out.logits.cpu().tolist())  # want: AIML258


@app.post("/raw")
def raw(rows: list):
    out = model(torch.tensor(rows))
    return out.logits.tolist()  # want: AIML258


# Guidance: softmax over the logits.
@app.post("/probs")
def probs(rows: list):
    out = model(torch.tensor(rows))
    return {"probs": torch.softmax(out.logits, -1).tolist()}  # want: AIML258
