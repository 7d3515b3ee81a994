# Spec example (fires), then variants.
import deepspeed
from huggingface_hub import snapshot_download


def resume(model, ds_config):
    engine, optimizer, _, _ = deepspeed.initialize(model=model, config=ds_config)
    ckpt_dir = snapshot_download(repo_id="someorg/llm-zero3-ckpt")
    engine.load_checkpoint(ckpt_dir, tag="global_step1000")  # want: AIML197
    return engine


# An engine kept on self, load_dir= keyword, revision pinned only to a branch.
class Trainer:
    def __init__(self, model, cfg):
        self.engine, self.optimizer, _, _ = deepspeed.initialize(model=model, config=cfg)

    def resume(self):
        d = snapshot_download("someorg/ckpt", revision="main")
        self.engine.load_checkpoint(load_dir=d)  # want: AIML197


# zero_to_fp32 helpers: a joined path, from-import with `as`, multi-line.
import os
from pathlib import Path

from deepspeed.utils import zero_to_fp32
from deepspeed.utils.zero_to_fp32 import load_state_dict_from_zero_checkpoint as load_zero


def consolidate(model):
    root = snapshot_download("someorg/zero-ckpt")
    sd = zero_to_fp32.get_fp32_state_dict_from_zero_checkpoint(os.path.join(root, "ckpt"))  # want: AIML197
    zero_to_fp32.convert_zero_checkpoint_to_fp32_state_dict(  # want: AIML197
        checkpoint_dir=Path(root) / "ckpt",
        output_file="pytorch_model.bin",
    )
    return sd


# A request-chosen directory.
from flask import Flask, request

app = Flask(__name__)


@app.post("/restore")
def restore():
    model = load_zero(MODEL, request.json["checkpoint_dir"])  # want: AIML197
    return str(model)


# init_inference with a hub_download'ed checkpoint description, HfApi client.
from huggingface_hub import HfApi, hf_hub_download


def serve(model):
    desc = hf_hub_download("someorg/ds-inference", "checkpoints.json")
    return deepspeed.init_inference(model, checkpoint=desc, dtype="fp16")  # want: AIML197


def serve_api(model):
    engine, *_ = deepspeed.initialize(model=model)
    engine.load_checkpoint(HfApi().snapshot_download("someorg/ckpt"))  # want: AIML197
