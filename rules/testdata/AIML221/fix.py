import mlflow
from flask import Flask, request

app = Flask(__name__)


@app.post("/feedback")
def feedback():
    body = request.get_json()
    mlflow.set_tag(body["tag_key"], body["tag_value"])  # want: AIML221
    return {"ok": True}
