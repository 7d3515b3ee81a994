# fit_transform on a PERSISTENT reducer is renamed to transform; the rest is guidance.
from flask import Flask, request, jsonify
from sklearn.decomposition import PCA, IncrementalPCA
import numpy as np

from scoring.models import load_model

app = Flask(__name__)
clf = load_model()
PCA16 = PCA(n_components=16)
IPCA = IncrementalPCA(n_components=4)


@app.post("/embed-score")
def embed_score():
    X = np.asarray(request.get_json()["vectors"])
    Z = PCA16.fit_transform(X)  # want: AIML167
    return jsonify(clf.predict(Z).tolist())


# Guidance: the spec example's per-call PCA, .fit(...), and partial_fit.
@app.post("/guidance")
def guidance():
    X = np.asarray(request.get_json()["vectors"])
    Z = PCA(n_components=16).fit_transform(X)  # want: AIML167
    PCA16.fit(X)  # want: AIML167
    IPCA.partial_fit(X)  # want: AIML167
    return jsonify(clf.predict(Z).tolist())
