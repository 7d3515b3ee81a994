import os

import numpy as np
import pandas as pd
from alibi_detect.cd import TabularDrift, KSDrift
from evidently.metric_preset import DataDriftPreset
from evidently.report import Report
from fastapi import FastAPI
from flask import Flask, request

app = FastAPI()
flask_app = Flask(__name__)
DRIFT_P_VALUE = 0.01
P_VALUES = {"strict": 0.01, "loose": 0.1}


@app.get("/monitor/{model}")
def monitor(model: str):
    cd = TabularDrift(load_reference(model), p_val=DRIFT_P_VALUE)
    res = cd.predict(load_window(model))
    return {"drift": bool(res["data"]["is_drift"])}


@app.get("/profile")
def profile(level: str):
    cd = KSDrift(load_reference("m"), p_val=P_VALUES.get(level, 0.05))
    return cd.predict(load_window("m"))


@app.get("/clamped")
def clamped(alpha: float = 0.05):
    cd = KSDrift(load_reference("m"), p_val=max(0.001, min(alpha, 0.1)))
    return cd.predict(load_window("m"))


def operator_config():
    return KSDrift(load_reference("m"), p_val=float(os.environ["DRIFT_P"]))


@flask_app.post("/compare")
def caller_owned():
    ref = np.asarray(request.json["reference"])
    cd = KSDrift(ref, p_val=request.json["alpha"])
    return {"drift": bool(cd.predict(np.asarray(request.json["current"]))["data"]["is_drift"])}


@flask_app.post("/compare-report")
def caller_owned_report():
    body = request.get_json()
    report = Report(metrics=[DataDriftPreset(drift_share=body["share"])])
    report.run(reference_data=pd.DataFrame(body["reference"]), current_data=pd.DataFrame(body["current"]))
    return report.as_dict()


@flask_app.post("/other")
def other_threshold():
    return {"drift": KSDrift(load_reference("m"), correction=request.json["correction"])}
