import os
import tempfile
from os import environ, putenv

os.environ["MIOPEN_USER_DB_PATH"] = "/tmp/miopen-db"  # want: AIML208
import torch

os.environ.setdefault("MIOPEN_CUSTOM_CACHE_DIR", "/dev/shm/miopen-cache")  # want: AIML208
environ["MIOPEN_CUSTOM_CACHE_DIR"] = f"/var/tmp/miopen-{os.getuid()}"  # want: AIML208
os.environ.update(MIOPEN_USER_DB_PATH=os.path.join("/tmp", "miopen"))  # want: AIML208
putenv("MIOPEN_USER_DB_PATH", os.path.join(tempfile.gettempdir(), "miopen"))  # want: AIML208


def configure_rocm(rank):
    os.environ.update(  # want: AIML208
        {
            "MIOPEN_USER_DB_PATH": f"/tmp/miopen/{rank}",
            "HIP_VISIBLE_DEVICES": str(rank),
        }
    )


class Launcher:
    def setup(self):
        os.environ["MIOPEN_CUSTOM_CACHE_DIR"] = "/tmp/miopen-cache/kernels"  # want: AIML208
