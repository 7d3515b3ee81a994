import argparse
import os

import numpy as np
import pandas as pd
import requests
from alibi_detect.cd import KSDrift
from evidently import Report
from evidently.presets import DataDriftPreset
from flask import Flask, request

app = Flask(__name__)
REFERENCE_FILES = {"churn": "refs/churn.npy", "fraud": "refs/fraud.npy"}
REFERENCES = {"churn": np.load("refs/churn.npy")}


def load_reference(name):
    return np.load(f"refs/{name}.npy")


@app.post("/drift/check")
def check_drift():
    ref = np.load(REFERENCE_FILES[request.json["model"]])
    cd = KSDrift(ref, p_val=0.05)
    preds = cd.predict(load_recent_batch())
    return {"drift": bool(preds["data"]["is_drift"])}


@app.post("/selected")
def selected():
    cd = KSDrift(REFERENCES[request.json["model"]])
    cd2 = KSDrift(load_reference(request.json["model"]))
    return {"a": cd.predict(load_recent_batch()), "b": cd2.predict(load_recent_batch())}


@app.post("/compare")
def comparison_as_a_service():
    ref = np.asarray(request.json["reference"])
    cd = KSDrift(ref, p_val=0.05)
    return {"drift": bool(cd.predict(np.asarray(request.json["current"]))["data"]["is_drift"])}


@app.post("/compare-report")
def compare_report():
    body = request.get_json()
    snap = Report([DataDriftPreset()]).run(pd.DataFrame(body["current"]), pd.DataFrame(body["reference"]))
    return snap.json()


def cli():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ref")
    args = parser.parse_args()
    cd = KSDrift(np.load(args.ref))
    cd2 = KSDrift(np.load(os.environ["REF_PATH"]))
    return cd, cd2


def remote():
    ref = np.asarray(requests.get("https://feature-store/ref").json())
    return KSDrift(ref)


@app.post("/flag")
def only_a_flag():
    cd = KSDrift(bool(request.json["x"]))
    return cd.predict(load_recent_batch())
