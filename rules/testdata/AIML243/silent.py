import argparse
import os
import pandas as pd
from fastapi import FastAPI
from flask import request
from sqlalchemy import text

app = FastAPI()
COLUMNS = {"age": "age", "income": "income"}


@app.post("/batch-score")
def batch_score(job: Job):
    df = pd.read_sql(text("SELECT * FROM events WHERE tenant = :t"), engine, params={"t": job.tenant})
    return {"n": int(model.predict(df[FEATURES]).sum())}


@app.post("/filter")
def filter_rows(tenant: str, limit: int):
    df = pd.read_csv("batch.csv")
    # @var references the local: not spliced.
    rows = df.query("tenant == @tenant")
    # Converted to int: cannot inject.
    top = pd.read_sql(f"SELECT * FROM events LIMIT {int(limit)}", engine)
    # Column from an allow-list.
    col = COLUMNS[request.json["column"]]
    picked = df.query(f"{col} > 0")
    return rows.to_json()


def cli():
    # Operator input, not request data.
    args = argparse.ArgumentParser().parse_args()
    df = pd.read_sql(f"SELECT * FROM {args.table}", engine)
    day = os.environ["DAY"]
    return pd.read_sql(f"SELECT * FROM events WHERE day = '{day}'", engine)


@app.post("/untyped")
def untyped(frame, expr: str):
    # Receiver not typed as a DataFrame (query/eval of other objects).
    return frame.query(expr)


@app.post("/search")
def search(q: str):
    return index.query(q)
