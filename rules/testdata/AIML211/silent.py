import torch


def predict(batch):
    logits = model(batch.cuda())
    host = logits.to("cpu", non_blocking=True)
    torch.cuda.synchronize()
    return host.argmax(dim=-1).tolist()


def blocking(batch):
    host = model(batch).to("cpu")
    return host.tolist()


def explicit_false(batch):
    host = model(batch).to("cpu", non_blocking=False)
    return host.tolist()


def to_gpu(batch):
    dev = batch.to("cuda", non_blocking=True)
    return model(dev)


def event_sync(x):
    ev = torch.cuda.Event()
    host = x.to("cpu", non_blocking=True)
    ev.record()
    ev.synchronize()
    return host.numpy()


def stream_sync(x):
    host = x.to("cpu", non_blocking=True)
    torch.cuda.current_stream().synchronize()
    return host.numpy()


def chained(x):
    host = x.to("cpu", non_blocking=True)
    back = host.to("cuda:1", non_blocking=True)
    return back


def collect(batches):
    results = []
    for b in batches:
        r = model(b).to("cpu", non_blocking=True)
        results.append(r)
    torch.cuda.synchronize()
    return [r.numpy() for r in results]


def unused(x):
    host = x.to("cpu", non_blocking=True)
    return None
