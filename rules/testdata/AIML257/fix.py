import torch
import torch.nn.utils.prune as prune


def export_small(model, path):
    prune.l1_unstructured(model.fc, "weight", amount=0.8)
    torch.save(model.state_dict(), path)  # want: AIML257


def export_two(model, path):
    prune.l1_unstructured(model.fc1, "weight", amount=0.5)
    prune.l1_unstructured(model.fc2, name="weight", amount=0.5)
    prune.l1_unstructured(model.fc1, "weight", amount=0.5)  # iterative: one removal
    if path:
        torch.save(model.state_dict(), path)  # want: AIML257


def export_global(model, path):
    params = [(model.conv1, "weight"), (model.fc, "weight")]
    prune.global_unstructured(params, pruning_method=prune.L1Unstructured, amount=0.5)
    torch.save(model.state_dict(), path)  # want: AIML257


# Guidance: pruning in a loop.
def export_loop(model, path):
    for m in model.modules():
        prune.l1_unstructured(m, "weight", amount=0.2)
    torch.save(model.state_dict(), path)  # want: AIML257


# Guidance: export inside a loop.
def export_epochs(model, path):
    prune.l1_unstructured(model.fc, "weight", amount=0.8)
    for epoch in range(3):
        torch.save(model.state_dict(), f"{path}.{epoch}")  # want: AIML257


# Fully qualified spelling with only `import torch`.
def export_qualified(model, path):
    torch.nn.utils.prune.l1_unstructured(model.fc, "weight", 0.3)
    torch.save(model, path)  # want: AIML257


# Guidance: global pruning plus a single-parameter call (pairs may repeat).
def export_mixed(model, path):
    params = [(model.conv1, "weight"), (model.fc, "weight")]
    prune.global_unstructured(params, pruning_method=prune.L1Unstructured, amount=0.5)
    prune.l1_unstructured(model.fc, "weight", amount=0.1)
    torch.save(model.state_dict(), path)  # want: AIML257
