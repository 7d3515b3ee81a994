import mlflow
from flask import Flask, request

app = Flask(__name__)


@app.get("/leaderboard")
def leaderboard():
    team = request.args["team"]
    runs = mlflow.search_runs(experiment_ids=["7"], filter_string=f"tags.team = '{team}'")  # want: AIML224
    return runs.head(10).to_json()
