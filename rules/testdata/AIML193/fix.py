import torch
from flask import Flask, request

app = Flask(__name__)
model = torch.nn.Linear(4, 2)


@app.post("/update")
def apply_update():
    model.weight.grad = torch.tensor(request.json["g"])  # want: AIML193
    return "ok"
