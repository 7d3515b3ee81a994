import json
import logging
from dataclasses import dataclass
from typing import Dict
from fastapi import FastAPI, Request
from pydantic import BaseModel
from .schemas import Applicant

logger = logging.getLogger(__name__)
app = FastAPI()


class Features(BaseModel):
    age: int
    income: float


class Loan(Features):
    amount: float


@dataclass
class Row:
    text: str


@app.post("/score")
def score(applicant: Applicant):
    logger.info("scoring %s", applicant.model_dump())  # want: AIML246
    return {"p": float(model.predict_proba([applicant.vector()])[0, 1])}


@app.post("/predict")
def predict(features: Features):
    logging.info(f"features={features}")  # want: AIML246
    return {"y": model.predict([[features.age, features.income]]).tolist()}


@app.post("/loan")
def loan(req: Loan, raw: Dict[str, float]):
    logger.debug("loan request: " + json.dumps(raw))  # want: AIML246
    logger.warning("loan {}".format(req))  # want: AIML246
    return {"ok": True}


@app.post("/raw")
async def raw(request: Request):
    body = await request.json()
    print("got", body)  # want: AIML246
    logger.info("raw %r", await request.body())  # want: AIML246
    return {"y": model.predict(body["x"]).tolist()}


@app.post("/rows")
def rows(row: Row):
    logger.error("bad row %s" % (row,))  # want: AIML246
    return {}


class Api:
    def __init__(self):
        self.log = logging.getLogger("api")

    @app.post("/v2/score")
    def v2(self, payload: dict):
        self.log.info("payload=%s", payload)  # want: AIML246
        return model.predict(payload["x"])
