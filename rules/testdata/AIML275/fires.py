import torch
from fastapi import FastAPI
from flask import Flask, request
from transformers import AutoModelForCausalLM, AutoModelForSequenceClassification, AutoTokenizer

app = Flask(__name__)
api = FastAPI()


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


@api.post("/translate")
def translate(payload: dict):
    enc = tok(payload["text"], return_tensors="pt")
    out = seq2seq(
        **enc,
        decoder_input_ids=enc["input_ids"][:, :1],
        decoder_head_mask=torch.tensor(payload["decoder_mask"]),  # want: AIML275
        cross_attn_head_mask=torch.tensor(payload["cross_mask"]),  # want: AIML275
    )
    return out.logits.argmax(-1).tolist()


@api.post("/resume")
def resume(payload: dict):
    cache = tuple([(torch.tensor(k), torch.tensor(v)) for k, v in payload["past"]])
    return lm(torch.tensor(payload["ids"]), past_key_values=cache).logits.argmax(-1).tolist()  # want: AIML275


class Classifier:
    def __init__(self):
        self.model = AutoModelForSequenceClassification.from_pretrained("org/clf")

    @app.post("/score")
    def score(self):
        mask = torch.tensor(request.get_json()["mask"])
        return self.model(torch.tensor(request.get_json()["ids"]), head_mask=mask).logits.argmax(-1).tolist()  # want: AIML275
