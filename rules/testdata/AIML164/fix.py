import numpy as np
from flask import Flask, request, jsonify

app = Flask(__name__)


@app.post("/quote")
def quote(model=None):
    amount = float(request.form["amount"])  # want: AIML164
    if amount > 10_000:
        return jsonify(error="manual review"), 403
    return jsonify(risk=model.predict(np.array([[amount]])).tolist())


@app.get("/rate")
def rate():
    r = np.float64(request.args["rate"])  # want: AIML164
    return jsonify(rate=r * 2)


# Not `NAME = float(...)`: guidance only.
@app.get("/bare")
def bare():
    return jsonify(v=float(request.args["v"]))  # want: AIML164
