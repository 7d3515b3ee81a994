# Spec example (silent), then look-alikes that must not fire.
from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI()


class TxnFeatures(BaseModel):
    amount: float = Field(ge=0, le=1e6)
    country: str = Field(max_length=2)


@app.post("/score")
def score(payload: dict):
    feats = TxnFeatures(**payload)
    return {"p": model.predict([[feats.amount]]).tolist()}


# Validating constructors.
@app.post("/validated")
def validated(payload: dict, raw: str):
    a = TxnFeatures.model_validate(payload)
    b = TxnFeatures.model_validate_json(raw)
    c = TxnFeatures.parse_obj(payload)
    return {"a": a.amount, "b": b.amount, "c": c.amount}


# model_construct on already validated data (model_dump) and on DB rows.
@app.post("/copy")
def copy(payload: dict):
    checked = TxnFeatures(**payload)
    clone = TxnFeatures.model_construct(**checked.model_dump())
    row = db.fetch_one("SELECT amount, country FROM txns LIMIT 1")
    from_db = TxnFeatures.model_construct(**row)
    return {"a": clone.amount, "b": from_db.amount}


# construct() on a class that is not a pydantic model.
class Plain:
    @classmethod
    def construct(cls, **kw):
        return cls()


@app.post("/plain")
def plain(payload: dict):
    return Plain.construct(**payload)


# construct() on an imported class (not defined in this module) and on a value.
from other import ExternalModel


@app.post("/external")
def external(payload: dict, builder=None):
    a = ExternalModel.construct(**payload)
    b = builder.construct(**payload)
    return {"a": a, "b": b}


# Outside request handlers: parameters are not request data.
def rebuild(data: dict):
    return TxnFeatures.model_construct(**data)
