import mlflow
import wandb
from flask import Flask, request
from sklearn.metrics import accuracy_score

app = Flask(__name__)
RUN_ID = "0f1e2d3c"
TRUSTED_LABELS = [0, 1, 1, 0]


def load_predictions(batch_id):
    return [0, 1, 1, 0]


@app.post("/report_eval")
def report_eval():
    body = request.get_json()
    preds = load_predictions(body["batch_id"])
    with mlflow.start_run(run_id=RUN_ID):
        mlflow.log_metric("val_accuracy", accuracy_score(TRUSTED_LABELS, preds))
    return {"ok": True}


@app.post("/step")
def step():
    mlflow.log_metric("val_accuracy", 0.93, step=int(request.json["step"]))
    mlflow.log_metric("val_accuracy", 0.93, timestamp=request.json["ts"])
    return {"ok": True}


@app.post("/count")
def count():
    mlflow.log_metric("n_files", len(request.files))
    wandb.log({"n_files": len(request.files)})
    return {"ok": True}


@app.post("/tag")
def tag():
    mlflow.log_metric(request.json["name"], 1.0)
    return {"ok": True}


class Tracker:
    def log(self, value):
        pass


tracker = Tracker()


@app.post("/other")
def other():
    tracker.log(request.json["acc"])
    return {"ok": True}


def train(metrics):
    mlflow.log_metrics(metrics)
    wandb.log(metrics)
