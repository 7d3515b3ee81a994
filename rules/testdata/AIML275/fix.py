import torch
from flask import Flask, request
from transformers import AutoModelForSequenceClassification

app = Flask(__name__)


@app.post("/moderate")
def moderate():
    enc = tok(request.json["text"], return_tensors="pt")
    out = clf(**enc, head_mask=torch.tensor(request.json["head_mask"]))  # want: AIML275
    return {"toxic": int(out.logits.argmax(-1)[0])}


@app.post("/generate")
def generate():
    enc = tok(request.json["prompt"], return_tensors="pt")
    out = lm.generate(
        **enc,
        past_key_values=request.json["cache"],  # want: AIML275
        max_new_tokens=32,
    )
    return tok.decode(out[0])


@app.post("/first")
def first():
    return lm(past_key_values=request.json["cache"], input_ids=torch.tensor(request.json["ids"])).logits.argmax(-1).tolist()  # want: AIML275


@app.post("/both")
def both():
    body = request.get_json()
    return lm(head_mask=body["mask"], past_key_values=body["cache"], input_ids=torch.tensor(body["ids"])).logits.argmax(-1).tolist()  # want: AIML275 AIML275


@app.post("/both/lines")
def both_lines():
    body = request.get_json()
    out = seq2seq(
        input_ids=torch.tensor(body["ids"]),
        decoder_head_mask=torch.tensor(body["decoder_mask"]),  # want: AIML275
        cross_attn_head_mask=torch.tensor(body["cross_mask"]),  # want: AIML275
    )
    return out.logits.argmax(-1).tolist()
