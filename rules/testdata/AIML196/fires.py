# Spec example (fires), then variants.
from horovod.spark.common.store import Store


def build_store():
    return Store.create("/tmp/horovod_work")  # want: AIML196


# prefix_path= keyword with a file:// URL.
def build_url_store():
    return Store.create(prefix_path="file:///var/tmp/hvd")  # want: AIML196


# LocalStore through a module alias, multi-line, under /dev/shm.
import horovod.spark.common.store as hvd_store


def local_store(run_id):
    return hvd_store.LocalStore(
        f"/dev/shm/horovod/{run_id}",  # want: AIML196
        train_path="train",
    )


# FilesystemStore from-imported with `as`, inside a class.
from horovod.spark.common.store import FilesystemStore as FSStore


class EstimatorFactory:
    def store(self):
        return FSStore("/tmp/hvd_fs_store")  # want: AIML196


# os.path.join onto tempfile.gettempdir().
import os
import tempfile


def temp_store():
    return Store.create(os.path.join(tempfile.gettempdir(), "hvd"))  # want: AIML196


# pathlib under /tmp.
from pathlib import Path
from horovod.spark.common.store import LocalStore


def path_store():
    return LocalStore(Path("/tmp") / "hvd")  # want: AIML196
