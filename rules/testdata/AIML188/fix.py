import numexpr as ne
import numpy as np
import pandas as pd
from flask import Flask, request
from numexpr import evaluate

app = Flask(__name__)


# Guidance: eval of a formula has no drop-in safe replacement.
@app.post("/features/custom")
def custom_feature():
    df = pd.read_parquet("features/base.parquet")
    df["custom"] = eval(request.json["formula"], {}, {"df": df})  # want: AIML188
    return {"columns": list(df.columns)}


# numexpr with the sanitizer turned off: turned back on.
@app.post("/features/vector")
def vector():
    a = np.arange(10)
    return {"v": ne.evaluate(request.json["expr"], local_dict={"a": a}, sanitize=False).tolist()}  # want: AIML188


@app.post("/features/multi")
def multi():
    a = np.arange(10)
    out = evaluate(  # want: AIML188
        ex=request.json["expr"],
        local_dict={"a": a},
        sanitize=False,  # speed
    )
    return {"v": out.tolist()}
