import mlflow
import wandb
from flask import Flask, request
from mlflow import MlflowClient

app = Flask(__name__)
client = MlflowClient()
SORTABLE = {"acc": "metrics.val_acc DESC", "loss": "metrics.val_loss ASC"}
EXPERIMENTS = {"vision": "7", "nlp": "8"}


@app.get("/leaderboard")
def leaderboard():
    min_acc = float(request.args.get("min_acc", 0))
    runs = mlflow.search_runs(
        experiment_ids=["7"],
        filter_string=f"metrics.val_acc > {min_acc}",
        order_by=[SORTABLE[request.args.get("sort", "acc")]],
    )
    return runs.head(10).to_json()


@app.get("/int")
def by_epoch():
    runs = mlflow.search_runs(["7"], f"params.epochs = '{int(request.args['epochs'])}'")
    return runs.to_json()


@app.get("/scope")
def scope():
    runs = mlflow.search_runs(
        experiment_ids=[EXPERIMENTS[request.args["team"]]],
        max_results=int(request.args["n"]),
    )
    mine = client.search_runs([request.args["exp"]], "tags.team = 'vision'", max_results=10)
    return {"n": len(runs) + len(mine)}


@app.get("/fixed")
def fixed():
    best = wandb.Api().runs("team/project", {"state": "finished"}, order="-summary_metrics.acc", per_page=int(request.args["n"]))
    return {"n": len(best)}


def offline(filter_string):
    return mlflow.search_runs(filter_string=filter_string)
