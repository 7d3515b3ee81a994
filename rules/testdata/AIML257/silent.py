# Spec example (silent), then look-alikes.
import torch
import torch.nn.utils.prune as prune


def export_small(model, path):
    prune.l1_unstructured(model.fc, "weight", amount=0.8)
    prune.remove(model.fc, "weight")
    torch.save(model.state_dict(), path)


# Removal in a loop.
def export_loop(model, path):
    for m in model.modules():
        prune.l1_unstructured(m, "weight", amount=0.2)
    for m in model.modules():
        prune.remove(m, "weight")
    torch.save(model.state_dict(), path)


# Removal through a helper of this module.
def make_permanent(model):
    for m in model.modules():
        prune.remove(m, "weight")


def export_helper(model, path):
    prune.l1_unstructured(model.fc, "weight", amount=0.8)
    make_permanent(model)
    torch.save(model.state_dict(), path)


class Exporter:
    def finalize(self, model):
        prune.remove(model.fc, "weight")

    def export(self, model, path):
        prune.l1_unstructured(model.fc, "weight", amount=0.8)
        self.finalize(model)
        torch.save(model.state_dict(), path)


# No export after pruning.
def prune_only(model):
    prune.l1_unstructured(model.fc, "weight", amount=0.8)
    return model


# Export before pruning (a checkpoint of the dense model).
def checkpoint_then_prune(model, path):
    torch.save(model.state_dict(), path)
    prune.l1_unstructured(model.fc, "weight", amount=0.8)


# Pruning in another function than the export.
def prune_step(model):
    prune.l1_unstructured(model.fc, "weight", amount=0.8)


def save_step(model, path):
    torch.save(model.state_dict(), path)
