# Spec example: fit_transform on a PERSISTENT receiver is renamed to transform.
from bentoml import api, service
from sklearn.preprocessing import StandardScaler
import numpy as np

from scoring.models import load_model


@service
class Scorer:
    def __init__(self):
        self.scaler = StandardScaler()
        self.model = load_model()

    @api
    def score(self, rows: list) -> list:
        X = self.scaler.fit_transform(np.asarray(rows))  # want: AIML162
        return self.model.predict(X).tolist()


# Module-level scaler (a name the function does not assign): renamed.
from flask import Flask, request, jsonify

app = Flask(__name__)
SCALER = StandardScaler()
clf = load_model()


@app.post("/score")
def flask_score():
    return jsonify(clf.predict(SCALER.fit_transform(request.json["rows"])).tolist())  # want: AIML162


# Guidance only: per-call scaler, .fit(...), and fit_transform with a second argument.
@app.post("/guidance")
def guidance():
    X = np.asarray(request.json["rows"])
    a = StandardScaler().fit_transform(X)  # want: AIML162
    SCALER.fit(X)  # want: AIML162
    b = SCALER.fit_transform(X, None)  # want: AIML162
    return jsonify(clf.predict(a + b).tolist())
