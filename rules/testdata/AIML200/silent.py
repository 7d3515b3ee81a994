# Spec example (silent), then look-alikes that must not fire.
import os
import tempfile
from pathlib import Path

import accelerate
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained(
    "meta-llama/Llama-2-13b-hf",
    device_map="auto",
    offload_folder="offload",
)

# Paths under the project or home, dedicated absolute dirs.
m2 = AutoModelForCausalLM.from_pretrained("acme/m", offload_folder="~/offload")
m3 = AutoModelForCausalLM.from_pretrained("acme/m", offload_folder="/srv/models/offload")
m4 = AutoModelForCausalLM.from_pretrained("acme/m", offload_folder=str(Path.home() / "offload"))

# Private temp directories.
m5 = AutoModelForCausalLM.from_pretrained("acme/m", offload_folder=tempfile.mkdtemp(prefix="offload-"))
with tempfile.TemporaryDirectory() as tmp:
    m6 = AutoModelForCausalLM.from_pretrained("acme/m", offload_folder=tmp)


# Non-literal paths.
def load(folder):
    return AutoModelForCausalLM.from_pretrained("acme/m", offload_folder=folder)


m7 = AutoModelForCausalLM.from_pretrained("acme/m", offload_folder=os.environ["OFFLOAD_DIR"])

# Other keywords and other callees: cache_dir belongs to AIML245, offload_dir to accelerate only.
m8 = AutoModelForCausalLM.from_pretrained("acme/m", offload_state_dict=True, device_map="auto")
accelerate.dispatch_model(model, device_map={"": 0}, offload_index=None)
accelerate.dispatch_model(model, {"": "disk"}, 0, None, "offload")
accelerate.load_checkpoint_and_dispatch(model, "/tmp/ckpt", device_map="auto")
accelerate.init_empty_weights()


def save_pretrained(model):
    model.save_pretrained("/tmp/out", offload_folder="/tmp/offload")
