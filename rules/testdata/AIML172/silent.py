# Spec example (silent), then look-alikes that must not fire.
from datetime import datetime

import feast
import pandas as pd
from feast import FeatureStore
from flask import Flask, request

app = Flask(__name__)
STORE = FeatureStore(repo_path="feature_repo")


def consume(batch):
    store = FeatureStore(repo_path="feature_repo")
    store.push("txn_push_source", pd.DataFrame(batch))


def compute_features():
    return pd.read_parquet("features/latest.parquet")


# Route writing server-side data only; materialization.
@app.post("/refresh")
def refresh():
    STORE.write_to_online_store("driver_stats", df=compute_features())
    STORE.materialize_incremental(end_date=datetime.now())
    return "", 204


# Request value chooses only the feature view name, not the rows.
@app.post("/by-view")
def by_view():
    STORE.write_to_offline_store(request.args["view"], compute_features())
    return "", 204


# Flask hook: not a ROUTE HANDLER.
@app.before_request
def audit():
    STORE.push("audit_push", pd.DataFrame([request.get_json()]))


# Registered only through add_url_rule: not a ROUTE HANDLER.
def manual():
    STORE.push("manual_push", pd.DataFrame(request.get_json()["rows"]))
    return ""


app.add_url_rule("/manual", view_func=manual, methods=["POST"])


# Generic method names need a typed FeatureStore receiver.
class Buffer:
    def push(self, name, rows):
        pass


@app.post("/buffer")
def buffer():
    buf = Buffer()
    buf.push("queue", pd.DataFrame(request.get_json()["rows"]))
    frame = pd.DataFrame(request.get_json()["rows"])
    frame.apply(len)
    return ""


# Reads are not writes (request SQL in get_historical_features is AIML176's).
@app.get("/online")
def online():
    rows = [{"driver_id": 1001}]
    return STORE.get_online_features(features=["driver_stats:rate"], entity_rows=rows).to_dict()
