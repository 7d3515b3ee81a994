"""A credit-risk inference API with the preprocessing mistakes PyGuard looks for."""
import joblib
import numpy as np
import pandas as pd
from flask import Flask, jsonify, request
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

app = Flask(__name__)
model = joblib.load("/tmp/risk_model.joblib")
scaler = StandardScaler()


@app.get("/features/preview")
def preview():
    # The client chooses the URL pandas fetches: SSRF / local file read.
    df = pd.read_csv(request.args["source"])
    return df.head().to_json()


@app.post("/score")
def score():
    rows = np.asarray(request.get_json()["rows"])
    # Each request is normalised against its own statistics.
    X = scaler.fit_transform(rows)
    return jsonify(model.predict(X).tolist())


@app.post("/quote")
def quote():
    amount = float(request.form["amount"])
    if amount > 10_000:
        return jsonify(error="manual review"), 403
    return jsonify(risk=model.predict(np.array([[amount]])).tolist())


@app.post("/embed-score")
def embed_score():
    X = np.asarray(request.get_json()["vectors"])
    Z = PCA(n_components=16).fit_transform(X)
    return jsonify(model.predict(Z).tolist())
