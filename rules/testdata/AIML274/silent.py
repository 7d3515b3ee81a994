import sys

import torch
from captum.attr import IntegratedGradients, NeuronIntegratedGradients, Occlusion
from fastapi import FastAPI

app = FastAPI()
BASELINES = {"black": torch.zeros(1, 3, 224, 224), "blur": torch.load("blur.pt", weights_only=True)}


@app.post("/saliency")
def saliency(payload: dict):
    x = torch.tensor(payload["image"]).unsqueeze(0)
    ig = IntegratedGradients(model)
    attr = ig.attribute(x, baselines=torch.zeros_like(x), target=payload["label"])
    return {"attr": attr.squeeze(0).tolist()}


@app.post("/saliency/default")
def saliency_default(payload: dict):
    x = torch.tensor(payload["image"]).unsqueeze(0)
    ig = IntegratedGradients(model)
    return ig.attribute(x, target=payload["label"]).tolist()


@app.post("/saliency/stored")
def saliency_stored(payload: dict):
    x = torch.tensor(payload["image"]).unsqueeze(0)
    ig = IntegratedGradients(model)
    return ig.attribute(x, baselines=BASELINES[payload["kind"]], target=payload["label"]).tolist()


@app.post("/occlusion")
def occlusion(payload: dict):
    x = torch.tensor(payload["image"])
    occ = Occlusion(model)
    return occ.attribute(x, tuple(payload["window"]), target=0).tolist()


@app.post("/neuron")
def neuron(payload: dict):
    x = torch.tensor(payload["image"])
    nig = NeuronIntegratedGradients(model, model.fc1)
    return nig.attribute(x, tuple(payload["neuron"])).tolist()


@app.post("/other")
def other(payload: dict):
    return annotator.attribute(payload["x"], baselines=payload["baseline"])


def offline():
    ig = IntegratedGradients(model)
    x = torch.load(sys.argv[1], weights_only=True)
    return ig.attribute(x, baselines=torch.tensor(float(sys.argv[2])))
