import os
import tempfile

os.environ["MIOPEN_USER_DB_PATH"] = os.path.expanduser("~/.cache/miopen")
os.environ["MIOPEN_CUSTOM_CACHE_DIR"] = tempfile.mkdtemp(prefix="miopen-")
os.environ["MIOPEN_CUSTOM_CACHE_DIR"] = "/home/ci/.cache/miopen"
os.environ["MIOPEN_FIND_MODE"] = "/tmp/ignored"
os.environ["HSA_TOOLS_LIB"] = "/tmp/libtool.so"
os.environ["MIOPEN_USER_DB_PATH"] = "./miopen-db"


def configure(cache_dir):
    os.environ["MIOPEN_USER_DB_PATH"] = cache_dir


def from_env():
    os.environ["MIOPEN_USER_DB_PATH"] = os.environ.get("SCRATCH", "")
