import os
import tempfile
from huggingface_hub import snapshot_download
from transformers import AutoModel

model = AutoModel.from_pretrained("bert-base-uncased", cache_dir="/tmp/hf-cache")  # want: AIML245
snap = snapshot_download(repo_id="org/model", cache_dir=os.path.join(tempfile.gettempdir(), "hub"))  # want: AIML245
os.environ.setdefault("TRANSFORMERS_CACHE", "/var/tmp/")  # want: AIML245


def env():
    import os as system
    system.environ["HF_HOME"] = "/dev/shm/"  # want: AIML245


# Guidance: an f-string, a name bound elsewhere, an odd component.
os.environ["XDG_CACHE_HOME"] = f"/tmp/{user}"  # want: AIML245
CACHE = "/tmp/models"
m = AutoModel.from_pretrained("x", cache_dir=CACHE)  # want: AIML245
m = AutoModel.from_pretrained("x", cache_dir="/tmp/it's")  # want: AIML245
