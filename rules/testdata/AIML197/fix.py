# Spec example (fires), then variants.
import deepspeed
from huggingface_hub import snapshot_download


def resume(model, ds_config):
    engine, optimizer, _, _ = deepspeed.initialize(model=model, config=ds_config)
    ckpt_dir = snapshot_download(repo_id="someorg/llm-zero3-ckpt")
    engine.load_checkpoint(ckpt_dir, tag="global_step1000")  # want: AIML197
    return engine
