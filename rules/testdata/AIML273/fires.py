import io
import os
import urllib.request
from pathlib import Path

import mlflow
import requests
import shap
from alibi.saving import load_explainer as alibi_load
from flask import Flask, request
from huggingface_hub import hf_hub_download, snapshot_download

app = Flask(__name__)


def load_explainer(repo_id):
    path = hf_hub_download(repo_id, "explainer.shap")
    with open(path, "rb") as fh:
        return shap.Explainer.load(fh)  # want: AIML273


def load_tree_explainer(repo_id):
    local = snapshot_download(repo_id=repo_id)
    fh = open(os.path.join(local, "tree.shap"), "rb")
    return shap.TreeExplainer.load(fh)  # want: AIML273


def load_from_url(url):
    filename, _ = urllib.request.urlretrieve(url)
    with open(filename, "rb") as fh:
        return shap.explainers.Permutation.load(  # want: AIML273
            fh, instantiate=True
        )


def load_alibi(repo_id, predictor):
    root = Path(snapshot_download(repo_id))
    return alibi_load(root / "anchor", predictor=predictor)  # want: AIML273


@app.post("/explainer")
def upload_explainer():
    return shap.Explainer.load(io.BytesIO(request.data))  # want: AIML273


@app.post("/explainer/mlflow")
def mlflow_explainer():
    return mlflow.shap.load_explainer(request.json["model_uri"])  # want: AIML273


class Registry:
    def fetch(self, url):
        resp = requests.get(url, timeout=10)
        return shap.KernelExplainer.load(io.BytesIO(resp.content))  # want: AIML273


def load_retrieved(url):
    urllib.request.urlretrieve(url, "explainer.shap")
    with open("explainer.shap", "rb") as fh:
        return shap.Explainer.load(in_file=fh)  # want: AIML273
