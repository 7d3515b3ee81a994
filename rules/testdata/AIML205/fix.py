import torch.distributed as dist


def sync_grads(model, world_size):
    for p in model.parameters():
        if p.grad is not None:
            dist.all_reduce(p.grad, op=dist.ReduceOp.SUM, async_op=True)  # want: AIML205
            p.grad /= world_size


def more(out, inp, t):
    dist.barrier(async_op=True)  # want: AIML205
    dist.broadcast(async_op=True, tensor=t, src=0)  # want: AIML205
    dist.reduce_scatter_tensor(
        out,
        inp,
        async_op=True,  # want: AIML205
    )
    dist.all_gather_into_tensor(
        out,
        inp,  # the input shard
        async_op=True,  # want: AIML205
    )
