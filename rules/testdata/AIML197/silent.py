# Spec example (silent), then look-alikes.
import argparse
import os

import deepspeed
from deepspeed.utils.zero_to_fp32 import get_fp32_state_dict_from_zero_checkpoint
from huggingface_hub import snapshot_download


def resume(model, ds_config, ckpt_dir):
    engine, optimizer, _, _ = deepspeed.initialize(model=model, config=ds_config)
    engine.load_checkpoint(ckpt_dir, tag="global_step1000")
    return engine


# A download pinned to a reviewed commit.
def resume_pinned(model, cfg):
    engine, _, _, _ = deepspeed.initialize(model=model, config=cfg)
    d = snapshot_download("someorg/ckpt", revision="3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345")
    engine.load_checkpoint(d)
    return engine


# load_checkpoint on receivers not bound from deepspeed.initialize.
def other_receivers(trainer, model, cfg):
    trainer.load_checkpoint(snapshot_download("someorg/ckpt"))
    _, optimizer, _, _ = deepspeed.initialize(model=model, config=cfg)
    optimizer.load_checkpoint(snapshot_download("someorg/ckpt"))


# Literal, argparse and env directories.
def local_dirs(model):
    parser = argparse.ArgumentParser()
    parser.add_argument("--ckpt")
    args = parser.parse_args()
    engine, _, _, _ = deepspeed.initialize(model=model)
    engine.load_checkpoint("/data/checkpoints/run7")
    engine.load_checkpoint(args.ckpt)
    return get_fp32_state_dict_from_zero_checkpoint(os.environ["CKPT_DIR"])


# A download in another SCOPE (module level) is not followed into functions.
MODULE_CKPT = snapshot_download("someorg/ckpt")


def from_module(model):
    engine, _, _, _ = deepspeed.initialize(model=model)
    engine.load_checkpoint(MODULE_CKPT)


# Downloaded dir used for something else; a derived value through an unrelated call.
def unrelated(model):
    d = snapshot_download("someorg/ckpt")
    engine, _, _, _ = deepspeed.initialize(model=model)
    engine.load_checkpoint(pick_local_copy(d))
    engine.save_checkpoint(d)
