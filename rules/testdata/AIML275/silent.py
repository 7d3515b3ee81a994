import torch
from flask import Flask, request
from transformers import AutoModelForSequenceClassification

app = Flask(__name__)
CACHES = {}
HEAD_MASK = torch.ones(12, 12)


@app.post("/moderate")
def moderate():
    enc = tok(request.json["text"], return_tensors="pt")
    out = clf(**enc)
    return {"toxic": int(out.logits.argmax(-1)[0])}


@app.post("/moderate/masked")
def moderate_masked():
    enc = tok(request.json["text"], return_tensors="pt")
    out = clf(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"], head_mask=HEAD_MASK)
    return {"toxic": int(out.logits.argmax(-1)[0])}


@app.post("/chat")
def chat():
    session_id = request.json["session"]
    ids = tok(request.json["text"], return_tensors="pt").input_ids
    out = lm(ids, past_key_values=CACHES[session_id], use_cache=True)
    CACHES[session_id] = out.past_key_values
    return tok.decode(out.logits.argmax(-1)[0])


@app.post("/continue")
def continue_generation():
    ids = tok(request.json["text"], return_tensors="pt").input_ids
    first = lm(ids, use_cache=True)
    nxt = lm(ids[:, -1:], past_key_values=first.past_key_values)
    return tok.decode(nxt.logits.argmax(-1)[0])


@app.post("/flag")
def flag():
    enabled = bool(request.json["ablate"])
    return clf(tok(request.json["text"], return_tensors="pt").input_ids, head_mask=enabled).logits.argmax(-1).tolist()


def offline(mask_file):
    return clf(torch.ones(1, 8, dtype=torch.long), head_mask=torch.load(mask_file, weights_only=True))
