import mlflow
from flask import Flask, request

app = Flask(__name__)


@app.post("/score")
def score():
    body = request.get_json()
    model = mlflow.pyfunc.load_model(body["model_uri"])  # want: AIML216
    return {"pred": model.predict(body["rows"]).tolist()}
