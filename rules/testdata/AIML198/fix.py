# Spec example (fires), then variants.
import torch.distributed.checkpoint as dcp
from huggingface_hub import snapshot_download


def load_sharded(model):
    path = snapshot_download("someorg/fsdp-sharded-7b")
    state = {"model": model.state_dict()}
    dcp.load(state, checkpoint_id=path)  # want: AIML198
    model.load_state_dict(state["model"])
