# Guidance only: the finding carries prose, the code is unchanged.
from flask import Flask, jsonify, request

from models import canary_model, stable_model

app = Flask(__name__)


@app.route("/predict", methods=["POST"])
def predict():
    use_canary = request.headers.get("X-Canary") == "1"  # want: AIML238
    model = canary_model if use_canary else stable_model
    return jsonify(model.predict([request.json["features"]]).tolist())
