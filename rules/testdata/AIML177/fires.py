# Spec example (fires), then variants.
from fastapi import FastAPI, Request
from pydantic import BaseModel, Field

app = FastAPI()


class TxnFeatures(BaseModel):
    amount: float = Field(ge=0, le=1e6)
    country: str = Field(max_length=2)


@app.post("/score")
def score(payload: dict):
    feats = TxnFeatures.model_construct(**payload)  # want: AIML177
    return {"p": model.predict([[feats.amount]]).tolist()}


# Keyword arguments from a raw Request body, multi-line call.
@app.post("/score2")
async def score2(request: Request):
    body = await request.json()
    feats = TxnFeatures.model_construct(  # want: AIML177
        amount=body["amount"],
        country=body["country"],
    )
    return {"p": model.predict([[feats.amount]]).tolist()}


# pydantic v1 construct() on a subclass of a module model (transitive), aliased import.
import pydantic as pd_


class Base(pd_.BaseModel):
    pass


class UserFeatures(Base):
    age: int


@app.post("/user")
def user(data: dict):
    return UserFeatures.construct(**data).age  # want: AIML177


# model_construct on any receiver (imported schema), Flask request global, _fields_set given.
from flask import Flask, request
from schemas import DeviceFeatures

web = Flask(__name__)


@web.post("/device")
def device():
    payload = request.get_json()
    feats = DeviceFeatures.model_construct(set(payload), **payload)  # want: AIML177
    return {"ok": feats is not None}


# Inside a class: a Ray Serve deployment method with a self attribute schema.
from ray import serve


@serve.deployment
class Scorer:
    def __init__(self):
        self.schema = TxnFeatures

    async def __call__(self, amount: float, country: str):
        feats = self.schema.model_construct(amount=amount, country=country)  # want: AIML177
        return model.predict([[feats.amount]])


# Comprehension over request rows, Flask add-on route spelling.
@web.route("/batch", methods=["POST"])
def batch():
    rows = [TxnFeatures.model_construct(**row) for row in request.json["rows"]]  # want: AIML177
    return {"n": len(rows)}
