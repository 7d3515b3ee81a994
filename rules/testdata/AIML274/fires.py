import captum.attr as ca
import torch
from captum.attr import (
    DeepLift,
    GradientShap,
    IntegratedGradients,
    NeuronIntegratedGradients,
    NoiseTunnel,
    Occlusion,
)
from fastapi import FastAPI
from flask import Flask, request
from kserve import Model

app = FastAPI()
web = Flask(__name__)


@app.post("/saliency")
def saliency(payload: dict):
    x = torch.tensor(payload["image"]).unsqueeze(0)
    ig = IntegratedGradients(model)
    attr = ig.attribute(x, baselines=torch.tensor(payload["baseline"]).unsqueeze(0), target=payload["label"])  # want: AIML274
    return {"attr": attr.squeeze(0).tolist()}


@app.post("/saliency/deeplift")
def deeplift(payload: dict):
    x = torch.tensor(payload["image"])
    dl = DeepLift(model)
    return dl.attribute(x, torch.tensor(payload["reference"]), target=0).tolist()  # want: AIML274


@app.post("/saliency/neuron")
def neuron(payload: dict):
    x = torch.tensor(payload["image"])
    nig = NeuronIntegratedGradients(model, model.fc1)
    return nig.attribute(x, (0, 3), torch.tensor(payload["baseline"])).tolist()  # want: AIML274


@web.post("/occlusion")
def occlusion():
    x = torch.tensor(request.json["image"])
    occ = Occlusion(model)
    return occ.attribute(x, sliding_window_shapes=(3, 15, 15), baselines=request.json["fill"]).tolist()  # want: AIML274


@web.post("/smoothgrad")
def smoothgrad():
    x = torch.tensor(request.json["image"])
    nt = NoiseTunnel(IntegratedGradients(model))
    return nt.attribute(
        x,
        nt_type="smoothgrad",
        baselines=torch.tensor(request.json["baseline"]),  # want: AIML274
    ).tolist()


@web.post("/layer")
def layer():
    ids = torch.tensor(request.json["input_ids"])
    lig = ca.LayerIntegratedGradients(model, model.embeddings)
    return lig.attribute(ids, baselines=torch.tensor(request.json["ref_ids"]), target=1).tolist()  # want: AIML274


class SaliencyModel(Model):
    def load(self):
        self.explainer = GradientShap(self.net)

    def explain(self, payload, headers=None):
        x = torch.tensor(payload["instances"])
        refs = torch.tensor(payload["baselines"])
        return self.explainer.attribute(x, baselines=refs, n_samples=20).tolist()  # want: AIML274
