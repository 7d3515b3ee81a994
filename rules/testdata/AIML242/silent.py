import enum
from typing import Literal
from fastapi import FastAPI, HTTPException
from flask import request
import torch.distributed.rpc as rpc

app = FastAPI()
ALLOWED = {"predict", "predict_proba"}
METHODS = {"predict": model.predict, "proba": model.predict_proba}


@app.post("/models/{method}")
def call_model(method: str, req: Rows):
    if method not in ("predict", "predict_proba"):
        raise HTTPException(404)
    fn = getattr(model, method)
    return {"result": fn(req.rows).tolist()}


@app.post("/guarded/{method}")
def guarded(method: str):
    if method not in ALLOWED:
        return {"error": "unsupported"}
    return getattr(model, method)()


@app.post("/inside/{method}")
def inside(method: str):
    if method in ["predict", "decision_function"]:
        return getattr(model, method)()


@app.post("/lookup/{method}")
def lookup(method: str):
    return METHODS[method](rows)


@app.post("/literal")
def literal(req: Rows):
    return getattr(model, "predict")(req.rows)


class Method(str, enum.Enum):
    predict = "predict"
    proba = "predict_proba"


@app.post("/enum/{method}")
def by_enum(method: Method):
    return getattr(model, method.value)()


@app.post("/choice/{method}")
def by_literal(method: Literal["predict", "predict_proba"]):
    return getattr(model, method)()


@app.post("/rpc/{stage}")
def remote(stage: str):
    fn = getattr(stages, stage)  # AIML201 owns the rpc call
    return rpc.rpc_sync("worker1", fn, args=(1,))  # want: AIML201


def helper(name):
    # Not a request handler.
    return getattr(model, name)


@app.get("/config")
def config():
    return getattr(settings, SETTING_NAME)


class Item:
    created_at = None


@app.get("/items")
def items(sort_by: str = "created_at"):
    # Sorting by a column of an ORM class: not a model instance.
    return query.order_by(getattr(Item, sort_by, Item.created_at))


@app.get("/enum/{name}")
def by_name(name: str):
    return getattr(Method, name).value
