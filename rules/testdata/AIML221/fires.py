import mlflow
import wandb
from comet_ml import Experiment
from fastapi import FastAPI
from flask import Flask, request
from mlflow import MlflowClient, set_tags

app = Flask(__name__)
api = FastAPI()
client = MlflowClient()
experiment = Experiment(project_name="feedback")


@app.post("/feedback")
def feedback():
    body = request.get_json()
    with mlflow.start_run(run_name=body["title"]):  # want: AIML221
        mlflow.set_tag(body["tag_key"], body["tag_value"])  # want: AIML221
        mlflow.log_dict(body["sample"], "sample.json")
    return {"ok": True}


@app.post("/tags")
def tags():
    set_tags({"mlflow.user": request.json["user"], "kind": "feedback"})  # want: AIML221
    mlflow.set_experiment_tag("mlflow.note.content", request.json["note"])  # want: AIML221
    return {"ok": True}


@app.post("/client")
def client_tag():
    run_id = request.args["run_id"]
    client.set_tag(RUN_ID, request.args["k"], "v")  # want: AIML221
    client.create_run(  # want: AIML221
        "7",
        tags={"source": request.args["src"]},
    )
    return {"ok": run_id}


@api.post("/wandb")
def wandb_run(name: str, note: str):
    run = wandb.init(project="feedback", name=name, notes=note)  # want: AIML221
    return {"id": run.id}


@api.post("/comet")
def comet(title: str):
    experiment.set_name(title)  # want: AIML221
    experiment.log_other("client", title)  # want: AIML221
    return {"ok": True}


class Service:
    def __init__(self):
        self.exp = Experiment(project_name="feedback")

    @app.post("/comet-tags")
    def tag(self):
        self.exp.add_tags(request.json["tags"])  # want: AIML221
        return {"ok": True}


RUN_ID = "abc"
