import torch
from fastapi import FastAPI

app = FastAPI()
float_model = torch.nn.Linear(4, 2)


@app.post("/optimize")
def optimize(rows: list):
    prepared = torch.ao.quantization.prepare(float_model)  # want: AIML256
    prepared(torch.tensor(rows))
    app.state.model = torch.ao.quantization.convert(prepared)
