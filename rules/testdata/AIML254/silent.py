# Spec example (silent), then look-alikes.
import hashlib
import os

import coremltools as ct
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()
OUT_DIR = "/srv/out"
RELEASED_MODELS = {"v1": "/srv/models/v1.mlpackage", "v2": "/srv/models/v2.mlpackage"}


class PackageJob(BaseModel):
    model_id: str
    title: str


@app.post("/package")
def package(job: PackageJob):
    mlmodel = ct.models.MLModel(RELEASED_MODELS[job.model_id])
    mlmodel.save(os.path.join(OUT_DIR, "App.mlpackage"))


# Literal and environment paths.
def bundled():
    return ct.models.MLModel("Resources/Classifier.mlmodel")


def from_env():
    return ct.utils.load_spec(os.environ["COREML_SPEC"])


# Just written by our own conversion step in the same function.
@app.post("/convert")
def convert(job: PackageJob, traced=None):
    path = os.path.join(OUT_DIR, job.title + ".mlpackage")
    ct.convert(traced, convert_to="mlprogram").save(path)
    return {"inputs": str(ct.models.MLModel(path).input_description)}


@app.post("/convert2")
def convert2(job: PackageJob, traced=None):
    path = os.path.join(OUT_DIR, job.title + ".mlpackage")
    mlmodel = ct.convert(traced)
    mlmodel.save(path)
    return {"author": ct.models.MLModel(path).author}


# A digest check exists.
@app.post("/verified")
def verified(job: PackageJob):
    path = os.path.join(OUT_DIR, job.title)
    with open(path, "rb") as f:
        if hashlib.sha256(f.read()).hexdigest() != "0" * 64:
            raise ValueError("bad model")
    return {"author": ct.models.MLModel(path).author}


# Not a request handler and no request data: CLI argument.
def main(argv):
    model = ct.models.MLModel(argv[1])
    model.save("out.mlpackage")
