# Spec example (silent), then look-alikes that must not fire.
import torch.distributed as dist


def sync_grads(model, world_size):
    handles = [dist.all_reduce(p.grad, async_op=True) for p in model.parameters() if p.grad is not None]
    for h in handles:
        h.wait()


# The handle is assigned, returned, appended or passed on.
def kept(t, pending):
    work = dist.all_reduce(t, async_op=True)
    pending.append(dist.broadcast(t, src=0, async_op=True))
    wait_all([dist.barrier(async_op=True)])
    work.wait()
    return dist.all_gather([t], t, async_op=True)


def wait_all(works):
    for w in works:
        w.wait()


# async_op absent, False or not a literal True.
def sync(t, flag):
    dist.all_reduce(t)
    dist.all_reduce(t, async_op=False)
    dist.all_reduce(t, async_op=flag)


# Point-to-point ops are out of scope; other libraries' all_reduce.
import horovod.torch as hvd


def p2p(t):
    dist.isend(t, dst=1)
    dist.irecv(t, src=0)
    hvd.allreduce_async_(t, name="x")


class Local:
    def all_reduce(self, t, async_op=False):
        return t


Local().all_reduce(None, async_op=True)
