# Spec example (fires), then variants.
from flask import Flask
from feast import FeatureStore

app = Flask(__name__)


@app.delete("/feature-views/<name>")
def drop_view(name):
    store = FeatureStore(repo_path="feature_repo")
    store.delete_feature_view(name)  # want: AIML184
    return "", 204


# FastAPI router, module-level typed store, teardown of the infrastructure.
from fastapi import APIRouter, FastAPI
import feast

router = APIRouter()
STORE = feast.FeatureStore(repo_path="feature_repo")


@router.post("/admin/teardown")
async def teardown_all():
    STORE.teardown()  # want: AIML184
    return {"ok": True}


# apply with objects_to_delete= (from-import with `as`, multi-line call).
from feast import FeatureStore as FS


@app.post("/registry/prune")
def prune():
    fs = FS(repo_path=".")
    fs.apply(  # want: AIML184
        [],
        objects_to_delete=[STORE.get_feature_view("stale")],
    )
    return "", 204


# apply with partial=False removes everything not listed.
api = FastAPI()


@api.put("/registry")
def replace_registry(objects: list):
    FeatureStore(repo_path=".").apply(objects, partial=False)  # want: AIML184
    return {}


# Untyped receiver with a distinctive name in a module importing feast.
from .stores import shared_store


@api.delete("/services/{name}")
def drop_service(name: str):
    shared_store.delete_feature_service(name)  # want: AIML184
    return {}


# Ray Serve deployment method with a typed self attribute.
from ray import serve


@serve.deployment
class FeatureAdmin:
    def __init__(self):
        self.store = FeatureStore(repo_path=".")

    async def __call__(self, request):
        self.store.delete_project("fraud")  # want: AIML184


# Route handler inside a class body (static method), route-level decorator only.
class Views:
    @staticmethod
    @app.route("/projects/<project>", methods=["DELETE"])
    def drop_project(project):
        STORE.delete_project(project)  # want: AIML184
        return "", 204
