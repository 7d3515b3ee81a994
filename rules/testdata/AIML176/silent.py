# Spec example (silent), then look-alikes that must not fire.
import pandas as pd
from datetime import datetime
from feast import FeatureStore
from flask import Flask, request, abort

app = Flask(__name__)
FEATURES = ["driver_stats:conv_rate"]
CITIES = {"paris", "rome"}


@app.get("/training-frame")
def training_frame():
    store = FeatureStore(repo_path=".")
    days = int(request.args["days"])
    sql = f"SELECT driver_id, event_timestamp FROM rides WHERE ts > CURRENT_DATE - {days}"
    return store.get_historical_features(entity_df=sql, features=FEATURES).to_df().to_json()


# entity_df is a DataFrame built from request data (DATA-CONSTRUCTOR).
@app.post("/frame-from-rows")
def frame_from_rows():
    store = FeatureStore(repo_path=".")
    entity_df = pd.DataFrame(request.get_json()["rows"])
    entity_df["event_timestamp"] = pd.to_datetime(entity_df["event_timestamp"])
    return store.get_historical_features(entity_df=entity_df, features=FEATURES).to_df().to_json()


# Literal SQL, and SQL interpolating only server-side values.
@app.get("/static-frame")
def static_frame():
    store = FeatureStore(repo_path=".")
    today = datetime.now().strftime("%Y-%m-%d")
    store.get_historical_features(entity_df="SELECT driver_id, event_timestamp FROM rides", features=FEATURES)
    sql = f"SELECT driver_id, event_timestamp FROM rides WHERE day = '{today}'"
    return store.get_historical_features(entity_df=sql, features=FEATURES).to_df().to_json()


# STRING-SANITIZERS: pd.to_datetime; allow-list membership guard.
@app.get("/since")
def since():
    store = FeatureStore(repo_path=".")
    start = pd.to_datetime(request.args["start"])
    city = request.args["city"]
    if city not in CITIES:
        abort(400)
    sql = f"SELECT driver_id, event_timestamp FROM rides WHERE ts > '{start}' AND city = '{city}'"
    return store.get_historical_features(entity_df=sql, features=FEATURES).to_df().to_json()


# Request values chosen from a server-side mapping (ALLOW-LIST lookup).
QUERIES = {"rides": "SELECT driver_id, event_timestamp FROM rides"}


@app.get("/named")
def named():
    store = FeatureStore(repo_path=".")
    return store.get_historical_features(entity_df=QUERIES[request.args["q"]], features=FEATURES).to_df().to_json()


# Outside request handlers: CLI/batch configuration is not a source.
def nightly(city):
    store = FeatureStore(repo_path=".")
    sql = f"SELECT driver_id, event_timestamp FROM rides WHERE city = '{city}'"
    return store.get_historical_features(entity_df=sql, features=FEATURES).to_df()


# Request data in another argument (features), not in entity_df.
@app.get("/features")
def features():
    store = FeatureStore(repo_path=".")
    return store.get_historical_features(entity_df="SELECT * FROM rides", features=request.args.getlist("f")).to_df().to_json()


# A non-Feast receiver with the same method name in a module that is typed otherwise.
class Warehouse:
    def get_historical_features(self, entity_df, features):
        return entity_df


@app.get("/warehouse")
def warehouse():
    wh = Warehouse()
    return wh.get_historical_features(f"SELECT * FROM t WHERE c = '{request.args['c']}'", FEATURES)
