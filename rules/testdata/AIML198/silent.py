# Spec example (silent), then look-alikes.
import argparse
import os

import torch.distributed.checkpoint as dcp
from huggingface_hub import snapshot_download


def load_sharded(model, ckpt_dir):
    state = {"model": model.state_dict()}
    dcp.load(state, checkpoint_id=ckpt_dir)
    model.load_state_dict(state["model"])


# Literal, argparse and env directories.
def local(model):
    parser = argparse.ArgumentParser()
    parser.add_argument("--ckpt")
    args = parser.parse_args()
    state = {"model": model.state_dict()}
    dcp.load(state, checkpoint_id="/checkpoints/run7/step_1000")
    dcp.load(state, checkpoint_id=args.ckpt)
    dcp.load(state, storage_reader=dcp.FileSystemReader(os.environ["CKPT"]))


# HuggingFaceStorageReader reads safetensors.
from torch.distributed.checkpoint import HuggingFaceStorageReader


def hf_reader(model):
    d = snapshot_download("someorg/fsdp-ckpt")
    dcp.load({"model": model.state_dict()}, storage_reader=HuggingFaceStorageReader(d))


# Saving into a downloaded directory is not a load.
def save(model):
    d = snapshot_download("someorg/fsdp-ckpt")
    dcp.save({"model": model.state_dict()}, checkpoint_id=d)
    dcp.save({"model": model.state_dict()}, storage_writer=dcp.FileSystemWriter(d))


# A pinned-revision download.
def pinned(model):
    d = snapshot_download("someorg/fsdp-ckpt", revision="0123456789abcdef0123456789abcdef01234567")
    dcp.load({"model": model.state_dict()}, checkpoint_id=d)
