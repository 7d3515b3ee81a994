import numpy as np
import torch

CPU = "cpu"


def predict(batch):
    logits = model(batch.cuda())
    host = logits.to("cpu", non_blocking=True)  # want: AIML211
    return host.argmax(dim=-1).tolist()


def embed(x):
    out = encoder(x)
    cpu_out = out.to(torch.device("cpu"), non_blocking=True)  # want: AIML211
    return cpu_out.numpy()


def scores(x):
    probs = model(x).softmax(-1)
    p = probs.to(device="cpu", non_blocking=True)  # want: AIML211
    print(p[0])


class Server:
    def __call__(self, req):
        y = self.model(req.cuda())
        y_cpu = y.to(
            "cpu",
            dtype=torch.float32,
            non_blocking=True,  # want: AIML211
        )
        return {"y": y_cpu}


def collect(batches):
    results = []
    for b in batches:
        r = model(b).to("cpu", non_blocking=True)  # want: AIML211
        results.append(r)
    return results


def to_numpy(t):
    arr = t.to("cpu", non_blocking=True)  # want: AIML211
    value = np.asarray(arr)
    torch.cuda.synchronize()
    return value
