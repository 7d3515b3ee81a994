import json
import os
import pickle

import mlflow
import numpy as np
import onnx
import safetensors.torch
import torch
import wandb


def load_encoder(run_id):
    local_dir = mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path="encoder")
    return safetensors.torch.load_file(os.path.join(local_dir, "encoder.safetensors"))


def weights_only(run_id):
    local_dir = mlflow.artifacts.download_artifacts(run_id=run_id)
    return torch.load(os.path.join(local_dir, "encoder.pt"), weights_only=True)


def safe_formats(run_id):
    local_dir = mlflow.artifacts.download_artifacts(run_id=run_id)
    with open(os.path.join(local_dir, "cfg.json")) as fh:
        cfg = json.load(fh)
    graph = onnx.load(os.path.join(local_dir, "model.onnx"))
    arr = np.load(os.path.join(local_dir, "emb.npy"))
    return cfg, graph, arr


def flavor(run_id):
    return mlflow.pytorch.load_model(f"runs:/{run_id}/model")


def unrelated(run_id):
    mlflow.artifacts.download_artifacts(run_id=run_id, dst_path="/data/cache")
    with open("/srv/models/local.pkl", "rb") as fh:
        return pickle.load(fh)


def other_download(client):
    path = client.download_artifacts("run", "model")
    return torch.load(path)


def split_scopes(run_id):
    local_dir = mlflow.artifacts.download_artifacts(run_id=run_id)

    def inner(path):
        return torch.load(path)

    return inner(os.path.join(local_dir, "x.pt"))
