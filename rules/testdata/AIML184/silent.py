# Spec example (silent), then look-alikes that must not fire.
from fastapi import APIRouter, Depends, FastAPI
from feast import FeatureStore
from flask import Flask
from flask_login import login_required

app = Flask(__name__)
STORE = FeatureStore(repo_path="feature_repo")


@app.delete("/feature-views/<name>")
@login_required
def drop_view(name):
    FeatureStore(repo_path="feature_repo").delete_feature_view(name)
    return "", 204


# CLI / maintenance function: not a handler.
def cleanup(names):
    for name in names:
        STORE.delete_feature_view(name)
    STORE.teardown()


# FastAPI Depends on an auth dependency: AUTH MARKER (b).
api = FastAPI()


def get_current_user():
    return None


@api.delete("/services/{name}")
def drop_service(name: str, user=Depends(get_current_user)):
    STORE.delete_feature_service(name)
    return {}


# Route decorator with dependencies=: AUTH MARKER (c).
@api.post("/teardown", dependencies=[Depends(get_current_user)])
def teardown_route():
    STORE.teardown()
    return {}


# Router created with dependencies=: AUTH MARKER (d).
admin = APIRouter(dependencies=[Depends(get_current_user)])


@admin.delete("/projects/{project}")
def drop_project(project: str):
    STORE.delete_project(project)
    return {}


# Plain apply is AIML181's; generic names on other types.
@app.post("/registry")
def register():
    STORE.apply([], partial=True)  # want: AIML181
    return "", 204


class Cluster:
    def teardown(self):
        pass


@app.post("/frames")
def frames():
    import pandas as pd

    df = pd.DataFrame({"a": [1]})
    df.apply(len)
    Cluster().teardown()
    return "", 204


# Flask hook: not a ROUTE HANDLER.
@app.teardown_request
def on_teardown(exc):
    STORE.teardown()


if __name__ == "__main__":
    STORE.delete_project("scratch")
