# Spec example (fires), then variants.
from horovod.spark.common.store import Store


def build_store():
    return Store.create("/tmp/horovod_work")  # want: AIML196

