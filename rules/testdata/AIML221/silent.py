import html
import uuid

import bleach
import mlflow
import wandb
from comet_ml import Experiment
from flask import Flask, request, session
from markupsafe import escape

app = Flask(__name__)
LABELS = {"good": "feedback.good", "bad": "feedback.bad"}
experiment = Experiment(project_name="feedback")


@app.post("/feedback")
def feedback():
    body = request.get_json()
    with mlflow.start_run(run_name=f"feedback-{uuid.uuid4().hex[:8]}"):
        mlflow.set_tag("feedback.label", html.escape(body["label"]))
    return {"ok": True}


@app.post("/escaped")
def escaped():
    mlflow.set_tag("comment", escape(request.json["comment"]))
    mlflow.set_tags({"note": bleach.clean(request.json["note"]), "kind": "feedback"})
    experiment.log_other("note", html.escape(request.json["note"]))
    return {"ok": True}


@app.post("/allow")
def allow():
    mlflow.set_tag("label", LABELS[request.json["label"]])
    mlflow.set_tag("label2", LABELS.get(request.json["label"], "feedback.other"))
    return {"ok": True}


@app.post("/server")
def server():
    user = session["user_id"]
    with mlflow.start_run(run_name=f"user-{user}", description="client feedback"):
        mlflow.set_tag("n_rows", len(request.json["rows"]))
    wandb.init(project="feedback", name=str(uuid.uuid4()), config={"rows": 1})
    return {"ok": True}


@app.post("/metric")
def metric():
    mlflow.log_param("client", "web")
    mlflow.set_tag("status", "received")
    return {"ok": request.json["x"]}


def offline(title):
    with mlflow.start_run(run_name=title):
        mlflow.set_tag("title", title)
