import pandas as pd
from fastapi import FastAPI
from flask import Flask, request
from pydantic import BaseModel

app = FastAPI()
web = Flask(__name__)


class Application(BaseModel):
    features: list[float]
    gender: str


@app.post("/decide")
def decide(app_in: Application):
    y = fair_model.predict([app_in.features], sensitive_features=[app_in.gender], random_state=0)  # want: AIML280
    return {"approved": bool(y[0])}


@web.post("/score")
def score():
    body = request.get_json()
    X = pd.DataFrame([body["features"]])
    y = postprocessor.predict(
        X,
        sensitive_features=pd.Series([body["ethnicity"]]),  # want: AIML280
    )
    return {"decision": int(y[0])}


@web.post("/proba")
def proba():
    group = request.args.get("group")
    return postprocessor._pmf_predict(X_row, sensitive_features=[group]).tolist()  # want: AIML280


@app.post("/batch")
def batch(rows: list[dict]):
    X = pd.DataFrame(rows)
    return fair_model.predict(X.drop(columns=["sex"]), sensitive_features=X["sex"]).tolist()  # want: AIML280


@web.post("/header")
def header_group():
    return fair_model.predict(X_row, sensitive_features=[request.headers["X-Group"]]).tolist()  # want: AIML280


class Service:
    @app.post("/svc")
    def decide(self, gender: str, age: int):
        return self.mitigator.predict([[age]], sensitive_features=[gender]).tolist()  # want: AIML280
