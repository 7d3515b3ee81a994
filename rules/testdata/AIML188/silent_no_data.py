# eval/exec/compile count only in modules that import pandas, numpy,
# sklearn, torch or feast (other code injection is out of 2.1's scope).
from flask import Flask, request

app = Flask(__name__)


@app.post("/calc")
def calc():
    return str(eval(request.json["expr"]))
