import mlflow
from flask import Flask, request

app = Flask(__name__)


@app.post("/report_eval")
def report_eval():
    body = request.get_json()
    mlflow.log_metric("val_accuracy", body["accuracy"])  # want: AIML222
    return {"ok": True}
