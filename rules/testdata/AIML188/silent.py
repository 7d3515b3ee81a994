# Spec example (silent), then look-alikes that must not fire.
import ast

import numexpr
import numpy as np
import pandas as pd
import sympy
from flask import Flask, abort, request
from torch.distributed import rpc

app = Flask(__name__)

FORMULAS = {"spend_per_visit": lambda df: df["spend"] / df["visits"]}


@app.post("/features/custom")
def custom_feature():
    name = request.json["name"]
    if name not in FORMULAS:
        abort(400)
    df = pd.read_parquet("features/base.parquet")
    df[name] = FORMULAS[name](df)
    return {"columns": list(df.columns)}


# Literal expressions; request values bound only as variables.
@app.post("/features/bound")
def bound():
    a = np.asarray(request.json["a"], dtype=float)
    v = numexpr.evaluate("a * 2 + 1", local_dict={"a": a})
    x = sympy.Symbol("x")
    s = sympy.sympify("x**2 + 1").subs(x, a[0])
    return {"v": v.tolist(), "s": str(s)}


# ast.literal_eval, and a number parsed by a STRING-SANITIZER.
@app.get("/features/literal")
def literal():
    value = ast.literal_eval(request.args["value"])
    scale = eval(str(int(request.args["scale"])))
    return {"v": value * scale}


# numexpr sanitizes by default (and explicitly).
@app.post("/features/ne")
def ne_default():
    a = np.arange(10)
    r1 = numexpr.evaluate(request.json["expr"], local_dict={"a": a})
    r2 = numexpr.evaluate(request.json["expr"], local_dict={"a": a}, sanitize=True)
    return {"r": (r1 + r2).tolist()}


# pandas query/eval (owned by AIML243).
@app.get("/features/query")
def query():
    df = pd.read_parquet("features/base.parquet")
    df2 = df.query(request.args["q"])  # want: AIML243
    total = pd.eval(request.args["expr"])  # want: AIML243
    return {"n": len(df2), "t": float(total)}


# eval passed as the func of an rpc call (owned by AIML201).
@app.post("/rpc")
def remote_eval():
    return {"r": rpc.rpc_sync("worker1", eval, args=(request.json["code"],))}  # want: AIML201


# A server-side formula chosen from an allow-list mapping.
@app.get("/features/choose")
def choose():
    expr = {"double": "x * 2", "square": "x ** 2"}[request.args["name"]]
    return str(sympy.sympify(expr))


# A syntax check: the code object compile() returns is thrown away, so
# nothing runs (Cybronites).
@app.post("/check")
def check_code():
    code = request.json["code"]
    compile(code, "<laboratory>", "exec")
    return {"success": True}
