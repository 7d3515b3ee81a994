import sys

import pandas as pd
from fairlearn.metrics import MetricFrame, demographic_parity_difference
from fastapi import Depends, FastAPI
from pydantic import BaseModel

app = FastAPI()


class Application(BaseModel):
    features: list[float]
    gender: str


@app.post("/decide")
def decide(app_in: Application, user=Depends(current_user)):
    group = verified_profiles[user.id]["gender"]
    y = fair_model.predict([app_in.features], sensitive_features=[group], random_state=0)
    return {"approved": bool(y[0])}


@app.post("/db")
def decide_db(app_in: Application, user=Depends(current_user)):
    group = db.fetch_group(user.id)
    return fair_model.predict([app_in.features], sensitive_features=[group]).tolist()


@app.post("/refit")
def refit(rows: list[dict]):
    groups = pd.DataFrame(rows)["sex"]
    fair_model.fit(X_TRAIN, Y_TRAIN, sensitive_features=groups)
    return "ok"


@app.post("/metrics")
def metrics(rows: list[dict]):
    X = pd.DataFrame(rows)
    mf = MetricFrame(metrics=accuracy, y_true=X["y"], y_pred=X["p"], sensitive_features=X["sex"])
    return {"gap": demographic_parity_difference(X["y"], X["p"], sensitive_features=X["sex"]), "mf": mf.difference()}


@app.post("/flag")
def flag(app_in: Application):
    return fair_model.predict([app_in.features], sensitive_features=[bool(app_in.gender)]).tolist()


def offline():
    X = pd.read_csv(sys.argv[1])
    return fair_model.predict(X, sensitive_features=X[sys.argv[2]])
