# Spec example (silent), then look-alikes that must not fire.
import os
import pickle
import sys
import tempfile

import joblib
import pandas as pd
import skops.io as sio
from flask import Flask, request


def load_preprocessor():
    return joblib.load("artifacts/feature_scaler.joblib")


# Private, unpredictable temp locations.
def save_private(scaler):
    workdir = tempfile.mkdtemp()
    joblib.dump(scaler, os.path.join(workdir, "scaler.joblib"))
    fd, path = tempfile.mkstemp(suffix=".pkl")
    joblib.dump(scaler, path)
    with tempfile.NamedTemporaryFile(suffix=".pkl") as tmp:
        joblib.dump(scaler, tmp.name)
    with tempfile.TemporaryDirectory() as d:
        pickle.dump(scaler, open(os.path.join(d, "scaler.pkl"), "wb"))


# Operator-controlled paths (argv/env), home and app-owned absolute paths.
def load_operator():
    a = joblib.load(sys.argv[1])
    b = joblib.load(os.environ["SCALER_PATH"])
    c = pd.read_pickle(os.path.expanduser("~/models/frame.pkl"))
    d = joblib.load("/opt/app/models/scaler.joblib")
    e = joblib.load("/tmpdata/scaler.joblib")
    return a, b, c, d, e


# skops and pickle.loads are other loaders; a plain open() assignment is
# not the `with open(...) as f` form.
def other_loaders(blob):
    s = sio.load("/tmp/scaler.skops", trusted=["sklearn.preprocessing.StandardScaler"])
    t = pickle.loads(blob)
    fh = open("/tmp/encoder.pkl", "rb")
    u = pickle.load(fh)
    return s, t, u


# Writers are case (b) only: a request-chosen output name is not reported here.
app = Flask(__name__)


@app.post("/export")
def export():
    joblib.dump({"a": 1}, os.path.join("exports", request.form["name"]))
    return ""


# Request values that are not WEB-FIELD paths, and allow-listed names.
MODELS = {"small": "artifacts/small.joblib", "large": "artifacts/large.joblib"}


@app.get("/model")
def model():
    name = request.args["name"]
    if name not in MODELS:
        return "", 404
    return str(joblib.load(MODELS[name]))


@app.get("/remote")
def remote():
    return str(joblib.load(f"cache/{request.remote_addr}.joblib"))


# The with-binding lives in another SCOPE.
with open("/tmp/shared.pkl", "rb") as shared:
    pass


def load_shared():
    return pickle.load(shared)
