# Spec example (silent), then look-alikes that must not fire.
from datetime import timedelta

from feast import FeatureView, Field, FileSource, PushSource, StreamFeatureView
from feast.types import Int64

txn_push = PushSource(name="txn_push", batch_source=txn_batch)
txn_velocity = FeatureView(
    name="txn_velocity", entities=[card], source=txn_push, ttl=timedelta(minutes=30),
    schema=[Field(name="txn_count_10m", dtype=Int64)],
)

# Batch source: static attributes may legitimately live forever.
profile = FeatureView(
    name="profile", entities=[user], source=FileSource(path="data/profile.parquet", timestamp_field="ts"),
    schema=[Field(name="age", dtype=Int64)],
)

# Offline-only view.
archive = FeatureView(name="archive", entities=[user], source=txn_push, online=False, schema=[Field(name="n", dtype=Int64)])

# Non-literal ttl.
ttl_from_config = load_ttl()
configured = StreamFeatureView(name="configured", entities=[user], source=stream, ttl=ttl_from_config)

# Positive timedelta on a stream view.
live = StreamFeatureView(name="live", entities=[user], source=stream, ttl=timedelta(seconds=0, minutes=5))


# Options through **kwargs: ttl cannot be known.
def from_options(**opts):
    return StreamFeatureView(name="opts", entities=[user], **opts)


# Another library's FeatureView.
from mylib.features import FeatureView as OwnView

own = OwnView(name="own", source=PushSource(name="p", batch_source=txn_batch))
