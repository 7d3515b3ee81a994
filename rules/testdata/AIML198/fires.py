# Spec example (fires), then variants.
import torch.distributed.checkpoint as dcp
from huggingface_hub import snapshot_download


def load_sharded(model):
    path = snapshot_download("someorg/fsdp-sharded-7b")
    state = {"model": model.state_dict()}
    dcp.load(state, checkpoint_id=path)  # want: AIML198
    model.load_state_dict(state["model"])


# FileSystemReader on a joined path, multi-line load.
import os


def load_with_reader(model):
    root = snapshot_download(repo_id="someorg/fsdp-ckpt", revision="v1.0")
    reader = dcp.FileSystemReader(os.path.join(root, "step_1000"))  # want: AIML198
    dcp.load(
        {"model": model.state_dict()},
        storage_reader=reader,
    )


# dcp_to_torch_save, from-import with `as`.
from torch.distributed.checkpoint.format_utils import dcp_to_torch_save as to_torch


def convert():
    d = snapshot_download("someorg/fsdp-ckpt")
    to_torch(d, "model.pt")  # want: AIML198


# A request-chosen directory inside a class.
from fastapi import FastAPI

app = FastAPI()


@app.post("/load")
def load_endpoint(checkpoint_dir: str):
    state = {"model": MODEL.state_dict()}
    dcp.load(state, checkpoint_id=checkpoint_dir)  # want: AIML198
    return {"ok": True}


class Restorer:
    def restore(self, model):
        from flask import request

        state = {"model": model.state_dict()}
        dcp.load(  # want: AIML198
            state,
            checkpoint_id=request.json["path"],
        )


# Full module path, keyword path=, pathlib join, str().
import torch
from pathlib import Path


def load_full(model):
    d = snapshot_download("someorg/fsdp-ckpt")
    return torch.distributed.checkpoint.FileSystemReader(path=str(Path(d) / "latest"))  # want: AIML198
