import os

import coremltools as ct
from fastapi import FastAPI

app = FastAPI()


@app.post("/package/{name}")
def package(name: str):
    mlmodel = ct.models.MLModel(os.path.join("/srv/models", name))  # want: AIML254
    mlmodel.save("/srv/out/App.mlpackage")
