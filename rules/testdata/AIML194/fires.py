# Spec example (fires), then variants.
import torch.distributed as dist


def setup(rank, world_size):
    dist.init_process_group(
        backend="gloo",
        init_method="file:///tmp/ddp_rendezvous",  # want: AIML194
        rank=rank,
        world_size=world_size,
    )


# Positional init_method, an f-string below /dev/shm.
def setup_positional(rank, world_size, job):
    dist.init_process_group("nccl", f"file:///dev/shm/rdzv_{job}", world_size=world_size, rank=rank)  # want: AIML194


# from-import with `as`, /var/tmp, inside a class.
from torch.distributed import init_process_group as init_pg


class Trainer:
    def init_distributed(self, rank):
        init_pg(
            "gloo",
            rank=rank,
            world_size=4,
            init_method="file:///var/tmp/trainer.rdzv",  # want: AIML194
        )


# RPC backend options with a file:// rendezvous.
from torch.distributed import rpc


def start_rpc(rank):
    opts = rpc.TensorPipeRpcBackendOptions(
        num_worker_threads=8,
        init_method="file:///tmp/rpc_init",  # want: AIML194
    )
    rpc.init_rpc(f"worker{rank}", rank=rank, world_size=2, rpc_backend_options=opts)


# A FileStore in /tmp, positional and keyword, also through os.path.join and tempfile.gettempdir().
import os
import tempfile

import torch


def make_store():
    return dist.FileStore("/tmp/filestore", 2)  # want: AIML194


def make_store_joined():
    return torch.distributed.FileStore(file_name=os.path.join(tempfile.gettempdir(), "store"), world_size=2)  # want: AIML194


# A module-level rendezvous constant.
RDZV = "file:///tmp/shared_rdzv"


def setup_const(rank):
    dist.init_process_group(backend="gloo", init_method=RDZV, rank=rank, world_size=2)  # want: AIML194
