# Spec example (fires), then variants.
from flask import Flask, jsonify, request

from models import canary_model, stable_model

app = Flask(__name__)


@app.route("/predict", methods=["POST"])
def predict():
    use_canary = request.headers.get("X-Canary") == "1"  # want: AIML238
    model = canary_model if use_canary else stable_model
    return jsonify(model.predict([request.json["features"]]).tolist())


# Cookie read used directly as a subscript key.
MODELS = {"a": stable_model, "b": canary_model}


@app.post("/variant")
def variant():
    model = MODELS[request.cookies["variant"]]  # want: AIML238
    return jsonify(model.predict([request.json["features"]]).tolist())


# Query argument in an if test.
@app.get("/score")
def score():
    if request.args.get("preview"):  # want: AIML238
        y = canary_model.predict_proba([request.args["x"]])
    else:
        y = stable_model.predict_proba([request.args["x"]])
    return jsonify(y.tolist())


# FastAPI: a Header(...) parameter, and a Request's query_params in an elif.
from fastapi import Cookie, FastAPI, Header, Request

api = FastAPI()


@api.post("/v1/predict")
def v1_predict(rows: list, x_experiment_arm: str = Header(default="control")):  # want: AIML238
    model = canary_model if x_experiment_arm == "treatment" else stable_model
    return {"y": model.predict(rows).tolist()}


@api.post("/v2/predict")
async def v2_predict(request: Request):
    body = await request.json()
    if body.get("debug"):
        model = stable_model
    elif request.query_params.get("ab_test") == "b":  # want: AIML238
        model = canary_model
    else:
        model = stable_model
    return {"y": model.predict(body["rows"]).tolist()}


# A cohort cookie parameter through one local variable, as a dict key.
@api.post("/v3/predict")
def v3_predict(rows: list, cohort: str = Cookie("stable")):  # want: AIML238
    arm = cohort.lower()
    return {"y": MODELS[arm].predict(rows).tolist()}


# Django view: request.GET.get with a beta flag.
import django  # noqa: F401


def django_predict(request):
    model = canary_model if request.GET.get("beta") == "yes" else stable_model  # want: AIML238
    return model.predict([[float(request.GET["x"])]])
