# Spec example (fires), then variants.
import torch.distributed as dist


def sync_grads(model, world_size):
    for p in model.parameters():
        if p.grad is not None:
            dist.all_reduce(p.grad, op=dist.ReduceOp.SUM, async_op=True)  # want: AIML205
            p.grad /= world_size


# Other collectives, full module path and from-imports with `as`.
import torch
from torch.distributed import broadcast as bcast, barrier


def sync_params(model):
    for t in model.state_dict().values():
        bcast(t, src=0, async_op=True)  # want: AIML205
    barrier(async_op=True)  # want: AIML205
    torch.distributed.all_gather_into_tensor(torch.empty(8), torch.ones(1), async_op=True)  # want: AIML205


# Multi-line call; keyword on its own line; parenthesised statement.
def shard(out, inp, group):
    dist.reduce_scatter_tensor(
        out,
        inp,
        group=group,
        async_op=True,  # want: AIML205
    )
    (dist.all_to_all_single(out, inp, async_op=True))  # want: AIML205


# Inside a class method; the defining module's spelling.
from torch.distributed import distributed_c10d as c10d


class Syncer:
    def run(self, tensor, tensors):
        c10d.all_reduce(tensor, async_op=True)  # want: AIML205
        dist.gather(tensor, gather_list=tensors, dst=0, async_op=(True))  # want: AIML205
