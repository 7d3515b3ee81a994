# Spec example (silent), then look-alikes.
import torch
from fastapi import FastAPI
from pydantic import BaseModel
from transformers import AutoModelForSequenceClassification, AutoTokenizer

app = FastAPI()
tok = AutoTokenizer.from_pretrained("distilbert-base-uncased", revision="0" * 40)
model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", revision="0" * 40)
LABELS = ["neg", "pos"]


class Text(BaseModel):
    text: str


@app.post("/classify")
def classify(req: Text):
    out = model(**tok(req.text, return_tensors="pt"))
    return {"label": int(out.logits[0].argmax())}


# Top-k of the softmax, torch.argmax, numpy.argmax.
import numpy as np


@app.post("/topk")
def topk(req: Text):
    out = model(**tok(req.text, return_tensors="pt"))
    top = torch.softmax(out.logits, -1).topk(3)
    return {"top": top.indices.tolist(), "label": int(torch.argmax(out.logits)), "np": int(np.argmax(out.logits.numpy()))}


# Logits used internally only; shape metadata.
@app.post("/label")
def label(req: Text):
    out = model(**tok(req.text, return_tensors="pt"))
    pred = out.logits.argmax(-1).item()
    return {"label": LABELS[pred], "classes": out.logits.shape[-1]}


# Not a request handler.
def debug_dump(text):
    out = model(**tok(text, return_tensors="pt"))
    return out.logits.tolist()


# KServe predict handing to postprocess, which reduces.
import kserve


class Classifier(kserve.Model):
    def predict(self, payload, headers=None):
        out = model(**tok(payload["text"], return_tensors="pt"))
        return out.logits

    def postprocess(self, logits, headers=None):
        return {"predictions": logits.argmax(-1).tolist()}


# A loss value is one number.
import torch.nn.functional as F


@app.post("/eval")
def evaluate(req: Text):
    out = model(**tok(req.text, return_tensors="pt"))
    loss = F.cross_entropy(out.logits, torch.tensor([1]))
    return {"loss": loss.item()}


# Logits handed to a helper that returns a label (opaque call).
class Output:
    @classmethod
    def from_result(cls, logits):
        return {"class_name": LABELS[int(logits.argmax())]}


@app.post("/helper")
def helper(req: Text):
    outputs = model(**tok(req.text, return_tensors="pt"))
    return Output.from_result(outputs.logits)


# One probability, not the vector: float() of a single element.
@app.post("/score-one")
def score_one(text: str):
    out = model(**tok(text, return_tensors="pt"))
    return {"p": float(out.logits.softmax(-1)[0, 1]), "q": out.logits.softmax(-1)[0, 0].item()}
