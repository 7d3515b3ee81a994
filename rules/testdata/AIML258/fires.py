# Spec example (fires), then variants.
import torch
from fastapi import FastAPI
from pydantic import BaseModel
from transformers import AutoModelForSequenceClassification, AutoTokenizer

app = FastAPI()
tok = AutoTokenizer.from_pretrained("distilbert-base-uncased", revision="0" * 40)
model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", revision="0" * 40)


class Text(BaseModel):
    text: str


@app.post("/classify")
def classify(req: Text):
    out = model(**tok(req.text, return_tensors="pt"))
    return {"logits": out.logits[0].tolist()}  # want: AIML258


# Softmax of the logits is still the full soft-label vector.
@app.post("/probs")
def probs(req: Text):
    out = model(**tok(req.text, return_tensors="pt"))
    return {"probs": torch.softmax(out.logits, dim=-1).tolist()}  # want: AIML258


# One step through a local variable.
@app.post("/probs2")
def probs2(req: Text):
    out = model(**tok(req.text, return_tensors="pt"))
    p = out.logits.softmax(-1)  # want: AIML258
    return {"label": int(p.argmax()), "scores": p.tolist()}


# Flask jsonify and a JSONResponse.
from fastapi.responses import JSONResponse
from flask import Flask, jsonify, request

web = Flask(__name__)


@web.post("/score")
def score():
    out = model(**tok(request.json["text"], return_tensors="pt"))
    resp = jsonify(
        scores=out.logits.detach().cpu().numpy().tolist(),  # want: AIML258
    )
    return resp


@app.post("/score2")
async def score2(req: Text):
    out = model(**tok(req.text, return_tensors="pt"))
    return JSONResponse({"raw": out.logits.tolist(), "label": int(out.logits.argmax())})  # want: AIML258


# KServe predict without a postprocess override returns to the client.
import kserve


class Classifier(kserve.Model):
    def predict(self, payload, headers=None):
        out = model(**tok(payload["text"], return_tensors="pt"))
        return {"predictions": out.logits.tolist()}  # want: AIML258


# A dict comprehension of per-class probabilities.
LABELS = ["neg", "pos"]


@app.post("/per_class")
def per_class(req: Text):
    out = model(**tok(req.text, return_tensors="pt"))
    return {k: v for k, v in zip(LABELS, out.logits.softmax(-1)[0].tolist())}  # want: AIML258
