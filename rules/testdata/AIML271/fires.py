import numpy as np
import pandas as pd
import shap
import torch
from fastapi import FastAPI
from flask import Flask, request
from ray import serve
from shap import DeepExplainer
from shap.explainers import Permutation
from shap.maskers import Partition
from starlette.requests import Request

app = Flask(__name__)
api = FastAPI()


@app.post("/explain")
def explain():
    background = pd.DataFrame(request.json["background"])
    explainer = shap.KernelExplainer(model.predict_proba, background)  # want: AIML271
    values = explainer.shap_values(pd.DataFrame([request.json["row"]]))
    return {"shap": [v.tolist() for v in values]}


@api.post("/explain/unified")
def explain_unified(payload: dict):
    explainer = shap.Explainer(model, masker=pd.DataFrame(payload["background"]))  # want: AIML271
    return explainer(pd.DataFrame([payload["row"]])).values.tolist()


@api.post("/explain/deep")
def explain_deep(payload: dict):
    explainer = DeepExplainer(
        net,
        torch.tensor(payload["background"]),  # want: AIML271
    )
    return explainer.shap_values(torch.tensor(payload["x"])).tolist()


@app.post("/explain/independent")
def explain_independent():
    masker = shap.maskers.Independent(data=np.asarray(request.get_json()["bg"]), max_samples=50)  # want: AIML271
    return shap.Explainer(model.predict, masker)(np.asarray(request.get_json()["x"])).values.tolist()


@app.post("/explain/partition")
def explain_partition():
    bg = pd.DataFrame.from_records(request.json["bg"])
    masker = Partition(bg, clustering="correlation")  # want: AIML271
    return shap.Explainer(model.predict, masker)(bg.iloc[:1]).values.tolist()


@app.post("/explain/tree")
def explain_tree():
    rows = request.json["reference_rows"]
    explainer = shap.TreeExplainer(booster, data=pd.DataFrame(rows), feature_perturbation="interventional")  # want: AIML271
    return explainer.shap_values(pd.DataFrame([request.json["row"]])).tolist()


@app.post("/explain/linear")
def explain_linear():
    explainer = shap.LinearExplainer(linear_model, data=np.array(request.json["bg"]))  # want: AIML271
    return explainer.shap_values(np.array([request.json["row"]])).tolist()


@serve.deployment
class Explainer:
    async def __call__(self, http_request: Request):
        body = await http_request.json()
        explainer = Permutation(self.model.predict, pd.DataFrame(body["background"]))  # want: AIML271
        return explainer(pd.DataFrame(body["rows"])).values.tolist()
