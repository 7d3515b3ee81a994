import logging
from enum import Enum
from fastapi import FastAPI, Request, Depends, Query
from pydantic import BaseModel
from .schemas import Applicant, Method

logger = logging.getLogger(__name__)
app = FastAPI()


class Features(BaseModel):
    request_id: str
    age: int


@app.post("/score")
def score(applicant: Applicant):
    logger.info("scoring request id=%s", applicant.request_id)
    return {"p": float(model.predict_proba([applicant.vector()])[0, 1])}


@app.post("/predict")
def predict(features: Features, method: Method, limit: int = Query(10)):
    # Fields, sizes and outputs only.
    logger.info("id=%s n=%d", features.request_id, len(features.model_dump()))
    y = model.predict([[features.age]])
    logger.info("prediction %s", y)
    # An imported class logged as a whole: could be an Enum (path parameter).
    logger.info("method %s", method)
    return {"y": y.tolist()}


@app.post("/raw")
async def raw(request: Request):
    body = await request.json()
    logger.info("keys=%s", list(body.keys()))
    logger.info("client %s", request.client.host)
    return {}


def helper(payload: dict):
    # Not a request handler.
    logger.info("payload %s", payload)


@app.post("/dep")
def dep(user: dict = Depends(current_user)):
    logger.info("user %s", user)
    return {}


@app.post("/extra")
def extra(features: Features):
    # Keyword arguments are not printed by the default formatter.
    logger.info("scoring", extra={"id": features.request_id})
    return {}
