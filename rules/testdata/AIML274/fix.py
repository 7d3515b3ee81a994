import torch as T
from captum.attr import DeepLift, IntegratedGradients
from fastapi import FastAPI

app = FastAPI()


@app.post("/saliency")
def saliency(payload: dict):
    x = T.tensor(payload["image"]).unsqueeze(0)
    ig = IntegratedGradients(model)
    attr = ig.attribute(x, baselines=T.tensor(payload["baseline"]).unsqueeze(0), target=payload["label"])  # want: AIML274
    return {"attr": attr.squeeze(0).tolist()}


@app.post("/saliency/positional")
def positional(payload: dict):
    dl = DeepLift(model)
    return dl.attribute(payload_tensor, T.tensor(payload["reference"]), target=0).tolist()  # want: AIML274


@app.post("/saliency/multi")
def multi(payload: dict):
    inputs = (T.tensor(payload["a"]), T.tensor(payload["b"]))
    ig = IntegratedGradients(model)
    return ig.attribute(inputs, baselines=T.tensor(payload["baseline"])).tolist()  # want: AIML274


@app.post("/saliency/call")
def call_input(payload: dict):
    ig = IntegratedGradients(model)
    return ig.attribute(T.tensor(payload["image"]), baselines=T.tensor(payload["baseline"])).tolist()  # want: AIML274
