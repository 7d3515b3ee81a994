# Spec example (fires), then variants.
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained(
    "meta-llama/Llama-2-13b-hf",
    device_map="auto",
    offload_folder="/tmp/offload",  # want: AIML200
)

# Any from_pretrained (diffusers, PEFT), module alias, f-string and /dev/shm.
import diffusers as dfs
from peft import PeftModel

pipe = dfs.DiffusionPipeline.from_pretrained("stabilityai/sdxl", device_map="balanced", offload_folder=f"/dev/shm/{0}")  # want: AIML200
peft = PeftModel.from_pretrained(model, "acme/lora", offload_folder="/var/tmp/peft")  # want: AIML200

# accelerate entry points, from-import with `as`, big_modeling spellings.
import os
import tempfile
import accelerate
from accelerate import disk_offload as offload_to_disk
from accelerate.big_modeling import dispatch_model

accelerate.load_checkpoint_and_dispatch(model, "ckpt/", device_map="auto", offload_folder=os.path.join("/tmp", "shards"))  # want: AIML200
offload_to_disk(model, "/tmp/disk_offload")  # want: AIML200
offload_to_disk(model, offload_dir=os.path.join(tempfile.gettempdir(), "x"), execution_device=0)  # want: AIML200
dispatch_model(model, device_map={"": "disk"}, offload_dir="/tmp/dispatch")  # want: AIML200
accelerate.big_modeling.disk_offload(model, "/dev/shm/x")  # want: AIML200

OFFLOAD_DIR = "/tmp/offload_cache"


# Inside a class method, through a module constant.
class Loader:
    def load(self, name):
        self.model = AutoModelForCausalLM.from_pretrained(
            name,
            offload_folder=OFFLOAD_DIR,  # want: AIML200
        )
        return self.model
