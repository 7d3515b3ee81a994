import torch


def predict(batch):
    logits = model(batch.cuda())
    host = logits.to("cpu", non_blocking=True)  # want: AIML211
    return host.argmax(dim=-1).tolist()


def embed(x):
    cpu_out = encoder(x).to(
        torch.device("cpu"),
        non_blocking=True,  # want: AIML211
    )
    return cpu_out.numpy()
