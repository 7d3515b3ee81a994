from fastapi import FastAPI, Request
from feast import FeatureStore
import pandas as pd

app = FastAPI()


@app.post("/events")
async def ingest(request: Request):
    body = await request.json()
    store = FeatureStore(repo_path="feature_repo")
    store.push("txn_push_source", pd.DataFrame(body["events"]))  # want: AIML172
