# Spec example (fires), then variants.
import numpy as np
import pandas as pd
from flask import Flask, request

app = Flask(__name__)


@app.post("/features/custom")
def custom_feature():
    df = pd.read_parquet("features/base.parquet")
    df["custom"] = eval(request.json["formula"], {"np": np}, {"df": df})  # want: AIML188
    return {"columns": list(df.columns)}


# exec of an f-string built from a form field.
@app.post("/features/exec")
def exec_feature():
    df = pd.read_parquet("features/base.parquet")
    exec(f"df['derived'] = {request.form['expr']}", {"df": df})  # want: AIML188
    return {"columns": list(df.columns)}


# compile(source=...) of a header value, in a helper (the Flask request global is a source anywhere).
def compiled_formula():
    return compile(source=request.headers["X-Formula"], filename="<formula>", mode="eval")  # want: AIML188


# SymPy: from-import with `as`, FastAPI query parameter.
from fastapi import FastAPI
from sympy import sympify as to_expr

api = FastAPI()


@api.get("/features/symbolic")
def symbolic(formula: str):
    expr = to_expr(formula)  # want: AIML188
    return {"expr": str(expr)}


# parse_expr under its module path, multi-line, in a Ray Serve deployment method.
from ray import serve
from sympy.parsing.sympy_parser import parse_expr, standard_transformations


@serve.deployment
class FormulaService:
    async def __call__(self, request):
        body = await request.json()
        return str(
            parse_expr(  # want: AIML188
                body["formula"],
                transformations=standard_transformations,
            )
        )


# numexpr with sanitizing turned off, module alias, keyword ex=.
import numexpr as ne


@api.post("/features/vector")
def vector(payload: dict):
    a = np.arange(10)
    return {"v": ne.evaluate(ex=payload["expr"], local_dict={"a": a}, sanitize=False).tolist()}  # want: AIML188


# sympy.sympify through the module, a=, request value concatenated.
import sympy


@app.get("/features/ratio")
def ratio():
    return str(sympy.sympify(a="x / " + request.args["den"]))  # want: AIML188
