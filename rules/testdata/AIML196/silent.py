# Spec example (silent), then look-alikes.
import tempfile

from horovod.spark.common.store import DBFSLocalStore, HDFSStore, LocalStore, Store


def build_store():
    return Store.create("hdfs:///user/ml-train/horovod_work")


# Remote filesystems.
def remote_stores():
    return [
        Store.create("dbfs:/ml/horovod"),
        Store.create("s3://bucket/horovod"),
        Store.create("gs://bucket/horovod"),
    ]


# HDFSStore / DBFSLocalStore.
def other_classes():
    return HDFSStore("hdfs:///tmp/horovod"), DBFSLocalStore("/dbfs/tmp/horovod")


# Local paths outside world-writable dirs, and private temp dirs.
def local_paths():
    return [
        LocalStore("/data/horovod"),
        LocalStore("horovod_work"),
        LocalStore(tempfile.mkdtemp(prefix="hvd-")),
    ]


# Non-literal paths.
def from_config(cfg):
    return Store.create(cfg.store_path)
