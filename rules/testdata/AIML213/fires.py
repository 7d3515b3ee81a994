import torch
from torch.cuda import CUDAGraph


class GraphedEncoder:
    def __init__(self, model, example):
        self.static_in = example.clone()
        self.graph = torch.cuda.CUDAGraph()
        with torch.cuda.graph(self.graph):
            self.static_out = model(self.static_in)

    def __call__(self, x):
        self.static_in.copy_(x)
        self.graph.replay()
        return self.static_out  # want: AIML213


def run_once(model, x):
    g = torch.cuda.CUDAGraph()
    static_x = x.clone()
    with torch.cuda.graph(g):
        static_y = model(static_x)
    static_x.copy_(x)
    g.replay()
    return static_y  # want: AIML213


class Decoder:
    def capture(self, model, ids):
        self.g = CUDAGraph()
        self.ids = ids
        with torch.cuda.graph(self.g, pool=None):
            self.logits, self.hidden = model(self.ids)

    def step(self, ids, n):
        self.ids.copy_(ids)
        self.g.replay()
        return self.logits[:, -1, :]  # want: AIML213

    def both(self, ids):
        self.ids.copy_(ids)
        self.g.replay()
        return self.logits.view(-1), self.hidden.clone()  # want: AIML213

    def stream(self, batches):
        for b in batches:
            self.ids.copy_(b)
            self.g.replay()
            yield self.hidden.detach()  # want: AIML213

    def squeezed(self, ids):
        self.ids.copy_(ids)
        self.g.replay()
        return (
            self.hidden.squeeze(0)  # want: AIML213
        )
