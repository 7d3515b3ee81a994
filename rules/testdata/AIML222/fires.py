import mlflow
import neptune
import numpy as np
import wandb
from comet_ml import Experiment
from fastapi import FastAPI
from flask import Flask, request
from mlflow import log_metrics
from mlflow.tracking import MlflowClient

app = Flask(__name__)
api = FastAPI()
RUN_ID = "0f1e2d3c"
client = MlflowClient()
experiment = Experiment(project_name="eval")
nrun = neptune.init_run(project="risk/eval")


@app.post("/report_eval")
def report_eval():
    body = request.get_json()
    with mlflow.start_run(run_id=RUN_ID):
        mlflow.log_metric("val_accuracy", body["accuracy"])  # want: AIML222
    return {"ok": True}


@app.post("/float")
def report_float():
    acc = float(request.form["acc"])
    mlflow.log_metric("acc", acc)  # want: AIML222
    mlflow.log_metric("loss", value=float(request.form["loss"]))  # want: AIML222
    return {"ok": True}


@app.post("/many")
def many():
    log_metrics({"f1": request.json["f1"], "auc": 0.5})  # want: AIML222
    client.log_metric(RUN_ID, "f1", request.json["f1"])  # want: AIML222
    return {"ok": np.nan}


@api.post("/wandb")
def wandb_eval(accuracy: float, loss: float):
    run = wandb.init(project="eval")
    run.log({"accuracy": accuracy})  # want: AIML222
    wandb.log(  # want: AIML222
        {"loss": loss},
    )
    return {"ok": True}


@api.post("/comet")
def comet(score: float):
    experiment.log_metric("score", score)  # want: AIML222
    experiment.log_metrics({"score": score}, step=1)  # want: AIML222
    return {"ok": True}


class Evaluator:
    @app.post("/neptune")
    def neptune_eval(self):
        nrun["eval/acc"].append(request.json["acc"])  # want: AIML222
        nrun["eval/loss"].log(request.json["loss"])  # want: AIML222
        return {"ok": True}
