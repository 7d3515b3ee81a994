# Spec example (fires), then variants.
import os
from pathlib import Path

import horovod.spark.common.store as hvd_store
from horovod.spark.common.store import LocalStore, Store

WORKERS = int(os.environ.get("HVD_WORKERS", "2"))


def build_store():
    return Store.create("/tmp/horovod_work")  # want: AIML196


def build_url_store():
    return Store.create(prefix_path="file:///var/tmp/hvd")  # want: AIML196


def joined_store():
    return LocalStore(os.path.join("/tmp", "hvd"))  # want: AIML196


# Guidance: replacing the expression would leave `Path` unused.
def path_store():
    return LocalStore(Path("/tmp") / "hvd")  # want: AIML196


# Guidance: a per-run f-string and a shared constant.
def local_store(run_id):
    return hvd_store.LocalStore(
        f"/dev/shm/horovod/{run_id}",  # want: AIML196
        train_path="train",
    )


STORE_DIR = "/tmp/hvd_shared"


def shared_store():
    return Store.create(STORE_DIR)  # want: AIML196
