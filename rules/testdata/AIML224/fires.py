import mlflow
import wandb
from fastapi import FastAPI
from flask import Flask, request
from mlflow import MlflowClient, search_runs

app = Flask(__name__)
api = FastAPI()
client = MlflowClient()


@app.get("/leaderboard")
def leaderboard():
    metric = request.args.get("metric", "val_acc")
    team = request.args["team"]
    runs = mlflow.search_runs(  # want: AIML224
        experiment_ids=["7"],
        filter_string=f"tags.team = '{team}'",
        order_by=[f"metrics.{metric} DESC"],
    )
    return runs.head(10).to_json()


@app.get("/raw")
def raw():
    return search_runs(["7"], request.args["q"]).to_json()  # want: AIML224


@app.get("/models")
def models():
    name = request.args["name"]
    found = mlflow.search_registered_models(filter_string="name LIKE '" + name + "%'")  # want: AIML224
    versions = mlflow.search_model_versions(order_by=[request.args["sort"]])  # want: AIML224
    return {"n": len(found) + len(versions)}


@app.get("/client")
def client_search():
    where = "attributes.status = '{}'".format(request.args["status"])
    runs = client.search_runs(["7"], where)  # want: AIML224
    mv = client.search_model_versions(f"name='{request.args['model']}'")  # want: AIML224
    return {"n": len(runs) + len(mv)}


@api.get("/wandb")
def wandb_runs(filters: dict, order: str = "-summary_metrics.acc"):
    public = wandb.Api()
    runs = public.runs("team/project", filters)  # want: AIML224
    best = public.runs("team/project", order=order)  # want: AIML224
    return {"n": len(runs) + len(best)}


class Board:
    def __init__(self):
        self.client = MlflowClient()

    @app.get("/board")
    def board(self):
        return self.client.search_registered_models(request.args["filter"])  # want: AIML224
