# Spec example (silent), then look-alikes that must not fire.
from fastapi import Depends, FastAPI, Security
from feast import FeatureStore

app = FastAPI()


@app.post("/admin/feature-views", dependencies=[Depends(require_admin)])
def register(spec: dict):
    store = FeatureStore(repo_path="feature_repo")
    store.apply([build_view(spec)])
    return {"ok": True}


# AUTH MARKER through a Depends parameter and through an auth decorator.
@app.post("/views")
def views(spec: dict, user=Depends(get_current_user)):
    FeatureStore(repo_path=".").apply([build_view(spec)])
    return {}


@app.post("/services")
@requires_admin
def services(spec: dict):
    FeatureStore(repo_path=".").apply([build_service(spec)])
    return {}


# App-level dependencies on the router (AUTH MARKER (d)).
from fastapi import APIRouter

secure = APIRouter(dependencies=[Security(verify_api_key)])


@secure.post("/sources")
def sources(spec: dict):
    FeatureStore(repo_path=".").apply([build_source(spec)])
    return {}


# CLI / CI: ordinary functions and the __main__ block.
def apply_repo():
    store = FeatureStore(repo_path="feature_repo")
    store.apply(load_definitions())


if __name__ == "__main__":
    FeatureStore(repo_path="feature_repo").apply(load_definitions())


# DataFrame.apply and untyped .apply in a route are not Feast.
import pandas as pd


@app.post("/transform")
def transform(rows: list, store=None):
    df = pd.DataFrame(rows)
    df.apply(len)
    store.apply([build_view({})])
    return {}


# Deleting applies are AIML184's (objects_to_delete= / partial=False).
@app.post("/prune")
def prune(spec: dict):
    store = FeatureStore(repo_path=".")
    store.apply([build_view(spec)], objects_to_delete=[old_view(spec)])  # want: AIML184
    store.apply([build_view(spec)], partial=False)  # want: AIML184
    return {}
