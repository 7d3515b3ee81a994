# Spec example (fires), then variants.
import os

import coremltools as ct
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()
MODEL_ROOT = "/srv/models"
OUT_DIR = "/srv/out"


class PackageJob(BaseModel):
    model_file: str
    title: str


@app.post("/package")
def package(job: PackageJob):
    mlmodel = ct.models.MLModel(os.path.join(MODEL_ROOT, job.model_file))  # want: AIML254
    mlmodel.short_description = job.title
    mlmodel.save(os.path.join(OUT_DIR, "App.mlpackage"))


# load_spec spellings, path parameter, f-string.
from coremltools.models.utils import load_spec
import coremltools.utils as cu


@app.get("/spec/{name}")
def spec(name: str):
    s = load_spec(f"{MODEL_ROOT}/{name}.mlmodel")  # want: AIML254
    t = cu.load_spec(name)  # want: AIML254
    return {"inputs": len(s.description.input) + len(t.description.input)}


# Flask request field, multi-line call, inside a class method.
from flask import Flask, request
from coremltools.models import MLModel

web = Flask(__name__)


class Packager:
    def repack(self):
        path = request.form["model"]
        model = MLModel(  # want: AIML254
            path,  # the request picks the file
            skip_model_load=True,
        )
        return {"author": model.author}


# Downloaded bytes written and loaded in the same function (network taint).
import requests


def import_remote(url):
    spec_bytes = requests.get(url, timeout=30).content
    return ct.models.MLModel(spec_bytes)  # want: AIML254


@app.post("/load")
async def load(req: dict):
    return ct.models.model.MLModel(req["path"]).short_description  # want: AIML254
