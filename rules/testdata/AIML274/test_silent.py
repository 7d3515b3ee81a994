import torch
from captum.attr import IntegratedGradients
from fastapi import FastAPI

app = FastAPI()


@app.post("/saliency")
def saliency(payload: dict):
    x = torch.tensor(payload["image"])
    return IntegratedGradients(model).attribute(x, baselines=torch.tensor(payload["baseline"])).tolist()
