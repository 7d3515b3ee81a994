# Spec example (fires), then variants.
from fastapi import FastAPI
from feast import FeatureStore

app = FastAPI()


@app.post("/admin/feature-views")
def register(spec: dict):
    store = FeatureStore(repo_path="feature_repo")
    store.apply([build_view(spec)])  # want: AIML181
    return {"ok": True}


# Flask route, module-level store, partial=True spelled out.
from flask import Flask, request

web = Flask(__name__)
STORE = FeatureStore(repo_path="feature_repo")


@web.route("/views", methods=["PUT"])
def put_view():
    STORE.apply(build_view(request.get_json()), partial=True)  # want: AIML181
    return "", 204


# Aliased import, chained construction, multi-line call on an APIRouter.
from fastapi import APIRouter
from feast import FeatureStore as FS

router = APIRouter()


@router.post("/services")
def add_service(name: str):
    FS(repo_path=".").apply(  # want: AIML181
        [make_service(name)],
    )
    return {}


# A decorator that is not an auth marker (caching) does not protect it.
@web.post("/permissions")
@cache_control(max_age=0)
def add_permission():
    store = FeatureStore(repo_path=".")
    store.apply([build_permission(request.json)])  # want: AIML181
    return ""


# Ray Serve deployment method with a typed self store.
import feast
from ray import serve


@serve.deployment
class Registry:
    def __init__(self):
        self.store = feast.FeatureStore(repo_path=".")

    async def __call__(self, spec: dict):
        self.store.apply([build_view(spec)])  # want: AIML181
        return "ok"


# Django view (first parameter request in a module importing django).
import django


def sync_views(request):
    store = FeatureStore(repo_path=".")
    store.apply(load_views())  # want: AIML181
    return None
