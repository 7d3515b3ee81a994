# Spec example (silent), then look-alikes that must not fire.
from flask import Flask, request, abort
import io
import os
import sys
import pandas as pd
from werkzeug.utils import secure_filename

app = Flask(__name__)

DATASETS = {"rides": "data/rides.csv", "users": "data/users.csv"}


@app.get("/features/preview")
def preview():
    name = request.args["name"]
    if name not in DATASETS:
        abort(404)
    return pd.read_csv(DATASETS[name]).head().to_json()


# Uploaded file: WEB-BODY, owned elsewhere.
@app.post("/upload")
def upload():
    return pd.read_csv(request.files["data"]).to_json()


# Request text wrapped in an in-memory buffer is data, not a path.
@app.post("/inline")
def inline():
    return pd.read_csv(io.StringIO(request.form["csv"])).to_json()


# Sanitised file name and int conversion.
@app.get("/safe-name")
def safe_name():
    fname = secure_filename(request.args["f"])
    day = int(request.args["day"])
    pd.read_csv(os.path.basename(request.args["g"]))
    return pd.read_csv(fname).to_json() + pd.read_json(f"data/{day}.json").to_json()


# Operator input (argv/env) is not a source.
def cli():
    pd.read_csv(sys.argv[1])
    pd.read_parquet(os.environ["DATA_PATH"])


# Not pandas: a local function named read_csv, and a shadowed pd.
def read_csv(path):
    return path


@app.get("/local")
def local():
    pd = object()
    read_csv(request.args["p"])
    return pd.read_csv(request.args["p"])


# read_pickle belongs to AIML174; request.method is not a source.
@app.get("/method")
def method():
    return pd.read_csv("data/%s.csv" % request.method).to_json()


# Allow-list ternary.
@app.get("/ternary")
def ternary():
    name = request.args["n"]
    chosen = name if name in ("a", "b") else "a"
    return pd.read_csv(chosen).to_json()


# A FastAPI path parameter matches no "/": neither a URL nor a path out of
# the working directory (toshi-ml-api).
from fastapi import APIRouter

router = APIRouter()


@router.post("/train/{model_id}/{col}")
async def train(model_id: str, col: str):
    df = pd.read_csv(model_id + ".csv")
    name = f"data/{model_id}.csv"
    other = pd.read_csv(name)
    return {"rows": len(df) + len(other), "col": col}
