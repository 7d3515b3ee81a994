import os
import tempfile
from transformers import AutoModel
from sentence_transformers import SentenceTransformer

model = AutoModel.from_pretrained("bert-base-uncased", cache_dir=os.path.expanduser("~/.cache/hf-cache"))

# Private temp directories (0700, unpredictable).
model = AutoModel.from_pretrained("bert-base-uncased", cache_dir=tempfile.mkdtemp())
with tempfile.TemporaryDirectory() as d:
    model = AutoModel.from_pretrained("bert-base-uncased", cache_dir=d)

# Home and application-owned paths.
model = AutoModel.from_pretrained("bert-base-uncased", cache_dir="/opt/app/models")
model = AutoModel.from_pretrained("bert-base-uncased", cache_dir="./cache")
emb = SentenceTransformer("all-MiniLM-L6-v2", cache_folder="~/.cache/st")

# Non-literal configuration values.
model = AutoModel.from_pretrained("bert-base-uncased", cache_dir=os.environ["MODEL_CACHE"])
model = AutoModel.from_pretrained("bert-base-uncased", cache_dir=settings.cache_dir)

# Not a cache key: other env keys and keywords.
model = AutoModel.from_pretrained("bert-base-uncased", local_files_only=True, revision="/tmp/x")
os.environ["TMPDIR"] = "/tmp"
os.environ["WANDB_DIR"] = "/tmp/wandb"

# Paths that only look like /tmp.
model = AutoModel.from_pretrained("bert-base-uncased", cache_dir="/tmpfs/models")
model = AutoModel.from_pretrained("bert-base-uncased", cache_dir="tmp/models")
