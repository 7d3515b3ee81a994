import argparse
import sys

import numpy as np
import pandas as pd
import shap
from flask import Flask, request

app = Flask(__name__)
BACKGROUND = shap.sample(pd.read_parquet("train_sample.parquet"), 200, random_state=0)
BACKGROUNDS = {"credit": np.load("bg/credit.npy"), "fraud": np.load("bg/fraud.npy")}


@app.post("/explain")
def explain():
    explainer = shap.KernelExplainer(model.predict_proba, BACKGROUND)
    values = explainer.shap_values(pd.DataFrame([request.json["row"]]))
    return {"shap": [v.tolist() for v in values]}


@app.post("/explain/kmeans")
def explain_kmeans():
    background = shap.kmeans(X_train, 10)
    explainer = shap.KernelExplainer(model.predict_proba, background)
    return explainer.shap_values(np.array([request.json["row"]])).tolist()


@app.post("/explain/instance")
def explain_instance():
    explainer = shap.Explainer(model, BACKGROUND)
    return explainer(pd.DataFrame([request.json["row"]])).values.tolist()


@app.post("/explain/text")
def explain_text():
    masker = shap.maskers.Text(tokenizer)
    explainer = shap.Explainer(pipe, masker)
    return explainer([request.json["text"]]).values.tolist()


@app.post("/explain/selected")
def explain_selected():
    background = BACKGROUNDS[request.json["model"]]
    explainer = shap.KernelExplainer(model.predict_proba, background)
    return explainer.shap_values(np.array([request.json["row"]])).tolist()


@app.post("/explain/tree")
def explain_tree():
    explainer = shap.TreeExplainer(booster, feature_perturbation="tree_path_dependent")
    return explainer.shap_values(pd.DataFrame([request.json["row"]])).tolist()


@app.post("/explain/image")
def explain_image():
    masker = shap.maskers.Image("inpaint_telea", (224, 224, 3))
    explainer = shap.Explainer(classify, masker)
    return explainer(np.array([request.json["image"]])).values.tolist()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--background")
    args = parser.parse_args()
    explainer = shap.KernelExplainer(model.predict_proba, np.array(args.background))
    explainer2 = shap.KernelExplainer(model.predict_proba, np.array(sys.argv[1:]))
    return explainer, explainer2
