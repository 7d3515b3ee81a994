from fastapi import FastAPI
from feast import FeatureStore

app = FastAPI()


@app.post("/admin/feature-views")
def register(spec: dict):
    store = FeatureStore(repo_path="feature_repo")
    store.apply([build_view(spec)])  # want: AIML181
    return {"ok": True}
