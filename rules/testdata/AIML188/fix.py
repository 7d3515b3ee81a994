import pandas as pd
from flask import Flask, request

app = Flask(__name__)


@app.post("/features/custom")
def custom_feature():
    df = pd.read_parquet("features/base.parquet")
    df["custom"] = eval(request.json["formula"], {}, {"df": df})  # want: AIML188
    return {"columns": list(df.columns)}
