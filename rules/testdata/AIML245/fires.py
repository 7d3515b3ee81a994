import os
import tempfile
import torch
from os import environ
from huggingface_hub import hf_hub_download, snapshot_download
from sentence_transformers import SentenceTransformer
from transformers import AutoModel, AutoTokenizer
import tensorflow as tf

model = AutoModel.from_pretrained("bert-base-uncased", cache_dir="/tmp/hf-cache")  # want: AIML245

tok = AutoTokenizer.from_pretrained(
    "bert-base-uncased",
    cache_dir="/dev/shm/tokenizers",  # want: AIML245
)

path = hf_hub_download("org/model", "model.safetensors", cache_dir="/var/tmp")  # want: AIML245
snap = snapshot_download(repo_id="org/model", cache_dir=os.path.join(tempfile.gettempdir(), "hub"))  # want: AIML245
emb = SentenceTransformer("all-MiniLM-L6-v2", cache_folder="/tmp/st")  # want: AIML245
sd = torch.hub.load_state_dict_from_url(URL, model_dir="/tmp/checkpoints")  # want: AIML245
torch.hub.set_dir("/tmp/torch-hub")  # want: AIML245
weights = tf.keras.utils.get_file("w.h5", URL, cache_dir="/tmp/keras")  # want: AIML245

os.environ["HF_HOME"] = "/tmp/hf"  # want: AIML245
os.environ.setdefault("TRANSFORMERS_CACHE", "/tmp/transformers")  # want: AIML245
environ["TORCH_HOME"] = "/tmp"  # want: AIML245
os.putenv("SENTENCE_TRANSFORMERS_HOME", "/dev/shm/st")  # want: AIML245
os.environ.update({"HF_HUB_CACHE": "/tmp/hub"})  # want: AIML245
os.environ["XDG_CACHE_HOME"] = f"/tmp/{os.getuid()}"  # want: AIML245

CACHE = "/tmp/shared-models"


class Loader:
    def load(self, name):
        return AutoModel.from_pretrained(name, cache_dir=CACHE)  # want: AIML245
