from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI()


class TxnFeatures(BaseModel):
    amount: float = Field(ge=0, le=1e6)
    country: str = Field(max_length=2)


@app.post("/score")
def score(payload: dict):
    feats = TxnFeatures.model_construct(**payload)  # want: AIML177
    return {"p": model.predict([[feats.amount]]).tolist()}


class Legacy(BaseModel):
    amount: float


@app.post("/legacy")
def legacy(amount: float, country: str):
    old = Legacy.construct(amount=amount)  # want: AIML177
    kept = TxnFeatures.model_construct(_fields_set={"amount"}, amount=amount, country=country)  # want: AIML177
    return {"a": old.amount, "b": kept.amount}
