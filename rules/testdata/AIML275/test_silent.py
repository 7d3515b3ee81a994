import torch
from flask import Flask, request
from transformers import AutoModel

app = Flask(__name__)


@app.post("/moderate")
def moderate():
    return clf(torch.tensor(request.json["ids"]), head_mask=torch.tensor(request.json["head_mask"])).logits.tolist()
