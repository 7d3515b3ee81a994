# Spec example (fires), then variants.
from flask import Flask, request
from feast import FeatureStore

app = Flask(__name__)
FEATURES = ["driver_stats:conv_rate"]


@app.get("/training-frame")
def training_frame():
    store = FeatureStore(repo_path=".")
    sql = f"SELECT driver_id, event_timestamp FROM rides WHERE city = '{request.args['city']}'"
    return store.get_historical_features(entity_df=sql, features=FEATURES).to_df().to_json()  # want: AIML176


# "...".format(...) passed positionally; module-level typed store.
STORE = FeatureStore(repo_path="feature_repo")


@app.post("/frame-by-region")
def frame_by_region():
    region = request.get_json()["region"]
    query = "SELECT driver_id, event_timestamp FROM rides WHERE region = '{}'".format(region)
    return STORE.get_historical_features(query, FEATURES).to_df().to_json()  # want: AIML176


# %-format and + concatenation; from-import with `as`; multi-line call.
from feast import FeatureStore as FS


@app.get("/frame-by-day")
def frame_by_day():
    fs = FS(repo_path=".")
    day = request.args.get("day", "")
    sql = "SELECT driver_id, event_timestamp FROM rides WHERE day = '%s'" % day
    sql = sql + " AND city = '" + request.args["city"] + "'"
    frame = fs.get_historical_features(  # want: AIML176
        entity_df=sql,
        features=FEATURES,
    )
    return frame.to_df().to_json()


# A raw request string used as the whole SQL; `import feast` spelling.
import feast


@app.post("/raw-sql")
def raw_sql():
    store = feast.FeatureStore(repo_path=".")
    return store.get_historical_features(entity_df=request.form["entity_sql"], features=FEATURES).to_df().to_json()  # want: AIML176


# FastAPI query parameter; untyped receiver with the distinctive method name.
from fastapi import FastAPI

api = FastAPI()


@api.get("/frame/{city}")
def frame(city: str, limit: int):
    sql = f"SELECT driver_id, event_timestamp FROM rides WHERE city = '{city}' LIMIT {limit}"
    return get_store().get_historical_features(entity_df=sql, features=FEATURES).to_df().to_dict()  # want: AIML176


# Inside a class-based Ray Serve deployment; typed self attribute.
from ray import serve


@serve.deployment
class TrainingFrames:
    def __init__(self):
        self.store = feast.feature_store.FeatureStore(repo_path=".")

    async def __call__(self, tenant: str):
        where = " WHERE tenant = " + str(tenant)
        sql = "SELECT entity_id, event_timestamp FROM events" + where
        return self.store.get_historical_features(entity_df=sql, features=FEATURES).to_df()  # want: AIML176


# Chained construction, .join of request values.
@app.get("/frame-by-ids")
def frame_by_ids():
    ids = ",".join(request.args.getlist("id"))
    return FeatureStore(repo_path=".").get_historical_features(  # want: AIML176
        entity_df=f"SELECT * FROM drivers WHERE driver_id IN ({ids})", features=FEATURES
    ).to_df().to_json()
