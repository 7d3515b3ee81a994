# Spec example (fires), then variants.
import joblib


def load_preprocessor():
    return joblib.load("/tmp/feature_scaler.joblib")  # want: AIML174


# (b) writers and pickle-family loaders on world-writable paths.
import os
import pickle
import tempfile
from pathlib import Path

import dill
import pandas as pd


def save_state(scaler, encoder, state, rows, day):
    joblib.dump(scaler, "/var/tmp/scaler.joblib")  # want: AIML174
    pickle.dump(encoder, open(os.path.join(tempfile.gettempdir(), "encoder.pkl"), "wb"))  # want: AIML174
    dill.dump(state, open(Path("/tmp") / "state.dill", "wb"))  # want: AIML174
    pd.DataFrame(rows).to_pickle(f"/dev/shm/features_{day}.pkl")  # want: AIML174


def load_encoder():
    with open("/dev/shm/encoder.pkl", "rb") as fh:
        return pickle.load(fh)  # want: AIML174


# Module constant, aliases, inside a class, keyword arguments.
import joblib as jl
from cloudpickle import load as cp_load

SCALER_PATH = "/tmp/models/scaler.joblib"


class Preprocessor:
    def __init__(self):
        self.scaler = jl.load(filename=SCALER_PATH)  # want: AIML174

    def save(self):
        jl.dump(  # want: AIML174
            self.scaler,
            filename=SCALER_PATH,
        )


# (a) client-chosen paths: Flask and FastAPI.
from flask import Flask, request
from fastapi import FastAPI

app = Flask(__name__)
api = FastAPI()


@app.get("/encoder")
def encoder():
    enc = joblib.load(os.path.join("artifacts", request.args["name"]))  # want: AIML174
    return str(enc)


@app.post("/pipeline")
def pipeline():
    path = request.form["path"]
    with open(path, "rb") as f:
        pipe = cp_load(f)  # want: AIML174
    return str(pipe)


@api.get("/frame/{name}")
def frame(name: str):
    df = pd.read_pickle(  # want: AIML174
        f"artifacts/{name}.pkl",
    )
    return df.to_dict()
