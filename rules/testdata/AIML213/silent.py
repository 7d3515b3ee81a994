import copy

import torch


class GraphedEncoder:
    def __init__(self, model, example):
        self.static_in = example.clone()
        self.graph = torch.cuda.CUDAGraph()
        with torch.cuda.graph(self.graph):
            self.static_out = model(self.static_in)
            self.static_loss = self.static_out.sum()

    def __call__(self, x):
        self.static_in.copy_(x)
        self.graph.replay()
        return self.static_out.clone()

    def host(self, x):
        self.static_in.copy_(x)
        self.graph.replay()
        return self.static_out.cpu()

    def as_list(self, x):
        self.static_in.copy_(x)
        self.graph.replay()
        return self.static_out.tolist()

    def loss(self, x):
        self.static_in.copy_(x)
        self.graph.replay()
        return self.static_loss.item()

    def wrapped(self, x):
        self.static_in.copy_(x)
        self.graph.replay()
        return torch.clone(self.static_out)

    def deep(self, x):
        self.graph.replay()
        return copy.deepcopy(self.static_out)

    def no_replay(self):
        # returns the buffer without replaying here
        return self.static_out

    def to_cpu(self, x):
        self.graph.replay()
        return self.static_out.to("cpu")


def graphed(model, sample):
    return torch.cuda.make_graphed_callables(model, (sample,))


def eager(model, x):
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g):
        y = model(x)
    g.replay()
    y = y.clone()
    return y
