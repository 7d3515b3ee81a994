import hashlib
import hmac
import io
import os
import sys

import mlflow
import shap
from flask import Flask, request
from huggingface_hub import hf_hub_download

app = Flask(__name__)
EXPECTED_SHA256 = "0" * 64


def load_explainer():
    with open("artifacts/explainer.shap", "rb") as fh:
        return shap.Explainer.load(fh)


def load_from_settings(settings):
    with open(settings.explainer_path, "rb") as fh:
        return shap.Explainer.load(fh)


def load_from_cli():
    with open(sys.argv[1], "rb") as fh:
        return shap.Explainer.load(fh)


def load_env():
    with open(os.environ["EXPLAINER_PATH"], "rb") as fh:
        return shap.Explainer.load(fh)


def load_verified(repo_id):
    path = hf_hub_download(repo_id, "explainer.shap")
    data = open(path, "rb").read()
    if hashlib.sha256(data).hexdigest() != EXPECTED_SHA256:
        raise ValueError("explainer digest mismatch")
    return shap.Explainer.load(io.BytesIO(data))


def load_hmac(repo_id, key, tag):
    path = hf_hub_download(repo_id, "explainer.shap")
    data = open(path, "rb").read()
    if not hmac.compare_digest(hmac.new(key, data, "sha256").hexdigest(), tag):
        raise ValueError("bad tag")
    return shap.Explainer.load(io.BytesIO(data))


def load_pinned(repo_id):
    path = hf_hub_download(repo_id, "explainer.shap", revision="0123456789abcdef0123456789abcdef01234567")
    with open(path, "rb") as fh:
        return shap.Explainer.load(fh)


@app.post("/explain")
def explain():
    with open("artifacts/explainer.shap", "rb") as fh:
        explainer = shap.Explainer.load(fh)
    return explainer(request.json["rows"]).values.tolist()


@app.post("/explainer/mlflow")
def mlflow_explainer():
    return mlflow.shap.load_explainer("models:/credit-explainer/3")


def save(explainer):
    with open("explainer.shap", "wb") as fh:
        explainer.save(fh)
