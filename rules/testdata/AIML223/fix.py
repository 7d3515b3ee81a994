import os

import mlflow
import numpy as np
import pickle
import torch


def load_encoder(run_id):
    local_dir = mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path="encoder")
    state = torch.load(os.path.join(local_dir, "encoder.pt"), map_location="cpu")  # want: AIML223
    legacy = torch.load(os.path.join(local_dir, "legacy.pt"), weights_only=False)  # want: AIML223
    emb = np.load(os.path.join(local_dir, "emb.npy"), allow_pickle=True)  # want: AIML223
    with open(os.path.join(local_dir, "vocab.pkl"), "rb") as fh:
        vocab = pickle.load(fh)  # want: AIML223
    return state, legacy, emb, vocab
