# Spec example (fires), then variants.
from fastapi import FastAPI, Request
from feast import FeatureStore
import pandas as pd

app = FastAPI()


@app.post("/events")
async def ingest(request: Request):
    body = await request.json()
    store = FeatureStore(repo_path="feature_repo")
    store.push("txn_push_source", pd.DataFrame(body["events"]))  # want: AIML172


# Module-level store (typed once at module level), Flask route, online write.
from flask import Flask, request

web = Flask(__name__)
STORE = FeatureStore(repo_path="feature_repo")


@web.post("/drivers")
def drivers():
    STORE.write_to_online_store("driver_stats", pd.DataFrame(request.get_json()["rows"]))  # want: AIML172
    return "", 204


# from-import with `as`, keyword df=, multi-line call, offline write.
from feast import FeatureStore as FS
import feast


@web.route("/backfill", methods=["POST"])
def backfill():
    fs = FS(repo_path=".")
    fs.write_to_offline_store(  # want: AIML172
        feature_view_name="driver_stats",
        df=pd.DataFrame.from_records(request.json["rows"]),
    )
    return "", 204


# FastAPI body parameter passed as inputs= (dict input).
@app.post("/online")
def online(rows: dict):
    store = feast.FeatureStore(repo_path=".")
    store.write_to_online_store("driver_stats", inputs=rows)  # want: AIML172
    return {}


# Untyped receiver with a distinctive method name in a module importing feast.
from .stores import online_store


@app.post("/profile/{user_id}")
def profile(user_id: str, score: float):
    online_store.write_to_online_store("user_profile", df=pd.DataFrame({"user_id": [user_id], "score": [score]}))  # want: AIML172
    return {}


# Ray Serve deployment method; the store is a typed self attribute.
from ray import serve


@serve.deployment
class Ingestor:
    def __init__(self):
        self.store = feast.feature_store.FeatureStore(repo_path=".")

    async def __call__(self, request: Request):
        rows = await request.json()
        self.store.push("events_push", pd.DataFrame(rows), allow_registry_cache=True)  # want: AIML172


# Class-based FastAPI router method: df positional via a local variable.
from fastapi import APIRouter

router = APIRouter()


class Views:
    @staticmethod
    @router.put("/features")
    async def put_features(request: Request):
        frame = pd.json_normalize(await request.json())
        STORE.push("features_push", frame)  # want: AIML172
