from fastapi import FastAPI
from alibi_detect.cd import TabularDrift, KSDrift, MMDDriftOnline
from evidently.metric_preset import DataDriftPreset
from evidently.metrics import ColumnDriftMetric
from evidently.report import Report

app = FastAPI()


@app.get("/monitor/{model}")
def monitor(model: str, alpha: float = 0.05):
    cd = TabularDrift(load_reference(model), p_val=alpha)  # want: AIML266
    res = cd.predict(load_window(model))
    return {"drift": bool(res["data"]["is_drift"])}


@app.get("/positional")
def positional(alpha: float):
    return KSDrift(load_reference("m"), alpha)  # want: AIML266


@app.get("/report")
def report(share: float, threshold: float, ert: int):
    rep = Report(metrics=[
        DataDriftPreset(drift_share=share),  # want: AIML266
        ColumnDriftMetric(
            column_name="amount",
            stattest_threshold=threshold,  # want: AIML266
        ),
    ])
    rep.run(reference_data=load_ref_df(), current_data=load_cur_df())
    online = MMDDriftOnline(load_reference("m"), ert=ert, window_size=10)  # want: AIML266
    return rep.as_dict(), online


@app.get("/converted")
def converted(share: str):
    s = float(share)
    return DataDriftPreset(drift_share=s)  # want: AIML266
