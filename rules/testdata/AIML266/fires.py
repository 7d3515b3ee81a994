from fastapi import FastAPI, Query
from flask import Flask, request
import numpy as np
from alibi_detect.cd import TabularDrift, MMDDrift, KSDrift, MMDDriftOnline
from alibi_detect.cd.pytorch.mmd import MMDDriftTorch
from evidently.metric_preset import DataDriftPreset
from evidently.metrics import ColumnDriftMetric
from evidently.report import Report
from evidently.test_suite import TestSuite
from evidently.tests import TestShareOfDriftedColumns

app = FastAPI()
flask_app = Flask(__name__)


@app.get("/monitor/{model}")
def monitor(model: str, alpha: float = 0.05):
    cd = TabularDrift(load_reference(model), p_val=alpha)  # want: AIML266
    res = cd.predict(load_window(model))
    return {"drift": bool(res["data"]["is_drift"])}


@app.get("/mmd")
def mmd(alpha: float = Query(0.05)):
    cd = MMDDrift(load_reference("m"), "pytorch", alpha)  # want: AIML266
    cd2 = KSDrift(load_reference("m"), alpha)  # want: AIML266
    cd3 = MMDDriftTorch(load_reference("m"), alpha)  # want: AIML266
    return cd.predict(load_window("m")), cd2, cd3


@app.get("/online")
def online(ert: int):
    return MMDDriftOnline(load_reference("m"), ert=ert, window_size=20)  # want: AIML266


@flask_app.post("/evidently")
def evidently_report():
    share = float(request.args["share"])
    report = Report(metrics=[
        DataDriftPreset(drift_share=share),  # want: AIML266
        ColumnDriftMetric(
            column_name="amount",
            stattest_threshold=request.json["threshold"],  # want: AIML266
        ),
    ])
    report.run(reference_data=load_ref_df(), current_data=load_cur_df())
    return report.as_dict()


@flask_app.post("/suite")
def suite():
    tests = TestSuite(tests=[TestShareOfDriftedColumns(lt=request.json["max_share"])])  # want: AIML266
    tests.run(reference_data=load_ref_df(), current_data=load_cur_df())
    return tests.as_dict()


@flask_app.post("/float")
def converted():
    cd = KSDrift(load_reference("m"), p_val=float(request.args["alpha"]))  # want: AIML266
    return {"drift": bool(cd.predict(load_window("m"))["data"]["is_drift"])}
