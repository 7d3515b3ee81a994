import torch
from transformers import AutoModel

model = AutoModel.from_pretrained(
    "bert-base-uncased",
    cache_dir="/tmp/hf-cache",  # want: AIML245
)
torch.hub.set_dir("/tmp")  # want: AIML245
