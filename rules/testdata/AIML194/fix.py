# Spec example (fires), then variants.
import torch.distributed as dist


def setup(rank, world_size):
    dist.init_process_group(
        backend="gloo",
        init_method="file:///tmp/ddp_rendezvous",  # want: AIML194
        rank=rank,
        world_size=world_size,
    )
