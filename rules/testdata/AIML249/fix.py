from fastapi import FastAPI, Header
from prometheus_client import Counter
from pydantic import BaseModel

from serving import model

app = FastAPI()
PREDICTIONS = Counter("predictions_total", "Predictions served", ["customer"])


class Req(BaseModel):
    x: list


# Guidance only: no mechanical edit keeps the metric meaningful.
@app.post("/predict")
def predict(req: Req, x_customer: str = Header()):
    PREDICTIONS.labels(customer=x_customer).inc()  # want: AIML249
    return {"y": model.predict([req.x]).tolist()}
