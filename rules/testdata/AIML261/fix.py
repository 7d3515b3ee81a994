from flask import Flask, request
import numpy as np
from alibi_detect.cd import KSDrift

app = Flask(__name__)


@app.post("/drift/check")
def check_drift():
    ref = np.asarray(request.json["reference"])
    cd = KSDrift(ref, p_val=0.05)  # want: AIML261
    preds = cd.predict(load_recent_batch())
    return {"drift": bool(preds["data"]["is_drift"])}
