import os
import pickle
from pathlib import Path

import joblib
import mlflow
import numpy as np
import pandas as pd
import torch
import wandb
from mlflow.artifacts import download_artifacts
from mlflow.tracking import MlflowClient


def load_encoder(run_id):
    local_dir = mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path="encoder")
    state = torch.load(os.path.join(local_dir, "encoder.pt"), map_location="cpu")  # want: AIML223
    return state


def load_sklearn(uri):
    path = download_artifacts(artifact_uri=uri)
    return joblib.load(Path(path) / "model.joblib")  # want: AIML223


def load_client(run_id):
    client = MlflowClient()
    local = client.download_artifacts(run_id, "features")
    with open(f"{local}/scaler.pkl", "rb") as fh:
        return pickle.load(fh)  # want: AIML223


def load_wandb():
    run = wandb.init(project="vision")
    artifact = run.use_artifact("team/vision/encoder:latest")
    artifact_dir = artifact.download()
    return torch.load(os.path.join(artifact_dir, "encoder.pt"), weights_only=False)  # want: AIML223


def load_api():
    api = wandb.Api()
    root = api.artifact("team/vision/embeddings:v3").download()
    emb = np.load(  # want: AIML223
        os.path.join(root, "emb.npy"),
        allow_pickle=True,
    )
    frame = pd.read_pickle(root + "/frame.pkl")  # want: AIML223
    return emb, frame


class Loader:
    def load(self):
        d = wandb.use_artifact("team/vision/tokenizer:prod").download()
        return pickle.loads(Path(d, "tok.pkl").read_bytes())  # want: AIML223
