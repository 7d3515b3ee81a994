# An untyped receiver with a Feast-like method name in a module that does
# not import feast is not a FEAST STORE call.
import pandas as pd
from flask import Flask, request

from .sinks import sink

app = Flask(__name__)


@app.post("/rows")
def rows():
    sink.write_to_online_store("view", df=pd.DataFrame(request.get_json()["rows"]))
    return ""
