from fastapi import FastAPI
from pydantic import BaseModel
from prometheus_client import Histogram

app = FastAPI()
SCORE = Histogram("fraud_score", "Fraud model score")


class Outcome(BaseModel):
    txn_id: str
    score: float


@app.post("/outcome")
def outcome(body: Outcome):
    SCORE.observe(body.score)  # want: AIML264
    return {"ok": True}
