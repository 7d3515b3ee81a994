import pandas as pd
import requests
from pandas import read_sql_query
from fastapi import FastAPI
from flask import Flask, request
from sqlalchemy import text

app = FastAPI()
web = Flask(__name__)


@app.post("/batch-score")
def batch_score(job: Job):
    df = pd.read_sql(f"SELECT * FROM events WHERE tenant = '{job.tenant}'", engine)  # want: AIML243
    return {"n": int(model.predict(df[FEATURES]).sum())}


@web.post("/score")
def score():
    tenant = request.json["tenant"]
    sql = "SELECT * FROM events WHERE tenant = '" + tenant + "'"
    df = read_sql_query(sql, engine)  # want: AIML243
    q = "SELECT * FROM t WHERE day = '%s'" % request.args["day"]
    df2 = pd.read_sql(text(q), engine)  # want: AIML243
    return df.to_json()


@web.post("/filter")
def filter_rows():
    df = pd.read_csv("batch.csv")
    rows = df.query(request.json["filter"])  # want: AIML243
    scored = pd.DataFrame(request.json["rows"]).eval(  # want: AIML243
        "{} * 2".format(request.args["col"])
    )
    return rows.to_json()


@app.post("/expr")
def expr(formula: str):
    return {"v": float(pd.eval(formula))}  # want: AIML243


def nightly():
    # A network response picks the batch.
    cfg = requests.get("https://config.internal/batch", timeout=5).json()
    return pd.read_sql(sql=f"SELECT * FROM events WHERE day = '{cfg['day']}'", con=engine)  # want: AIML243
