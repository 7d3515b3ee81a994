# A module with no ML import: float() on request data is out of scope.
from flask import Flask, request, jsonify

app = Flask(__name__)


@app.post("/quote")
def quote():
    amount = float(request.form["amount"])
    return jsonify(amount=amount)
