# fit_predict on a PERSISTENT IsolationForest/EllipticEnvelope/OneClassSVM/SGDOneClassSVM
# is renamed to predict; LocalOutlierFactor and per-call detectors get guidance.
from flask import Flask, request, jsonify
from sklearn.ensemble import IsolationForest
from sklearn.neighbors import LocalOutlierFactor
import numpy as np

app = Flask(__name__)
FOREST = IsolationForest(random_state=0)
LOF = LocalOutlierFactor()


@app.post("/ingest")
def ingest():
    X = np.asarray(request.get_json()["rows"])
    keep = FOREST.fit_predict(X) == 1  # want: AIML169
    return jsonify(accepted=int(keep.sum()))


@app.post("/guidance")
def guidance():
    X = np.asarray(request.get_json()["rows"])
    a = IsolationForest(random_state=0).fit_predict(X)  # want: AIML169
    b = LOF.fit_predict(X)  # want: AIML169
    return jsonify(a=a.tolist(), b=b.tolist())
