# Spec example (silent), then look-alikes.
import os
import tempfile

import torch.distributed as dist


def setup(rank, world_size, shared_dir):
    dist.init_process_group(
        backend="gloo",
        init_method=f"file://{shared_dir}/rendezvous",
        rank=rank,
        world_size=world_size,
    )


# env:// and tcp:// rendezvous.
def setup_env(rank):
    dist.init_process_group("nccl", init_method="env://", rank=rank, world_size=8)
    dist.init_process_group("nccl", init_method="tcp://10.0.0.1:23456", rank=rank, world_size=8)


# file:// on a shared FS, in the home dir or a project dir.
def setup_shared(rank):
    dist.init_process_group("gloo", init_method="file:///mnt/shared/job42/rdzv", rank=rank, world_size=2)
    dist.init_process_group("gloo", init_method="file:///home/ml/rdzv", rank=rank, world_size=2)


# A private directory from mkdtemp().
def setup_private(rank):
    private = tempfile.mkdtemp()
    dist.init_process_group("gloo", init_method=f"file://{private}/rdzv", rank=rank, world_size=2)
    return dist.FileStore(os.path.join(private, "store"), 2)


# HashStore and non-literal init methods.
def other_stores(init_method, rank):
    store = dist.HashStore()
    dist.init_process_group("gloo", init_method=init_method, rank=rank, world_size=2)
    dist.init_process_group("gloo", init_method=os.environ["RDZV"], rank=rank, world_size=2)
    return store


# A /tmp path in an unrelated keyword.
def unrelated(rank):
    dist.init_process_group("gloo", init_method="env://", group_name="/tmp/name", rank=rank, world_size=2)
