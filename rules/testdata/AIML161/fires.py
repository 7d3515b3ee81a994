# Spec example (fires), then variants.
from flask import Flask, request
import pandas as pd

app = Flask(__name__)


@app.get("/features/preview")
def preview():
    df = pd.read_csv(request.args["source"])  # want: AIML161
    return df.head().to_json()


# Alias import and keyword argument.
import pandas
from pandas import read_json as rj


@app.post("/features/json")
def load_json():
    url = request.get_json()["url"]
    frame = rj(path_or_buf=url)  # want: AIML161
    return frame.to_json()


# Multi-line call through an f-string built path.
@app.route("/features/<name>")
def by_name(name):
    return pandas.read_parquet(  # want: AIML161
        f"s3://bucket/{name}/part.parquet",
        columns=["a"],
    ).to_json()


# FastAPI route parameter.
from fastapi import APIRouter

router = APIRouter()


@router.get("/excel")
async def excel(source: str):
    return pd.read_excel(source).to_dict()  # want: AIML161


# Inside a class-based blueprint helper method, via os.path.join.
import os

bp = Flask("bp")


class Views:
    @staticmethod
    @bp.get("/table")
    def table():
        path = os.path.join("/data", request.args.get("file", "x.csv"))
        return pd.read_table(path).to_json()  # want: AIML161


# Taint through .format and a header value.
@app.get("/fwf")
def fwf():
    tpl = "http://internal/{}".format(request.headers["X-Source"])
    return pd.read_fwf(tpl).to_json()  # want: AIML161


# Walrus and subscript of request.form.
@app.post("/html")
def html():
    if (src := request.form["page"]):
        return str(pd.read_html(src))  # want: AIML161
    return ""


# A `{name:path}` segment matches "/", and a query parameter is not in the
# path template: both are request data.
from fastapi import APIRouter

files_router = APIRouter()


@files_router.get("/preview/{source:path}")
async def preview_path(source: str):
    return pd.read_csv(source).head().to_json()  # want: AIML161


@files_router.get("/preview/{name}")
async def preview_query(name: str, url: str):
    return pd.read_csv(url + name).head().to_json()  # want: AIML161
