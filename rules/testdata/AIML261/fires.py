from flask import Flask, request
import numpy as np
import pandas as pd
from alibi_detect.cd import KSDrift, MMDDrift
from alibi_detect.cd import TabularDrift as TD
from evidently import Report
from evidently.presets import DataDriftPreset
from evidently.report import Report as LegacyReport
from evidently.metric_preset import DataDriftPreset as LegacyPreset
from fastapi import FastAPI
from pydantic import BaseModel

app = Flask(__name__)
api = FastAPI()
CURRENT = pd.read_parquet("current.parquet")


@app.post("/drift/check")
def check_drift():
    ref = np.asarray(request.json["reference"])
    cd = KSDrift(ref, p_val=0.05)  # want: AIML261
    preds = cd.predict(load_recent_batch())
    return {"drift": bool(preds["data"]["is_drift"])}


@app.post("/drift/mmd")
def mmd():
    cd = MMDDrift(
        x_ref=np.array(request.get_json()["baseline"]),  # want: AIML261
        backend="pytorch",
    )
    return {"drift": int(cd.predict(CURRENT.values)["data"]["is_drift"])}


class Baseline(BaseModel):
    rows: list


@api.post("/tabular")
def tabular(body: Baseline):
    detector = TD(np.asarray(body.rows), p_val=0.01)  # want: AIML261
    return {"drift": bool(detector.predict(CURRENT.values)["data"]["is_drift"])}


@app.post("/report")
def report():
    ref_df = pd.DataFrame(request.json["reference"])
    snap = Report([DataDriftPreset()]).run(CURRENT, ref_df)  # want: AIML261
    return snap.json()


@app.post("/legacy-report")
def legacy_report():
    rep = LegacyReport(metrics=[LegacyPreset()])
    rep.run(
        reference_data=pd.DataFrame(request.json["reference"]),  # want: AIML261
        current_data=CURRENT,
    )
    return rep.as_dict()


class DriftService:
    @app.post("/method")
    def check(self):
        self.cd = KSDrift(np.asarray(request.json["ref"]))  # want: AIML261
        return {"drift": bool(self.cd.predict(CURRENT.values)["data"]["is_drift"])}


@app.post("/build")
def build_only():
    return KSDrift(x_ref=request.json["ref"])  # want: AIML261


@app.post("/suite")
def suite():
    from evidently.legacy.test_suite import TestSuite
    from evidently.legacy.test_preset import DataDriftTestPreset

    ts = TestSuite(tests=[DataDriftTestPreset()])
    ts.run(current_data=CURRENT, reference_data=pd.DataFrame(request.json["rows"]))  # want: AIML261
    return ts.as_dict()
