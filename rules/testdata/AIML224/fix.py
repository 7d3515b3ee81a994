import mlflow
from flask import Flask, request

app = Flask(__name__)


@app.get("/leaderboard")
def leaderboard():
    team = request.args["team"]
    runs = mlflow.search_runs(experiment_ids=["7"], filter_string=f"tags.team = '{team}'")  # want: AIML224
    return runs.head(10).to_json()


# A threshold compared numerically: float() leaves only a number.
@app.get("/above")
def above():
    runs = mlflow.search_runs(experiment_ids=["7"], filter_string=f"metrics.val_acc > {request.args['min_acc']}")  # want: AIML224
    return runs.head(10).to_json()


# Two thresholds, one from the server.
FLOOR = 0.5


@app.get("/between")
def between():
    lo = request.args["lo"]
    runs = mlflow.search_runs(  # want: AIML224
        experiment_ids=["7"],
        filter_string=f"metrics.val_acc >= {lo} and metrics.val_loss < {FLOOR}",
    )
    return runs.head(10).to_json()


# A quoted value and a sort field stay guidance.
@app.get("/sorted")
def sorted_runs():
    acc = request.args["acc"]
    runs = mlflow.search_runs(filter_string=f"metrics.acc > {acc}", order_by=[request.args["sort"]])  # want: AIML224
    return runs.to_json()
