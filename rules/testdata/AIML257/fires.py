# Spec example (fires), then variants.
import torch
import torch.nn.utils.prune as prune


def export_small(model, path):
    prune.l1_unstructured(model.fc, "weight", amount=0.8)
    torch.save(model.state_dict(), path)  # want: AIML257


# from-import of the prune module, global pruning, TorchScript export.
from torch.nn.utils import prune as P


def export_global(model, path):
    params = [(model.conv1, "weight"), (model.fc, "weight")]
    P.global_unstructured(params, pruning_method=P.L1Unstructured, amount=0.5)
    torch.jit.save(torch.jit.script(model), path)  # want: AIML257


# Pruning in a loop, safetensors export, inside a class method.
from safetensors.torch import save_file


class Compressor:
    def run(self, model):
        for m in model.modules():
            if isinstance(m, torch.nn.Linear):
                prune.ln_structured(m, name="weight", amount=0.3, n=2, dim=0)
        save_file(  # want: AIML257
            model.state_dict(),
            "small.safetensors",
        )


# Fully qualified spelling and random pruning at module level.
import safetensors.torch

net = torch.nn.Linear(4, 2)
torch.nn.utils.prune.random_unstructured(net, "bias", 0.5)
safetensors.torch.save_model(net, "net.safetensors")  # want: AIML257


def export_mask(model, mask, path):
    prune.custom_from_mask(model.fc, name="weight", mask=mask)
    prune.identity(model.fc, "bias")
    torch.save(model, path)  # want: AIML257
    torch.save(model.state_dict(), path + ".sd")  # want: AIML257
